// For the PostgreSQL search's tests of the samples that try a bounded source first (a bounded walk, the first
// buckets) and look every match up in GIN only when that held too few: the statement, with statistics that choose
// the source, and what its plan did when it ran.
import type { Database } from '@credit/db';
import { parseQuery, ParsedQuery } from '../../search-text';
import { loadTokenStats } from '../postgres-search.index';
import { buildSearchSql } from '../postgres-search.sql';
import { tokenKey } from '../postgres-search.tokens';
import { BUCKET_KEYS } from '../sample-buckets';

export interface ClaimedStats {
  /** The word's share of the rows (its last bigram's; any other key is claimed at 90 %). */
  share: number;
  /** Each sample bucket's key's share (0: a table written before the keys). */
  bucketShare: number;
  countBound: number;
  asOf: string;
}

/** The statement for `query` with statistics that claim `claim`, whatever the table really holds. */
export async function claimedStatement(reader: Database, query: string, claim: ClaimedStats): Promise<{ text: string; params: unknown[] }> {
  const real = await loadTokenStats(reader);
  const word = tokenKey(query.slice(-2));
  const buckets = new Set(BUCKET_KEYS);
  const frequency = (key: number) => (key === word ? claim.share : buckets.has(key) ? claim.bucketShare : 0.9);
  const request = { table: 'public_disclosures', query: parseQuery(query) as ParsedQuery, filter: {}, asOf: claim.asOf, limit: 20, countBound: claim.countBound, cursor: null };
  return buildSearchSql(request, { ...real, frequency });
}

/** The plan as run (EXPLAIN ANALYZE), a line each. */
export async function planAsRun(reader: Database, sql: { text: string; params: unknown[] }): Promise<string[]> {
  return (await reader.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, COSTS OFF) ${sql.text}`, sql.params)).map((row) => row['QUERY PLAN']);
}

/**
 * Whether the lookup of every match ran, or null when the plan has none: its scan sits under the one-time filter
 * "fewer than `take`" (PostgreSQL 15 writes `$5 < 11`, 17 `(InitPlan 6).col1 < 11`), the last such filter of the plan
 * (a second bucket's lookup, before it, has one too).
 */
export function guardedLookupRan(plan: string[], take: number): boolean | null {
  const guards = plan.map((line, index) => (new RegExp(`One-Time Filter: \\(.+ < ${take}\\)`).test(line) ? index : -1)).filter((index) => index >= 0);
  const guard = guards.length ? guards[guards.length - 1] : -1;
  const lookup = plan.slice(guard + 1).find((line) => /->\s+.*Scan .*on public_disclosures /.test(line));
  return guard < 0 || lookup === undefined ? null : !lookup.includes('never executed');
}

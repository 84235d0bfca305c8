// EXPLAIN (ANALYZE, BUFFERS) of the search statement per query kind, for the three shapes the API runs: the
// page with count and facets (a first results page), the page with the count only, and the page alone.
import path from 'node:path';
import type { Database } from '@credit/db';
import { todayInChina } from '@credit/domain';
import { buildSearchSql, DEFAULT_COUNT_BOUND, parseQuery } from '@credit/search';
import type { TokenStats } from '@credit/search';
import type { Variant } from './queries';

export type Shape = 'full' | 'count' | 'page';
export const SHAPES: Shape[] = ['full', 'count', 'page'];

export interface KindPlan {
  kind: string;
  shape: Shape;
  executionMs: number;
  planningMs: number;
  buffers: number;
}

/**
 * Another checkout's statement builder, by path (for plan-pairs.ts and pair-load.ts): its own relative imports
 * (search-plan, search-text) come from that checkout too.
 */
export async function builderOf(root: string): Promise<typeof buildSearchSql> {
  return ((await import(path.resolve(root, 'libs/search/src/postgres/postgres-search.sql.ts'))) as { buildSearchSql: typeof buildSearchSql }).buildSearchSql;
}

/**
 * Exactly the statement the PostgreSQL adapter runs for these variables and this shape (`build`: another checkout's
 * builder, builderOf), on the live table or on `table` (pair-load.ts: a copy holding the other checkout's rows).
 */
export function searchSql(variables: Record<string, unknown>, stats: TokenStats, shape: Shape = 'full', build = buildSearchSql, table = 'public_disclosures'): { text: string; params: unknown[] } {
  const query = variables.query ? parseQuery(variables.query as string) : null;
  if (typeof query === 'string') throw new Error(`bad bench query ${String(variables.query)}`);
  return build(
    { table, query, filter: (variables.filter ?? {}) as object, asOf: todayInChina(), limit: 20, countBound: DEFAULT_COUNT_BOUND, cursor: null, count: shape !== 'page', facets: shape === 'full' },
    stats,
  );
}

/** Median execution time of five runs per kind × shape (the kinds of the issue: word, name, USCC, filter only). */
export async function explainKinds(db: Database, variants: Variant[], stats: TokenStats): Promise<KindPlan[]> {
  const pick = (kind: Variant['kind'], has: (v: Variant) => boolean) => variants.find((v) => v.kind === kind && has(v)) as Variant;
  const kinds: [string, Record<string, unknown>][] = [
    ['two-character word 食品', { query: '食品' }],
    ['two-character word 假冒', { query: '假冒' }],
    ['whole name', pick('name', () => true).variables],
    ['partial name 天长市', { query: '天长市' }],
    ['USCC', pick('uscc', (v) => Boolean(v.variables.query)).variables],
    ['filter only (region)', { filter: { regionCode: '341181' } }],
    ['filter only (none: newest)', {}],
    ['word + filter', { query: '食品', filter: { departmentCode: 'CZ-SCJGJ' } }],
  ];
  const out: KindPlan[] = [];
  for (const [kind, variables] of kinds) {
    for (const shape of SHAPES) {
      const sql = searchSql(variables, stats, shape);
      const runs: { executionMs: number; planningMs: number; buffers: number }[] = [];
      for (let i = 0; i < 5; i++) {
        const [row] = await db.query<{ 'QUERY PLAN': any }>(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql.text}`, sql.params);
        const plan = row['QUERY PLAN'][0];
        runs.push({ executionMs: plan['Execution Time'], planningMs: plan['Planning Time'], buffers: plan.Plan['Shared Hit Blocks'] + plan.Plan['Shared Read Blocks'] });
      }
      runs.sort((a, b) => a.executionMs - b.executionMs);
      const median = runs[2];
      out.push({ kind, shape, executionMs: Math.round(median.executionMs * 100) / 100, planningMs: Math.round(median.planningMs * 100) / 100, buffers: median.buffers });
    }
  }
  return out;
}

// For the PostgreSQL search's tests: what a statement's plan did when it ran, for the samples that try a bounded
// source first (a block sample, the first buckets) and look every match up in GIN only when that held too few.
import type { Database } from '@credit/db';

/** The plan as run (EXPLAIN ANALYZE), a line each. */
export async function planAsRun(reader: Database, sql: { text: string; params: unknown[] }): Promise<string[]> {
  return (await reader.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, COSTS OFF) ${sql.text}`, sql.params)).map((row) => row['QUERY PLAN']);
}

/**
 * Whether the lookup of every match ran, or null when the plan has none: its scan sits under the one-time filter
 * "fewer than `take`" (PostgreSQL 15 writes `$5 < 11`, 17 `(InitPlan 6).col1 < 11`).
 */
export function guardedLookupRan(plan: string[], take: number): boolean | null {
  const guard = plan.findIndex((line) => new RegExp(`One-Time Filter: \\(.+ < ${take}\\)`).test(line));
  const lookup = plan.slice(guard + 1).find((line) => /->\s+.*Scan .*on public_disclosures /.test(line));
  return guard < 0 || lookup === undefined ? null : !lookup.includes('never executed');
}

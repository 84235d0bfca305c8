// Execution and planning time of every variant of the bench's query mix, one by one (median of 5 EXPLAIN ANALYZE
// runs each, full page), sorted by cost: which queries of the mix the database's time goes to.
// Usage: PROFILE_DATABASE_URL=postgres://…/credit_bench_search node -r ./tools/register.js bench/search/variant-costs.ts
import { Database } from '@credit/db';
import { loadTokenStats } from '@credit/search';
import { searchSql, Shape } from './explain';
import { buildVariants } from './queries';

async function main(): Promise<void> {
  const url = process.env.PROFILE_DATABASE_URL;
  if (!url) throw new Error('PROFILE_DATABASE_URL: a database bench/search loaded');
  const shape = (process.env.PROFILE_SHAPE ?? 'full') as Shape;
  const db = new Database(url, 1);
  try {
    const stats = await loadTokenStats(db);
    const variants = await buildVariants(db);
    const rows: { label: string; kind: string; exec: number; plan: number }[] = [];
    for (const variant of variants) {
      const { text, params } = searchSql(variant.variables, stats, shape);
      const runs: { exec: number; plan: number }[] = [];
      for (let i = 0; i < 5; i++) {
        const [{ 'QUERY PLAN': plan }] = await db.query<{ 'QUERY PLAN': any }>(`EXPLAIN (ANALYZE, FORMAT JSON) ${text}`, params);
        runs.push({ exec: plan[0]['Execution Time'], plan: plan[0]['Planning Time'] });
      }
      runs.sort((a, b) => a.exec - b.exec);
      rows.push({ label: variant.label, kind: variant.kind, ...runs[2] });
    }
    rows.sort((a, b) => b.exec - a.exec);
    const total = rows.reduce((sum, r) => sum + r.exec + r.plan, 0);
    for (const r of rows) console.log(`${r.kind.padEnd(7)} ${r.label.padEnd(28)} ${r.exec.toFixed(2).padStart(7)} ms  plan ${r.plan.toFixed(2)} ms`);
    console.log(`all ${rows.length}: ${total.toFixed(1)} ms (execution + planning), planning ${rows.reduce((s, r) => s + r.plan, 0).toFixed(1)} ms`);
  } finally {
    await db.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

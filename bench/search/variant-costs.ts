// Execution and planning time of every variant of the bench's query mix, one by one (median of 5 EXPLAIN ANALYZE
// runs each, full page), sorted by cost: which queries of the mix the database's time goes to.
// PROFILE_TAIL=n times n searches of the long tail instead (long-tail.ts: a deterministic sample), and sums by kind.
// Usage: PROFILE_DATABASE_URL=postgres://…/credit_bench_search node -r ./tools/register.js bench/search/variant-costs.ts
import { searchSql } from './explain';
import { profileSession } from './long-tail';

async function main(): Promise<void> {
  const url = process.env.PROFILE_DATABASE_URL;
  if (!url) throw new Error('PROFILE_DATABASE_URL: a database bench/search loaded');
  const { db, stats, shape, variants } = await profileSession(url, 0);
  try {
    const rows: { label: string; kind: string; exec: number; plan: number }[] = [];
    for (const variant of variants) {
      const { text, params } = searchSql(variant.variables, stats, shape);
      const runs: { exec: number; plan: number }[] = [];
      for (let i = 0; i < 5; i++) {
        const [{ 'QUERY PLAN': plan }] = await db.query<{ 'QUERY PLAN': any }>(`EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) ${text}`, params);
        runs.push({ exec: plan[0]['Execution Time'], plan: plan[0]['Planning Time'] });
      }
      runs.sort((a, b) => a.exec - b.exec);
      rows.push({ label: variant.label, kind: variant.kind, ...runs[2] });
    }
    rows.sort((a, b) => b.exec - a.exec);
    const total = rows.reduce((sum, r) => sum + r.exec + r.plan, 0);
    const byKind = new Map<string, { n: number; ms: number }>();
    for (const r of rows) {
      const k = byKind.get(r.kind) ?? { n: 0, ms: 0 };
      byKind.set(r.kind, { n: k.n + 1, ms: k.ms + r.exec + r.plan });
    }
    for (const r of rows.slice(0, Number(process.env.PROFILE_TOP ?? rows.length))) console.log(`${r.kind.padEnd(7)} ${r.label.padEnd(28)} ${r.exec.toFixed(2).padStart(7)} ms  plan ${r.plan.toFixed(2)} ms`);
    for (const [kind, k] of byKind) console.log(`${kind.padEnd(7)} ${k.n} searches, ${k.ms.toFixed(1)} ms, ${(k.ms / k.n).toFixed(2)} ms each`);
    console.log(`all ${rows.length}: ${total.toFixed(1)} ms (execution + planning), planning ${rows.reduce((s, r) => s + r.plan, 0).toFixed(1)} ms`);
  } finally {
    await db.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

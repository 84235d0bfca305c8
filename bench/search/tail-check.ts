// bench/search/tail-check.ts: the long tail's search variants (long-tail.ts's tailVariants; 8,150 on the bench's
// 1M), each once, one at a time, through the PostgreSQL adapter on the 1M disclosures bench/search loaded: the
// errors by message (with the searches that raised them) and the latency quantiles, so a failing or slow shape of
// query is found by name, not as a rate.
// TAIL_CHECK_HEAD=n runs the 64 head queries n times each instead, with the median of each kind.
// BENCH_DATABASE_URL: the admin URL of the server holding credit_bench_search (BENCH_SERVER=production's
// server: `node -r ./tools/register.js bench/search/bench-postgres.ts <tmp>/credit-bench-search-pg` prints it).
import { Database } from '@credit/db';
import { DEFAULT_COUNT_BOUND, PostgresSearchIndex, searchReaderUrl } from '@credit/search';
import { todayInChina } from '@credit/domain';
import { tailVariants } from './long-tail';
import { buildVariants } from './queries';

async function main(): Promise<void> {
  const url = new URL(process.env.BENCH_DATABASE_URL as string);
  url.pathname = '/credit_bench_search';
  const db = new Database(searchReaderUrl(url.toString()), 4);
  const index = new PostgresSearchIndex(db, db);
  // TAIL_CHECK_HEAD=n: the bench's 64 head queries instead, each n times (a plan change checked on both ends).
  const head = Number(process.env.TAIL_CHECK_HEAD ?? 0);
  const tail = head > 0 ? (await buildVariants(db)).flatMap((variant) => Array.from({ length: head }, () => variant)) : await tailVariants(db, 12_100);
  const errors = new Map<string, string[]>();
  const slow: [number, string][] = [];
  const asOf = todayInChina();
  for (const v of tail) {
    const vars = v.variables as { query?: string; filter?: Record<string, string> };
    const started = Date.now();
    try {
      await index.search({ query: vars.query ?? null, filter: (vars.filter ?? {}) as any, first: 20, after: null, asOf, countBound: DEFAULT_COUNT_BOUND, count: true, facets: true });
    } catch (error) {
      const message = (error as Error).message;
      errors.set(message, [...(errors.get(message) ?? []), v.label]);
    }
    slow.push([Date.now() - started, v.label]);
  }
  const kinds = new Map<string, number[]>();
  tail.forEach((variant, i) => {
    const times = kinds.get(variant.kind) ?? [];
    kinds.set(variant.kind, times);
    times.push(slow[i][0]);
  });
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  console.log(`median per kind: ${[...kinds].map(([kind, values]) => `${kind} ${median(values)} ms (${values.length})`).join(', ')}`);
  slow.sort((a, b) => b[0] - a[0]);
  const total = slow.reduce((sum, [ms]) => sum + ms, 0);
  const q = (f: number) => slow[Math.floor((1 - f) * slow.length)][0];
  console.log(`total ${total} ms, mean ${(total / slow.length).toFixed(2)} ms, p50 ${q(0.5)} p90 ${q(0.9)} p99 ${q(0.99)} p99.9 ${q(0.999)} max ${slow[0][0]}`);
  console.log(`${tail.length} searches; errors: ${[...errors].map(([m, l]) => `${m} ×${l.length} (${l.slice(0, 5).join(' | ')})`).join('\n') || 'none'}`);
  console.log(`slowest: ${slow.slice(0, 15).map(([ms, l]) => `${ms} ms ${l}`).join('; ')}`);
  await db.close();
}
main().catch((error) => { console.error(error); process.exit(1); });

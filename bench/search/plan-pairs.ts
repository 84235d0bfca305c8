// Paired database cost of two versions of the search statement: for each search of the sample whose statement
// differs between this checkout and PAIR_BASE_ROOT (another checkout of the repository), EXPLAIN ANALYZE of the
// base's and this one's statement alternately, five times each, on the same connection; prints the medians
// (execution + planning) and their sums by kind. Alternating on one connection keeps a busy or drifting machine
// from favouring either side, which separate runs of variant-costs.ts do not. TIMING OFF: with per-node timing,
// every row through a node costs two clock reads, which inflated plans that test rows one by one (a walk, a block
// sample: 6,400 rows) against a GIN bitmap built inside one node.
// Usage: PAIR_BASE_ROOT=/tmp/base PROFILE_DATABASE_URL=postgres://…/credit_bench_search \
//   node -r ./tools/register.js bench/search/plan-pairs.ts   (PROFILE_TAIL=n: n long-tail searches, default 400;
//   PROFILE_TAIL=0: the 64 queries of the head mix; PROFILE_SHAPE=full|count|page; PROFILE_PLAN=generic)
// PROFILE_PLAN=generic: each statement prepared by name and run by EXECUTE, so it runs the generic plan the API runs
// (its readers' plan_cache_mode, SEARCH_SESSION_OPTIONS), and the figure is its execution alone. Without it, the
// statement with its parameters is planned for their values (a custom plan) and the figure counts the planning,
// ~1 ms a statement that the API does not pay: the head mix's nine words b20f5d5 changed, full page, against
// 5303591, 90.2 → 59.3 ms custom and 58.2 → 34.1 ms generic (two runs some minutes apart).
import type { SqlExecutor } from '@credit/db';
import { buildSearchSql } from '@credit/search';
import { searchSql } from './explain';
import { pairSession } from './long-tail';

type SearchSql = ReturnType<typeof buildSearchSql>;

async function main(): Promise<void> {
  const { db, stats, shape, variants, baseBuild } = await pairSession(400);
  try {
    // One connection throughout (a transaction), which holds the prepared statements.
    await db.transaction((session) => comparePlans(session, stats, shape, variants, baseBuild));
  } finally {
    await db.close();
  }
}

type Session = Awaited<ReturnType<typeof pairSession>>;

async function comparePlans(db: SqlExecutor, stats: Session['stats'], shape: Session['shape'], variants: Session['variants'], baseBuild: Session['baseBuild']): Promise<void> {
  const generic = process.env.PROFILE_PLAN === 'generic';
  const prepared = new Map<string, string>();
  const literal = (value: unknown) => `'${(Array.isArray(value) ? `{${value.join(',')}}` : String(value)).replace(/'/g, "''")}'`;
  /** The statement as EXPLAIN runs it: by EXECUTE of its prepared name when generic, else with its parameters. */
  const explained = async (sql: SearchSql): Promise<{ text: string; params: unknown[] }> => {
    if (!generic) return sql;
    let name = prepared.get(sql.text);
    if (name === undefined) {
      name = `pair_${prepared.size}`;
      await db.query(`PREPARE ${name} AS ${sql.text}`);
      prepared.set(sql.text, name);
    }
    // A statement without parameters is executed without parentheses (`EXECUTE name()` is a syntax error).
    return { text: `EXECUTE ${name}${sql.params.length ? `(${sql.params.map(literal).join(', ')})` : ''}`, params: [] };
  };
  const cost = async (sql: SearchSql): Promise<number> => {
    const run = await explained(sql);
    const [{ 'QUERY PLAN': plan }] = await db.query<{ 'QUERY PLAN': any }>(`EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) ${run.text}`, run.params);
    return plan[0]['Execution Time'] + (generic ? 0 : plan[0]['Planning Time']);
  };
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const sums = new Map<string, { base: number; mine: number; n: number }>();
  let unchanged = 0;
  for (const variant of variants) {
    const before = searchSql(variant.variables, stats, shape, baseBuild);
    const after = searchSql(variant.variables, stats, shape);
    if (before.text === after.text && JSON.stringify(before.params) === JSON.stringify(after.params)) {
      unchanged++;
      continue;
    }
    const runs = { base: [] as number[], mine: [] as number[] };
    for (let i = 0; i < 5; i++) {
      runs.base.push(await cost(before));
      runs.mine.push(await cost(after));
    }
    const [b, m] = [median(runs.base), median(runs.mine)];
    const sum = sums.get(variant.kind) ?? { base: 0, mine: 0, n: 0 };
    sums.set(variant.kind, { base: sum.base + b, mine: sum.mine + m, n: sum.n + 1 });
    process.stdout.write(`${variant.kind.padEnd(7)} ${variant.label.padEnd(24)} ${b.toFixed(2)} → ${m.toFixed(2)} ms\n`);
  }
  process.stdout.write(`statement unchanged: ${unchanged} of ${variants.length}\n`);
  for (const [kind, { base: b, mine: m, n }] of sums) process.stdout.write(`${kind}: ${n} changed, ${b.toFixed(1)} → ${m.toFixed(1)} ms (×${(m / b).toFixed(2)})\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

// Profiles the full tier recomputation stage by stage, on the database bench/tiers/run.ts left behind
// (credit_bench_tiers + BENCH_DB_SUFFIX): staging, then per chunk the evaluation alone (no write) and the whole
// chunk statement, with its EXPLAIN (ANALYZE, BUFFERS, WAL) for the first chunk. PROFILE_STATE=empty (default)
// truncates subject_tiers and subject_tier_history first (the first run); PROFILE_STATE=full keeps them (re-run).
//
// Run: BENCH_DB_SUFFIX=_tiers_h node -r ./tools/register.js bench/tiers/profile.ts
import { Client } from 'pg';
import { DEFAULT_CHUNK_SIZE, STAGE_DDL, STAGE_DROP, STAGE_INDEXES, TierRecomputeRepository } from '@credit/credit-tiers';
import { getTierRuleSet, todayInChina } from '@credit/domain';

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const CHUNK = Number(process.env.BENCH_CHUNK ?? DEFAULT_CHUNK_SIZE);
const STATE = process.env.PROFILE_STATE ?? 'empty';

async function main(): Promise<void> {
  const url = new URL(ADMIN_URL);
  url.pathname = `/credit_bench_tiers${process.env.BENCH_DB_SUFFIX ?? ''}`;
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  const sqlSet = new TierRecomputeRepository().sqlFor(getTierRuleSet('v2'));
  const asOf = todayInChina();
  const wal = async () => (await client.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn')).rows[0].lsn;
  const walSince = async (from: string) => Number((await client.query<{ b: string }>('SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), $1) AS b', [from])).rows[0].b);
  const step = async (label: string, fn: () => Promise<unknown>) => {
    const lsn = await wal();
    const started = process.hrtime.bigint();
    await fn();
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    console.log(`${label.padEnd(40)} ${(ms / 1000).toFixed(3).padStart(8)} s  WAL ${(await walSince(lsn) / 1e6).toFixed(1).padStart(8)} MB`);
    return ms;
  };
  if (STATE === 'empty') await step('truncate', () => client.query('TRUNCATE subject_tiers, subject_tier_history'));
  // Each staging step on its own, on one session (the service runs them on two, from one snapshot).
  await client.query(STAGE_DROP);
  for (const ddl of STAGE_DDL) await client.query(ddl);
  await step('stage subjects', () => client.query(sqlSet.stageSubjects, [null]));
  await step('stage records', () => client.query(sqlSet.stageRecords, [asOf, null, '0', null]));
  await step('stage indexes + analyse, subjects', async () => {
    for (const statement of STAGE_INDEXES.subjects) await client.query(statement);
  });
  await step('stage indexes + analyse, records', async () => {
    for (const statement of STAGE_INDEXES.records) await client.query(statement);
  });
  const chunks = (
    await client.query<{ lo: string; hi: string }>(
      `SELECT min(subject_id) AS lo, max(subject_id) AS hi FROM (SELECT subject_id, (row_number() OVER (ORDER BY subject_id) - 1) / $1 AS chunk FROM tier_stage_subjects) x
        GROUP BY chunk ORDER BY chunk`,
      [CHUNK],
    )
  ).rows;
  // The evaluation alone: the chunk statement up to its diff, counted instead of written.
  const evaluateOnly = `${sqlSet.chunk.slice(0, sqlSet.chunk.indexOf('updated AS ('))} x AS (SELECT 1) SELECT count(*) FROM diff`;
  const params = (c: { lo: string; hi: string }) => [asOf, c.lo, c.hi, 'PROFILE'];
  await client.query(`SET work_mem = '64MB'`);
  await client.query('SET synchronous_commit = off');
  await client.query('BEGIN');
  const explain = await client.query(`EXPLAIN (ANALYZE, BUFFERS, WAL, COSTS OFF) ${sqlSet.chunk}`, params(chunks[0])).catch((e) => ({ rows: [{ 'QUERY PLAN': String(e) }] }));
  await client.query('ROLLBACK').catch(() => undefined);
  if (process.env.PROFILE_EXPLAIN) console.log(explain.rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n'));
  let evalMs = 0;
  for (const c of chunks) evalMs += await step(`  evaluate chunk ${c.lo}..${c.hi}`, () => client.query(evaluateOnly, params(c).slice(0, 3)));
  let writeMs = 0;
  for (const c of chunks) writeMs += await step(`  chunk statement ${c.lo}..${c.hi}`, () => client.query(sqlSet.chunk, params(c)));
  console.log(`evaluate only: ${(evalMs / 1000).toFixed(2)} s; whole chunks: ${(writeMs / 1000).toFixed(2)} s (one session)`);
  await client.query(STAGE_DROP);
  await client.end();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

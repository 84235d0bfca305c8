// Full tier recomputation at scale (DESIGN.md §5): 1,000,000 subjects, 3,000,000 penalty records, generated
// set-based in a fresh database. Measures, in the same run and database:
//   baseline  the bare scoring aggregate (points, repeat window, cap → level) upserted for all subjects into a
//             table with nothing but (subject_id, level, score)
//   full      TierRecomputeService's staged recomputation: reasons (jsonb), next review date, history rows,
//             change detection, chunked transactions
// each twice: from empty tables (first computation) and again on unchanged data (only changed rows written).
//
// Run: node -r ./tools/register.js bench/tiers/run.ts   (BENCH_DATABASE_URL: an admin URL, default local postgres;
// BENCH_SUBJECTS / BENCH_RECORDS to shrink it).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { ORM_ENTITIES } from '@credit/bootstrap';
import { DEFAULT_CHUNK_SIZE, DEFAULT_CONCURRENCY, TierRecomputeRepository } from '@credit/credit-tiers';
import { Database, migrateDatabase } from '@credit/db';
import { getTierRuleSet, TierRuleSet, todayInChina } from '@credit/domain';
import { serverSettings } from '../support/bench-database';
import { databaseServerCpu } from '../support/process-cpu';

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
// BENCH_DB_SUFFIX keeps parallel runs (e.g. a helper beside the "before" run) in separate databases.
const DATABASE = `credit_bench_tiers${process.env.BENCH_DB_SUFFIX ?? ''}`;
const SUBJECTS = Number(process.env.BENCH_SUBJECTS ?? 1_000_000);
const RECORDS = Number(process.env.BENCH_RECORDS ?? 3_000_000);
const CHUNK = Number(process.env.BENCH_CHUNK ?? DEFAULT_CHUNK_SIZE);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? DEFAULT_CONCURRENCY);
// The 1M run is bench/results/tiers.json; a smaller one says its size (tiers-300k.json), so both scales the issue
// names are kept side by side.
const RESULT_FILE = path.resolve(__dirname, '..', 'results', SUBJECTS === 1_000_000 ? 'tiers.json' : `tiers-${Math.round(SUBJECTS / 1000)}k.json`);
// The platform's default rule set (app-config: TIER_RULE_VERSION unset → v2, with inspection results), so both
// the full recomputation and the bare aggregate score the same rules.
const RULES: TierRuleSet = getTierRuleSet('v2');
// Share of subjects with one 双随机 inspection result over the last 18 months (some outside the 12-month window).
const INSPECTED_SHARE = 0.05;

const REGIONS = ['341102', '341103', '341122', '341124', '341125', '341126', '341181', '341182'];
const VIOLATIONS = Array.from({ length: 24 }, (_, i) => `违法行为类型${i + 1}`);
const CATEGORIES = ['WARNING', 'FINE', 'CONFISCATE_ILLEGAL_GAINS', 'SUSPEND_LICENSE', 'SUSPEND_PRODUCTION', 'REVOKE_LICENSE', 'ORDER_CLOSURE', 'RESTRICT_OPERATIONS'];

/** CPU seconds of the whole database server so far (postmaster and every process it started), or null when remote. */
let serverCpu: () => number | null = () => null;

/** Wall time, and the database server's CPU over the same span (null when the server is not on this machine). */
async function timed<T>(label: string, fn: () => Promise<T>): Promise<{ ms: number; value: T; cpu: number | null }> {
  const cpuBefore = serverCpu();
  const started = process.hrtime.bigint();
  const value = await fn();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const cpuAfter = serverCpu();
  const cpu = cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore;
  console.log(`${label.padEnd(46)} ${(ms / 1000).toFixed(2).padStart(8)} s${cpu === null ? '' : `   server CPU ${cpu.toFixed(2).padStart(6)} s`}`);
  return { ms, value, cpu };
}

/** The README sketch: per-record points + repeat window, Σ per subject (+ inspection points), level with the 12-month cap; no reasons. */
function bareAggregateSql(changedOnly: boolean): string {
  const r = RULES;
  const inspection = r.inspectionResults;
  const inspectionPoints = inspection
    ? `CASE i.category ${Object.entries(inspection.points).map(([category, points]) => `WHEN '${category}' THEN ${points}`).join(' ')} ELSE 0 END`
    : '0';
  return `
  WITH counted AS (
    SELECT p.subject_id, p.severity, p.decision_date, p.violation_type, p.penalty_categories AS c,
           coalesce(p.fine_amount, 0) + coalesce(p.confiscated_amount, 0) AS amount
      FROM penalty_records p
     WHERE p.decision_date <= $1::date
       AND (p.status <> 'REVOKED' OR (p.revoked_at AT TIME ZONE INTERVAL '+08:00')::date > $1::date)
       AND (p.repaired_on IS NULL OR p.repaired_on > $1::date)
       AND $1::date < p.decision_date + CASE p.severity WHEN 'MINOR' THEN interval '6 months' WHEN 'GENERAL' THEN interval '12 months' ELSE interval '36 months' END
  ), scored AS (
    SELECT subject_id, severity, decision_date,
           CASE severity WHEN 'MINOR' THEN 2 WHEN 'GENERAL' THEN 10 ELSE 30 END
         + GREATEST(0, CASE WHEN c && ARRAY['REVOKE_LICENSE','ORDER_CLOSURE','RESTRICT_PRACTICE'] THEN 40 END,
                       CASE WHEN c && ARRAY['SUSPEND_PRODUCTION','DETENTION','DOWNGRADE_QUALIFICATION','RESTRICT_OPERATIONS'] THEN 20 END,
                       CASE WHEN 'SUSPEND_LICENSE' = ANY(c) THEN 10 END,
                       CASE WHEN c && ARRAY['CONFISCATE_ILLEGAL_GAINS','CONFISCATE_ILLEGAL_PROPERTY'] THEN 5 END)
         + CASE WHEN amount >= 100 THEN 10 WHEN amount >= 10 THEN 5 WHEN amount >= 1 THEN 2 ELSE 0 END
         + CASE WHEN btrim(violation_type) <> '' AND count(*) OVER (
                  PARTITION BY subject_id, violation_type ORDER BY decision_date
                  RANGE BETWEEN interval '12 months' PRECEDING AND interval '1 day' PRECEDING) > 0 THEN 10 ELSE 0 END AS points
      FROM counted
  ), inspected AS (
    SELECT i.subject_id, NULL::text AS severity, i.inspected_on AS decision_date, ${inspectionPoints} AS points
      FROM inspection_results i
     WHERE ${inspection ? `i.inspected_on <= $1::date AND $1::date < i.inspected_on + interval '${inspection.windowMonths} months'` : 'false'}
  ), agg AS (
    SELECT subject_id, greatest(0, 100 - sum(points))::int AS score,
           coalesce(bool_or(severity = 'SERIOUS' AND $1::date < decision_date + interval '12 months'), false) AS capped
      FROM (SELECT subject_id, severity, decision_date, points FROM scored UNION ALL SELECT * FROM inspected) x GROUP BY subject_id
  )
  INSERT INTO bench_bare_tiers AS t (subject_id, level, score)
  SELECT s.id,
         CASE WHEN coalesce(a.score, 100) >= ${r.thresholds.A} AND NOT coalesce(a.capped, false) THEN 'A'
              WHEN coalesce(a.score, 100) >= ${r.thresholds.B} AND NOT coalesce(a.capped, false) THEN 'B'
              WHEN coalesce(a.score, 100) >= ${r.thresholds.C} THEN 'C' ELSE 'D' END,
         coalesce(a.score, 100)
    FROM credit_subjects s LEFT JOIN agg a ON a.subject_id = s.id
  ON CONFLICT (subject_id) DO UPDATE SET level = EXCLUDED.level, score = EXCLUDED.score
  ${changedOnly ? 'WHERE (t.level, t.score) IS DISTINCT FROM (EXCLUDED.level, EXCLUDED.score)' : ''}`;
}

async function generate(db: Database, asOf: string): Promise<void> {
  await db.query(
    `INSERT INTO departments (code, name, uscc, region_code)
     SELECT 'BENCH-' || i, '压测部门' || i, '11341100MB' || lpad(i::text, 7, '0') || 'X', '341100' FROM generate_series(1, 20) i`,
  );
  await timed(`generate ${SUBJECTS.toLocaleString()} subjects`, () =>
    db.query(
      `INSERT INTO credit_subjects (subject_key, uscc, name, subject_type, region_code, category)
       SELECT k, k, '压测主体' || i, CASE WHEN i % 10 = 0 THEN 'INDIVIDUAL_BUSINESS' ELSE 'LEGAL_ENTITY' END,
              ($1::text[])[1 + i % array_length($1::text[], 1)], '91'
         FROM generate_series(1, $2::int) i, LATERAL (SELECT '91' || lpad(i::text, 16, '0') AS k) x`,
      [REGIONS, SUBJECTS],
    ),
  );
  // Realistic shape: decisions over the last four years; 30% minor, 50% general, 20% serious; a few revoked
  // or repaired; violation types repeat (24 kinds); subjects drawn at random (so records are not clustered).
  await timed(`generate ${RECORDS.toLocaleString()} penalty records`, () =>
    db.query(
      `WITH bounds AS (SELECT min(id) AS lo, count(*) AS n FROM credit_subjects),
            deps AS (SELECT array_agg(id ORDER BY id) AS ids FROM departments)
       INSERT INTO penalty_records (department_id, decision_number, subject_id, party_name, party_type, violation_type, violation_facts,
                                    legal_basis, penalty_categories, penalty_content, fine_amount, confiscated_amount, decision_date,
                                    authority_name, authority_uscc, severity, content_hash, status, revoked_at, repaired_on)
       SELECT deps.ids[1 + i % 20], '滁压测罚〔' || (2022 + i % 5) || '〕' || i || '号', bounds.lo + floor(random() * bounds.n)::bigint,
              '压测主体', 'LEGAL_ENTITY', ($2::text[])[1 + floor(random() * 24)::int], '违法事实', '法律依据',
              CASE WHEN random() < 0.75 THEN ARRAY['FINE'] ELSE ARRAY['FINE', ($3::text[])[1 + floor(random() * 8)::int]] END,
              '处罚内容', CASE WHEN random() < 0.8 THEN round((random() ^ 3 * 150)::numeric, 2) END,
              CASE WHEN random() < 0.1 THEN round((random() * 20)::numeric, 2) END,
              $1::date - floor(random() * 1460)::int, '压测机关', '11341100MB0000000X',
              CASE WHEN s < 0.3 THEN 'MINOR' WHEN s < 0.8 THEN 'GENERAL' ELSE 'SERIOUS' END,
              md5(i::text), CASE WHEN rv THEN 'REVOKED' ELSE 'ACTIVE' END,
              CASE WHEN rv THEN now() - interval '30 days' END,
              CASE WHEN NOT rv AND random() < 0.04 THEN $1::date - 10 END
         FROM bounds, deps, generate_series(1, $4::int) i,
              LATERAL (SELECT random() AS s, random() < 0.03 AS rv, i AS _) x`,
      [asOf, VIOLATIONS, CATEGORIES, RECORDS],
    ),
  );
  // 双随机 results (v2 counts them): one plan, INSPECTED_SHARE of the subjects, categories spread evenly.
  await timed('generate inspection results', async () => {
    await db.query(
      `INSERT INTO inspection_plans (name, year, region_code, subject_types, industry_codes, department_ids, item_ids, strata, exclusion_months,
                                     planned_start, planned_end, status, created_by)
       VALUES ('压测抽查计划', 2026, '341100', '{}', '{}', '{}', '{}', '[]', 0, $1::date - 540, $1::date, 'COMPLETED', 'bench')`,
      [asOf],
    );
    await db.query(
      `INSERT INTO inspection_results (plan_id, subject_id, category, findings, inspected_on, inspector_ids, publication_due, recorded_by_id)
       SELECT (SELECT min(id) FROM inspection_plans), s.id, ($2::text[])[1 + floor(random() * 7)::int], '检查发现',
              $1::date - floor(random() * 540)::int, '{}', $1::date, (SELECT min(id) FROM departments)
         FROM credit_subjects s WHERE random() < $3`,
      [asOf, ['NO_PROBLEM', 'INFO_NOT_DISCLOSED', 'FALSIFIED_INFO', 'ADDRESS_UNREACHABLE', 'ORDERED_TO_CORRECT', 'OBSTRUCTED', 'PENDING_FOLLOW_UP'], INSPECTED_SHARE],
    );
  });
  await timed('analyze', () => db.query('ANALYZE'));
}

async function main(): Promise<void> {
  const startLoad = os.loadavg();
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DATABASE} ENCODING 'UTF8' TEMPLATE template0`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${DATABASE}`;
  await timed('migrate', () => migrateDatabase(url.toString(), ORM_ENTITIES));
  const db = new Database(url.toString(), 4);
  const asOf = todayInChina();
  try {
    // Wall time on 2 shared cores moves with everything else the machine runs; the server's CPU is steadier.
    serverCpu = await databaseServerCpu(db);
    await generate(db, asOf);
    const [{ counted }] = await db.query<{ counted: number }>(
      `SELECT count(*)::int AS counted FROM penalty_records WHERE decision_date > $1::date - interval '36 months' AND status = 'ACTIVE'`,
      [asOf],
    );
    await db.query('CREATE TABLE bench_bare_tiers (subject_id bigint PRIMARY KEY, level text NOT NULL, score int NOT NULL)');

    const bare1 = await timed('baseline: bare aggregate + upsert (empty)', () => db.query(bareAggregateSql(false), [asOf]));
    const bare2 = await timed('baseline: again, changed rows only', () => db.query(bareAggregateSql(true), [asOf]));

    const repository = new TierRecomputeRepository();
    const run = (cause: string) =>
      repository.recomputeStaged(db, RULES, {
        asOf,
        cause,
        regionPrefix: null,
        chunkSize: CHUNK,
        concurrency: CONCURRENCY,
        onProgress: (p) => process.stdout.write(`\r  chunk ${p.chunk}/${p.chunks}  ${p.subjectsDone.toLocaleString()} subjects  ${p.changed.toLocaleString()} changed   `),
      });
    const full1 = await timed('\nfull: reasons + history (empty)', () => run('RECOMPUTE_ALL'));
    const full2 = await timed('\nfull: again, nothing changed', () => run('RECOMPUTE_ALL'));

    // The two paths must agree on level and score for every subject.
    const [{ disagree }] = await db.query<{ disagree: number }>(
      `SELECT count(*)::int AS disagree FROM subject_tiers t JOIN bench_bare_tiers b USING (subject_id) WHERE (t.level, t.score) IS DISTINCT FROM (b.level, b.score)`,
    );
    const [{ history }] = await db.query<{ history: number }>('SELECT count(*)::int AS history FROM subject_tier_history');
    const levels = await db.query<{ level: string; n: number }>('SELECT level, count(*)::int AS n FROM subject_tiers GROUP BY level ORDER BY level');
    const result = {
      measuredAt: new Date().toISOString(),
      ruleVersion: RULES.version,
      postgres: (await db.query<{ v: string }>('SELECT version() AS v'))[0].v,
      server: await serverSettings(url.toString()),
      subjects: SUBJECTS,
      records: RECORDS,
      recordsInLast36Months: counted,
      chunkSize: CHUNK,
      concurrency: CONCURRENCY,
      baseline: { firstSeconds: bare1.ms / 1000, rerunChangedOnlySeconds: bare2.ms / 1000 },
      full: {
        firstSeconds: full1.ms / 1000,
        firstStageSeconds: full1.value.stageMs / 1000,
        firstChanged: full1.value.changed,
        rerunSeconds: full2.ms / 1000,
        rerunWritten: full2.value.written,
        stagedRecords: full1.value.stagedRecords,
        historyRows: history,
      },
      ratio: { first: full1.ms / bare1.ms, rerun: full2.ms / bare2.ms },
      // Every PostgreSQL process's CPU over each step (/proc; null for a server on another machine).
      serverCpuSeconds: {
        baselineFirst: bare1.cpu,
        fullFirst: full1.cpu,
        ratioFirst: bare1.cpu && full1.cpu !== null ? full1.cpu / bare1.cpu : null,
      },
      loadAverage: { start: startLoad, end: os.loadavg() },
      levels: Object.fromEntries(levels.map((row) => [row.level, row.n])),
      levelScoreDisagreements: disagree,
    };
    console.log(`ratio full / baseline: first ${result.ratio.first.toFixed(2)}×, rerun ${result.ratio.rerun.toFixed(2)}×`);
    const cpuRatio = result.serverCpuSeconds.ratioFirst;
    if (cpuRatio !== null) console.log(`server CPU full / baseline, first: ${cpuRatio.toFixed(2)}× (${full1.cpu?.toFixed(1)} s ÷ ${bare1.cpu?.toFixed(1)} s)`);
    console.log(`load average (1/5/15 min): start ${startLoad.map((v) => v.toFixed(2)).join('/')}, end ${os.loadavg().map((v) => v.toFixed(2)).join('/')}`);
    console.log(`levels ${JSON.stringify(result.levels)}, history rows ${history}, level/score disagreements with the baseline: ${disagree}`);
    fs.mkdirSync(path.dirname(RESULT_FILE), { recursive: true });
    fs.writeFileSync(RESULT_FILE, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`wrote ${path.relative(process.cwd(), RESULT_FILE)}`);
  } finally {
    await db.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

// 双随机 draw at scale (issue 14): 1,000,000 subjects in scope (60% A without a tier row, 20% B, 10% C, 10% D),
// generated set-based in a fresh database. Measures, in the same run and database:
//   draw      InspectionDrawService.draw: freeze the candidates (INSERT … SELECT from credit_subjects +
//             subject_tiers, exclusion window, strata sizes from the rows inserted), per tier a read-only top-N by
//             SHA-256(seed ‖ USCC) (parallel-capable), the selections by one INSERT over arrays, candidate-list
//             hash by COPY into node:crypto, plan update, audit — one transaction; each step's time is printed
//   hash      the candidate-list hash both ways over the same frozen list: COPY → node:crypto, and SQL string_agg
//   baseline  a bare `SELECT uscc … ORDER BY sha256(seed ‖ USCC) LIMIT <drawn>` over the same frozen candidates
//   verify    inspections:verify-draw's re-computation in Node from the database's list, with node:crypto's
//             SHA-256 (what the service and CLI pass) and with the pure TypeScript one (the domain's default)
// Several rounds (BENCH_ROUNDS, default 3), each a new plan; the exclusion window (12 months) is on, so later rounds
// also leave out what earlier rounds drew (A–C). Figure: the median round's draw / baseline. Target ≤ 3.
//
// Run: npm run bench -- inspections   (BENCH_DATABASE_URL: an admin URL; BENCH_SUBJECTS to shrink it)
import { AuditService } from '@credit/audit';
import { UserPrincipal } from '@credit/common';
import { Database } from '@credit/db';
import { seedCommitment, sha256 } from '@credit/domain';
import {
  candidateListHashByCopy,
  candidateListHashInSql,
  InspectionClock,
  InspectionDrawRepository,
  InspectionDrawService,
  InspectionPlansRepository,
  InspectionPlansService,
} from '@credit/inspections';
import { freshBenchDatabase, writeResult } from '../support/bench-database';

const SUBJECTS = Number(process.env.BENCH_SUBJECTS ?? 1_000_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const REGIONS = ['341102', '341103', '341122', '341124', '341125', '341126', '341181', '341182'];
const STRATA = [
  { tier: 'A', ratioBasisPoints: 300, minCount: null, maxCount: null },
  { tier: 'B', ratioBasisPoints: 500, minCount: null, maxCount: null },
  { tier: 'C', ratioBasisPoints: 1000, minCount: null, maxCount: null },
  { tier: 'D', ratioBasisPoints: 3000, minCount: null, maxCount: null },
];
const PRINCIPAL: UserPrincipal = { kind: 'USER', userId: '0', username: 'bench', role: 'REGULATOR', regionCode: null };

async function timed<T>(label: string, fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = process.hrtime.bigint();
  const value = await fn();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  console.log(`${label.padEnd(52)} ${(ms / 1000).toFixed(3).padStart(8)} s`);
  return { ms, value };
}

async function generate(db: Database): Promise<void> {
  await db.query(
    `INSERT INTO credit_subjects (subject_key, uscc, name, subject_type, region_code, category)
     SELECT u, u, '抽查基准企业' || g, 'LEGAL_ENTITY', r, '91'
       FROM generate_series(1, $1::int) g
      CROSS JOIN LATERAL (SELECT ($2::text[])[1 + g % 8] AS r) x
      CROSS JOIN LATERAL (SELECT '91' || x.r || lpad(g::text, 10, '0') AS u) y`,
    [SUBJECTS, REGIONS],
  );
  await db.query(
    `INSERT INTO subject_tiers (subject_id, level, score, rule_version, reasons, computed_at, changed_at, region_code, subject_type)
     SELECT id, CASE WHEN id % 10 < 2 THEN 'B' WHEN id % 10 < 3 THEN 'C' ELSE 'D' END,
            CASE WHEN id % 10 < 2 THEN 80 WHEN id % 10 < 3 THEN 50 ELSE 20 END, 'v1', '[]', now(), now(), region_code, subject_type
       FROM credit_subjects WHERE id % 10 < 4`,
  );
  await db.query('ANALYZE credit_subjects');
  await db.query('ANALYZE subject_tiers');
}

async function publishedPlan(db: Database, name: string, seed: string): Promise<string> {
  const [department] = await db.query<{ id: string }>(
    `INSERT INTO departments (code, name, uscc, region_code) VALUES ($1, '滁州市市场监督管理局', $2, '341100') ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name RETURNING id::text`,
    ['BENCH-SCJGJ', '11341100MB0000000X'],
  );
  const [plan] = await db.query<{ id: string }>(
    `INSERT INTO inspection_plans (name, year, region_code, subject_types, industry_codes, department_ids, item_ids, strata, exclusion_months,
                                   planned_start, planned_end, status, created_by, seed_commitment, published_at)
     VALUES ($1, 2026, '341100', '{LEGAL_ENTITY}', '{}', ARRAY[$2], '{}', $3::jsonb, 12, '2026-01-01', '2026-12-31', 'PUBLISHED', 'bench', $4, now())
     RETURNING id::text`,
    [name, department.id, JSON.stringify(STRATA), seedCommitment(seed)],
  );
  await db.query(`INSERT INTO inspection_plan_seeds (plan_id, seed) VALUES ($1::bigint, $2)`, [plan.id, seed]);
  return plan.id;
}

async function main(): Promise<void> {
  const url = await freshBenchDatabase('credit_bench_inspections');
  const db = new Database(url, 4);
  try {
    await timed(`generate ${SUBJECTS.toLocaleString('en')} subjects and their tiers`, () => generate(db));
    const plansRepository = new InspectionPlansRepository();
    const audit = new AuditService();
    const plans = new InspectionPlansService(db, plansRepository, audit);
    const clock = new InspectionClock();
    const service = new InspectionDrawService(db, plans, plansRepository, new InspectionDrawRepository(), audit, clock);

    // Rounds of (draw a new plan, then the baseline over that plan's frozen candidates three times), so that a
    // busy machine (2 cores shared) weighs on both sides alike; the figure is the median of the rounds' ratios.
    const rounds: { drawMs: number; baselineMs: number; ratio: number; steps: Record<string, number>; hashCopyMs: number; hashSqlMs: number }[] = [];
    let last: { planId: string; drawn: number; candidates: number | null; strata: unknown } | null = null;
    const baselineSql = `SELECT uscc FROM inspection_candidates WHERE plan_id = $1::bigint
                          ORDER BY sha256(decode($2::text, 'hex') || convert_to(uscc, 'UTF8')) LIMIT $3`;
    for (let round = 1; round <= ROUNDS; round++) {
      const planId = await publishedPlan(db, `基准抽查 第${round}轮`, round.toString(16).padStart(2, '0').repeat(32));
      const steps: Record<string, number> = {};
      const draw = await timed(`round ${round}: draw (freeze + rank + hash + record)`, () => service.draw(planId, PRINCIPAL, steps));
      console.log(`  steps: ${Object.entries(steps).map(([k, v]) => `${k} ${(v / 1000).toFixed(3)} s`).join(', ')}`);
      const copy = await timed(`round ${round}: list hash, COPY → node:crypto`, () => db.transaction((_sql, client) => candidateListHashByCopy(client, planId), 1));
      const inSql = await timed(`round ${round}: list hash, SQL string_agg + sha256`, () => db.transaction((sql) => candidateListHashInSql(sql, planId), 1));
      if (copy.value !== draw.value.candidateListHash || inSql.value !== draw.value.candidateListHash) throw new Error('list hashes differ');
      const drawn = draw.value.strata.reduce((sum, s) => sum + s.count, 0);
      const baselines: number[] = [];
      for (let i = 0; i < 3; i++) baselines.push((await timed(`round ${round}: baseline SELECT … ORDER BY digest LIMIT ${drawn}`, () => db.query(baselineSql, [planId, draw.value.seed, drawn]))).ms);
      const baselineMs = Math.min(...baselines);
      rounds.push({ drawMs: draw.ms, baselineMs, ratio: draw.ms / baselineMs, steps, hashCopyMs: copy.ms, hashSqlMs: inSql.ms });
      last = { planId, drawn, candidates: draw.value.candidateCount, strata: draw.value.strata };
    }
    const cpu = process.cpuUsage();
    const verify = await timed('verify in Node (node:crypto SHA-256)', () => service.verify(last!.planId, null));
    const verifyCpu = process.cpuUsage(cpu);
    if (!verify.value?.matches) throw new Error(`verification failed: ${JSON.stringify(verify.value?.checks)}`);
    console.log(`  CPU ${((verifyCpu.user + verifyCpu.system) / 1e6).toFixed(3)} s`);
    const pure = await timed('verify in Node (pure TypeScript SHA-256)', () => service.verify(last!.planId, null, sha256));
    if (!pure.value?.matches) throw new Error(`verification (pure) failed: ${JSON.stringify(pure.value?.checks)}`);
    const ratios = rounds.map((r) => r.ratio).sort((a, b) => a - b);
    const ratio = ratios[Math.floor(ratios.length / 2)];
    console.log(`candidates ${last!.candidates}, drawn ${last!.drawn}; draw / baseline per round ${rounds.map((r) => r.ratio.toFixed(2)).join(', ')}; median ${ratio.toFixed(2)} × (target ≤ 3)`);
    const [{ version }] = await db.query<{ version: string }>('SELECT version()');
    const file = writeResult('inspections', {
      postgres: version,
      subjects: SUBJECTS,
      candidates: last!.candidates,
      drawn: last!.drawn,
      strata: last!.strata,
      rounds: rounds.map((r) => ({
        drawSeconds: r.drawMs / 1000,
        baselineSeconds: r.baselineMs / 1000,
        ratio: r.ratio,
        stepSeconds: Object.fromEntries(Object.entries(r.steps).map(([k, v]) => [k, v / 1000])),
        listHashCopySeconds: r.hashCopyMs / 1000,
        listHashSqlSeconds: r.hashSqlMs / 1000,
      })),
      verifyInNodeSeconds: verify.ms / 1000,
      verifyInNodeCpuSeconds: (verifyCpu.user + verifyCpu.system) / 1e6,
      verifyInNodePureSeconds: pure.ms / 1000,
      ratio,
      target: 3,
    });
    console.log(`wrote ${file}`);
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

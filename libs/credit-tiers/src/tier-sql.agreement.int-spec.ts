// The set-based SQL must agree with the pure evaluator (evaluateTier, nextTierChangeDate) on every subject:
// a few hundred random subjects and records that hit every rule and edge (all severities and categories, band
// edges, revoked, repaired, repeats, same-day records, window and cap edges, month ends, listings), evaluated
// by both SQL paths (read-your-writes and the staged full recomputation) on two dates.
import { isDeepStrictEqual } from 'node:util';
import { Database } from '@credit/db';
import { addDays, addMonths, evaluateTier, IsoDate, minDate, nextTierChangeDate, PenaltyCategory, Severity, TIER_RULE_SET_V1 } from '@credit/domain';
import { createTestDatabase, TestDatabase } from '@credit/testing';
import { insertDepartment, insertRecords, insertSubjects, loadFacts, TestRecord } from './testing/tier-test-data';
import { TierRecomputeRepository } from './tier-recompute.repository';

// Replay another seed with TIER_AGREEMENT_SEED=<n>.
const SEED = Number(process.env.TIER_AGREEMENT_SEED ?? 20261128);
const SUBJECTS = 300;

/** mulberry32: a small seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const AMOUNTS: (string | null)[] = [null, null, '0', '0.5', '0.7', '0.3', '0.999999', '1', '2.5', '9.999999', '10', '12.50', '99.999999', '100', '250.5', '1000'];
const VIOLATIONS = ['销售过期食品', '销售过期食品', '未按规定公示', '无照经营', '', '  ', '\u3000'];
const SEVERITIES = [Severity.MINOR, Severity.GENERAL, Severity.SERIOUS];
const CATEGORIES = Object.values(PenaltyCategory);

function generate(next: () => number, subjects: string[], departments: string[], asOf: IsoDate): TestRecord[] {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  // Dates on and beside every edge: windows (6/12/36 months), the 12-month cap and repeat look-back, future.
  const edges = [0, 6, 12, 36].flatMap((months) => [-1, 0, 1].map((days) => addDays(addMonths(asOf, -months), days)));
  // Two scripted subjects make sure every rule family appears whatever the seed: a serious record capped at C,
  // and a repeat offence; the rest is random.
  const scripted = (subjectId: string, decisionNumber: string, severity: Severity, decisionDate: IsoDate): TestRecord => ({
    subjectId, departmentId: departments[0], decisionNumber, severity, categories: [PenaltyCategory.FINE], fineAmount: null,
    confiscatedAmount: null, violationType: '无证经营', decisionDate, revokedAt: null, repairedOn: null,
  });
  const records: TestRecord[] = [
    scripted(subjects[0], '滁罚〔2026〕甲1号', Severity.SERIOUS, addMonths(asOf, -2)),
    scripted(subjects[1], '滁罚〔2026〕乙1号', Severity.MINOR, addMonths(asOf, -3)),
    scripted(subjects[1], '滁罚〔2026〕乙2号', Severity.MINOR, addMonths(asOf, -1)),
  ];
  let n = 0;
  for (const subjectId of subjects.slice(2)) {
    const count = Math.floor(next() * 7);
    const sameDay = addMonths(asOf, -Math.floor(next() * 14));
    for (let i = 0; i < count; i++) {
      const decisionDate = next() < 0.45 ? pick(edges) : next() < 0.2 ? sameDay : addDays(asOf, -Math.floor(next() * 1300) + 10);
      const categories = CATEGORIES.filter(() => next() < 0.15);
      const revoked = next() < 0.12;
      const repaired = !revoked && next() < 0.12;
      n += 1;
      records.push({
        subjectId,
        departmentId: pick(departments),
        // Short and long numbers that are prefixes of each other test the reason order ("…1号" vs "…10号").
        decisionNumber: `滁罚〔2026〕${next() < 0.5 ? n % 10 : n}${next() < 0.3 ? '' : '号'}-${n}`,
        severity: pick(SEVERITIES),
        categories: categories.length ? categories : [PenaltyCategory.FINE],
        fineAmount: pick(AMOUNTS),
        confiscatedAmount: next() < 0.3 ? pick(AMOUNTS) : null,
        violationType: pick(VIOLATIONS),
        decisionDate,
        // Revocations at China midnight ± a minute of the evaluation date, or well before/after it.
        revokedAt: revoked ? pick([`${asOf}T00:00:30+08:00`, `${addDays(asOf, -1)}T23:59:30+08:00`, `${addDays(asOf, 1)}T00:00:30+08:00`, `${addDays(asOf, -40)}T10:00:00+08:00`]) : null,
        repairedOn: repaired ? pick([asOf, addDays(asOf, -1), addDays(asOf, 1), addDays(asOf, 30)]) : null,
      });
    }
  }
  return records;
}

describe('tier SQL agrees with evaluateTier', () => {
  let database: TestDatabase;
  let db: Database;
  const repository = new TierRecomputeRepository();
  let subjects: string[];
  const asOfA = '2026-08-31';
  const asOfB = '2026-02-28';

  beforeAll(async () => {
    database = await createTestDatabase();
    db = new Database(database.url, 4);
    const next = random(SEED);
    const departments = [await insertDepartment(db, 'AGREE-1'), await insertDepartment(db, 'AGREE-2')];
    subjects = await insertSubjects(db, Array.from({ length: SUBJECTS }, (_, i) => (i % 2 ? '341102' : '341126')));
    await insertRecords(db, generate(next, subjects, departments, asOfA));
    // Listings (as overrides): active, ended before the date, ending on the date, starting after it.
    const listed = subjects.filter(() => next() < 0.08);
    for (const [i, subjectId] of listed.entries()) {
      const [from, to] = [[addDays(asOfA, -30), null], [addDays(asOfA, -90), addDays(asOfA, -10)], [addDays(asOfA, -5), asOfA], [addDays(asOfA, 3), null]][i % 4];
      await db.query(
        `INSERT INTO subject_tier_overrides (subject_id, source, source_id, code, description, active_from, active_to)
         VALUES ($1, 'LISTING', $2, $3, '重大税收违法失信主体', $4, $5)`,
        [subjectId, String(9000 + i), `滁税失信〔2026〕${i + 1}号`, from, to],
      );
    }
  }, 120_000);

  afterAll(async () => {
    await db.close();
    await database.drop();
  });

  async function expectAgreement(asOf: IsoDate): Promise<void> {
    const facts = await loadFacts(db, subjects);
    const stored = await db.query<{ subject_id: string; level: string; score: number; rule_version: string; reasons: unknown[]; next_review_on: string | null }>(
      'SELECT subject_id, level, score, rule_version, reasons, next_review_on FROM subject_tiers WHERE subject_id = ANY($1::bigint[])',
      [subjects],
    );
    expect(stored).toHaveLength(SUBJECTS);
    const byId = new Map(stored.map((row) => [row.subject_id, row]));
    let mismatches = 0;
    for (const id of subjects) {
      const fact = facts.get(id)!;
      const expected = evaluateTier({ ...fact, asOf }, TIER_RULE_SET_V1);
      const overrideDates = fact.listings.flatMap((l) => [l.listedOn, l.removedOn]).filter((d): d is string => d !== null && d > asOf);
      const nextDate = [nextTierChangeDate(fact, asOf, TIER_RULE_SET_V1), ...overrideDates].filter((d): d is string => d !== null).reduce<string | null>((a, b) => (a === null ? b : minDate(a, b)), null);
      const actual = byId.get(id)!;
      const got = { level: actual.level, score: actual.score, ruleVersion: actual.rule_version, reasons: actual.reasons, next: actual.next_review_on };
      const want = { level: expected.level, score: expected.score, ruleVersion: expected.ruleVersion, reasons: expected.reasons, next: nextDate };
      if (mismatches < 3) expect({ subject: id, ...got }).toEqual({ subject: id, ...want });
      if (!isDeepStrictEqual(got, want)) mismatches += 1;
    }
    expect(mismatches).toBe(0);
  }

  it('covers every rule: the random data is not trivial', async () => {
    const counts = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM penalty_records');
    expect(counts[0].n).toBeGreaterThan(700);
  });

  it('read-your-writes path (recomputeSubjects) equals the evaluator, reasons included', async () => {
    await db.transaction((sql) => repository.recomputeFresh(sql, TIER_RULE_SET_V1, subjects, 'TEST', asOfA));
    await expectAgreement(asOfA);
    const levels = await db.query<{ level: string; n: number }>('SELECT level, count(*)::int AS n FROM subject_tiers GROUP BY level ORDER BY level');
    // Every level occurs, and the reasons cover every rule code family.
    expect(levels.map((row) => row.level)).toEqual(['A', 'B', 'C', 'D']);
    const codes = await db.query<{ code: string }>(`SELECT DISTINCT r->>'code' AS code FROM subject_tiers, json_array_elements(reasons) r ORDER BY 1`);
    const families = new Set(codes.map((row) => row.code.replace(/_(MINOR|GENERAL|SERIOUS|\d+M?|[A-Z_]+)$/, '')));
    expect([...families].sort()).toEqual(expect.arrayContaining(['CAP_SERIOUS', 'CATEGORY', 'FINE_BAND', 'OVERRIDE', 'PENALTY', 'REPEAT']));
  });

  it('staged full recomputation equals the evaluator on another date, in small chunks', async () => {
    const outcome = await repository.recomputeStaged(db, TIER_RULE_SET_V1, { asOf: asOfB, cause: 'RECOMPUTE_ALL', regionPrefix: null, chunkSize: 37, concurrency: 3 });
    expect(outcome).toMatchObject({ subjects: SUBJECTS, chunks: Math.ceil(SUBJECTS / 37) });
    expect(outcome.changed).toBeGreaterThan(50);
    await expectAgreement(asOfB);
  });

  it('a second staged run on the same date finds nothing to change', async () => {
    const outcome = await repository.recomputeStaged(db, TIER_RULE_SET_V1, { asOf: asOfB, cause: 'RECOMPUTE_ALL', regionPrefix: null, chunkSize: 100 });
    expect(outcome).toMatchObject({ subjects: SUBJECTS, written: 0, changed: 0, transitions: [] });
  });

  it('the read-your-writes path on the staged date finds the same assessments, so writes nothing (no history change)', async () => {
    const before = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM subject_tier_history');
    const outcome = await db.transaction((sql) => repository.recomputeFresh(sql, TIER_RULE_SET_V1, subjects, 'TEST', asOfB));
    // Any assessment, reason text or review date it computed otherwise than the staged run would be written.
    expect(outcome).toMatchObject({ written: 0, changed: 0 });
    const after = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM subject_tier_history');
    expect(after[0].n).toBe(before[0].n);
    await expectAgreement(asOfB);
  });
});

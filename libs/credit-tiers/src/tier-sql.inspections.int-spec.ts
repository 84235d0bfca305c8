// Tier rule set v2 counts 双随机、一公开 inspection results: the set-based SQL (both paths) must agree with
// evaluateTier and nextTierChangeDate, reasons naming the plan included, on results at and beside the window
// edges, mixed with penalties that hit the 12-month cap (judged on the whole score).
import { isDeepStrictEqual } from 'node:util';
import { Database } from '@credit/db';
import { addDays, addMonths, evaluateTier, InspectionResultCategory, IsoDate, nextTierChangeDate, PenaltyCategory, Severity, TIER_RULE_SET_V2, TierInspectionFact } from '@credit/domain';
import { createTestDatabase, TestDatabase } from '@credit/testing';
import { insertDepartment, insertRecords, insertSubjects, loadFacts, TestRecord } from './testing/tier-test-data';
import { TierRecomputeRepository } from './tier-recompute.repository';

const SUBJECTS = 80;
const CATEGORIES = Object.values(InspectionResultCategory);

describe('tier SQL agrees with evaluateTier on inspection results (rule set v2)', () => {
  let database: TestDatabase;
  let db: Database;
  const repository = new TierRecomputeRepository();
  let subjects: string[];
  const asOf = '2026-08-31';

  beforeAll(async () => {
    database = await createTestDatabase();
    db = new Database(database.url, 4);
    const department = await insertDepartment(db, 'AGREE-INS');
    subjects = await insertSubjects(db, Array.from({ length: SUBJECTS }, () => '341102'));
    // Two plans whose names are prefixes of each other (reason order), results on and beside the 12-month edge.
    const plans = await db.query<{ id: string }>(
      `INSERT INTO inspection_plans (name, year, region_code, subject_types, industry_codes, department_ids, item_ids, strata, exclusion_months,
                                     planned_start, planned_end, status, created_by)
       SELECT n, 2026, '341100', '{LEGAL_ENTITY}', '{}', ARRAY[$1], '{}', '[]', 0, '2025-01-01', '2026-12-31', 'ASSIGNED', 'test'
         FROM unnest(ARRAY['滁州抽查', '滁州抽查2026"引号"']) AS n RETURNING id::text`,
      [department],
    );
    const dates = [0, 1, 6, 12].flatMap((months) => [-1, 0, 1].map((days) => addDays(addMonths(asOf, -months), days))).filter((d) => d <= asOf);
    const records: TestRecord[] = [];
    const results: unknown[][] = [];
    subjects.forEach((subjectId, i) => {
      if (i % 3 === 0) {
        records.push({ subjectId, departmentId: department, decisionNumber: `滁罚〔2026〕${i}号`, severity: i % 2 ? Severity.SERIOUS : Severity.GENERAL, categories: [PenaltyCategory.FINE],
          fineAmount: null, confiscatedAmount: null, violationType: '未按规定公示', decisionDate: addMonths(asOf, -2), revokedAt: null, repairedOn: null });
      }
      for (const [k, plan] of plans.entries()) {
        if ((i + k) % 4 === 3) continue;
        results.push([plan.id, subjectId, CATEGORIES[(i * 7 + k) % CATEGORIES.length], dates[(i + k * 5) % dates.length], department]);
      }
    });
    await insertRecords(db, records);
    await db.query(
      `INSERT INTO inspection_results (plan_id, subject_id, category, findings, inspected_on, inspector_ids, recorded_by_id, publication_due)
       SELECT (e->>0)::bigint, (e->>1)::bigint, e->>2, '检查情况', (e->>3)::date, '{}', (e->>4)::bigint, '2027-01-01' FROM jsonb_array_elements($1::jsonb) e`,
      [JSON.stringify(results)],
    );
  }, 120_000);

  afterAll(async () => {
    await db.close();
    await database.drop();
  });

  async function inspectionFacts(): Promise<Map<string, TierInspectionFact[]>> {
    const rows = await db.query<TierInspectionFact & { subjectId: string }>(
      `SELECT r.subject_id::text AS "subjectId", r.id::text, p.name AS "planName", r.category, to_char(r.inspected_on, 'YYYY-MM-DD') AS "inspectedOn"
         FROM inspection_results r JOIN inspection_plans p ON p.id = r.plan_id`,
    );
    const map = new Map<string, TierInspectionFact[]>();
    for (const { subjectId, ...fact } of rows) map.set(subjectId, [...(map.get(subjectId) ?? []), fact]);
    return map;
  }

  async function expectAgreement(day: IsoDate): Promise<void> {
    const facts = await loadFacts(db, subjects);
    const inspections = await inspectionFacts();
    const stored = await db.query<{ subject_id: string; level: string; score: number; reasons: unknown[]; next_review_on: string | null }>(
      'SELECT subject_id, level, score, reasons, next_review_on FROM subject_tiers WHERE subject_id = ANY($1::bigint[])',
      [subjects],
    );
    const byId = new Map(stored.map((row) => [row.subject_id, row]));
    let mismatches = 0;
    let deducted = 0;
    for (const id of subjects) {
      const all = { ...facts.get(id)!, inspections: inspections.get(id) ?? [] };
      const expected = evaluateTier({ ...all, asOf: day }, TIER_RULE_SET_V2);
      const want = { level: expected.level, score: expected.score, reasons: expected.reasons, next: nextTierChangeDate(all, day, TIER_RULE_SET_V2) };
      const row = byId.get(id);
      // A subject at A 100 with no reasons has no row (the recomputation writes only what differs from that).
      const got = row ? { level: row.level, score: row.score, reasons: row.reasons, next: row.next_review_on } : { level: 'A', score: 100, reasons: [], next: null };
      if (mismatches < 3) expect({ subject: id, ...got }).toEqual({ subject: id, ...want });
      if (!isDeepStrictEqual(got, want)) mismatches += 1;
      if (expected.reasons.some((r) => r.code.startsWith('INSPECTION_'))) deducted += 1;
    }
    expect(mismatches).toBe(0);
    expect(deducted).toBeGreaterThan(10);
  }

  it('read-your-writes path', async () => {
    await db.transaction((sql) => repository.recomputeFresh(sql, TIER_RULE_SET_V2, subjects, 'TEST', asOf));
    await expectAgreement(asOf);
  });

  it('staged full recomputation, on a later date where some results have left their window', async () => {
    const later = addDays(asOf, 40);
    await repository.recomputeStaged(db, TIER_RULE_SET_V2, { asOf: later, cause: 'RECOMPUTE_ALL', regionPrefix: null, chunkSize: 23, concurrency: 2 });
    await expectAgreement(later);
  });
});

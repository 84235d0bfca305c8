// Property-based: whatever a department sends, the answer is data or a coded error (never
// INTERNAL_SERVER_ERROR), the per-item counts add up, and exactly the items reported CREATED are stored.
import fc from 'fast-check';
import { createTestApp, penaltyRecord, SUBMIT, TestApp } from '@credit/testing';

const CATEGORIES = ['WARNING', 'CRITICISM', 'FINE', 'CONFISCATE_ILLEGAL_GAINS', 'REVOKE_LICENSE', 'ORDER_CLOSURE', 'DETENTION', 'OTHER'];
const nasty = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('', '   ', '\u0000', '\u3000\u3000', '0', '-1', '1e9', 'NaN', '2026-02-30', '2099-01-01', '9999-99-99', '00000000000000000X', '91350100M000100Y4Z', '<script>', "'; DROP TABLE penalty_records; --", '滁'.repeat(5000)),
);
const maybe = <T>(valid: fc.Arbitrary<T>) => fc.oneof({ weight: 3, arbitrary: valid }, { weight: 2, arbitrary: nasty }, { weight: 1, arbitrary: fc.constant(null) });

let serial = 0;
const draft = fc
  .record({
    partyName: maybe(fc.constant('滁州市某某商贸有限公司')),
    partyType: fc.constantFrom('LEGAL_ENTITY', 'INDIVIDUAL_BUSINESS', 'NATURAL_PERSON', 'NOT_A_TYPE'),
    uscc: maybe(fc.constant('914403001922038216')),
    idNumber: maybe(fc.constant('11010519491231002X')),
    idType: fc.constantFrom(null, 'RESIDENT_ID', 'PASSPORT'),
    violationFacts: maybe(fc.constant('当事人销售过期食品。')),
    penaltyCategories: fc.array(fc.constantFrom(...CATEGORIES), { maxLength: 4 }),
    fineAmount: fc.oneof(maybe(fc.constant('1.5')), fc.double(), fc.integer()),
    decisionDate: maybe(fc.constant('2026-10-15')),
    publicUntil: maybe(fc.constant('2027-10-15')),
    severity: fc.constantFrom(null, 'MINOR', 'GENERAL', 'SERIOUS'),
  })
  .map((overrides) => {
    const base = penaltyRecord();
    // Every generated item gets a fresh decision number so "stored" can be checked exactly.
    return { ...base, ...overrides, decisionNumber: `滁模糊〔2026〕${++serial}号` };
  });

describe('submitPenaltyRecords fuzzing', () => {
  let t: TestApp;
  let apiKey: string;

  beforeAll(async () => {
    t = await createTestApp();
    apiKey = (await t.createDepartment('CZ-FUZZ')).apiKey;
  });
  afterAll(() => t.close());

  it('answers every batch with data or a coded error and never stores a half batch', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(draft, { minLength: 1, maxLength: 6 }), async (records) => {
        const response = await t.gql(SUBMIT, { records }, { 'x-api-key': apiKey });
        expect(response.status).toBeLessThan(500);
        const numbers = records.map((record) => record.decisionNumber);
        const [{ n }] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM penalty_records WHERE decision_number = ANY($1)', [numbers]);
        if (response.errors) {
          for (const error of response.errors) expect(error.extensions.code).not.toBe('INTERNAL_SERVER_ERROR');
          expect(n).toBe(0);
          return;
        }
        const payload = response.data.submitPenaltyRecords;
        expect(payload.created + payload.updated + payload.unchanged + payload.rejected).toBe(records.length);
        expect(payload.results.map((r: { index: number }) => r.index)).toEqual(records.map((_, i) => i));
        for (const result of payload.results) {
          if (result.status === 'REJECTED') expect(result.errors.length).toBeGreaterThan(0);
          for (const issue of result.errors) expect(issue.code).toMatch(/^[A-Z_]+$/);
        }
        expect(n).toBe(payload.created);
        expect(response.raw).not.toContain('11010519491231002X');
      }),
      { numRuns: 60 },
    );
  });
});

import { PenaltyCategory as Cat, Severity } from '../penalty/penalty.types';
import { evaluateTier, levelForScore } from './tier.evaluator';
import { reasonLine, tierRecord } from './tier.fixtures';
import { TIER_RULE_SET_V1 } from './tier-rule-sets.data';
import { CreditTier, TierRecordFact } from './tier.types';

const { MINOR, GENERAL, SERIOUS } = Severity;
const asOf = '2026-06-01';

function evaluate(records: TierRecordFact[]) {
  return evaluateTier({ records, listings: [], asOf }, TIER_RULE_SET_V1);
}

describe('level thresholds of v1: A ≥ 90, B 70–89, C 40–69, D < 40', () => {
  it.each([
    [100, CreditTier.A], [90, CreditTier.A], [89, CreditTier.B], [70, CreditTier.B],
    [69, CreditTier.C], [40, CreditTier.C], [39, CreditTier.D], [0, CreditTier.D],
  ])('score %i → %s', (score, level) => {
    expect(levelForScore(score, TIER_RULE_SET_V1)).toBe(level);
  });

  // Each edge reached through real records (all decided 2026-03-01 or, for serious ones, more than 12 months
  // before asOf so the cap does not hide the score's level).
  it.each<[string, TierRecordFact[], number, CreditTier]>([
    ['one general → 90', [tierRecord('r1', GENERAL, '2026-03-01')], 90, CreditTier.A],
    ['minor+没收 (7) and two minors (2+2) → 89', [
      tierRecord('r1', MINOR, '2026-03-01', { categories: [Cat.CONFISCATE_ILLEGAL_GAINS] }),
      tierRecord('r2', MINOR, '2026-03-01'),
      tierRecord('r3', MINOR, '2026-03-01'),
    ], 89, CreditTier.B],
    ['general+责令停产停业 (30) → 70', [
      tierRecord('r1', GENERAL, '2026-03-01', { categories: [Cat.SUSPEND_PRODUCTION] }),
    ], 70, CreditTier.B],
    ['general+没收 (15), general (10), three minors (6) → 69', [
      tierRecord('r1', GENERAL, '2026-03-01', { categories: [Cat.CONFISCATE_ILLEGAL_PROPERTY] }),
      tierRecord('r2', GENERAL, '2026-03-01'),
      tierRecord('r3', MINOR, '2026-03-01'),
      tierRecord('r4', MINOR, '2026-03-01'),
      tierRecord('r5', MINOR, '2026-03-01'),
    ], 69, CreditTier.C],
    ['serious+责令停产停业 (50) and a general (10) → 40', [
      tierRecord('r1', SERIOUS, '2025-01-01', { categories: [Cat.SUSPEND_PRODUCTION] }),
      tierRecord('r2', GENERAL, '2026-03-01'),
    ], 40, CreditTier.C],
    ['serious+没收 (35), two generals (20), three minors (6) → 39', [
      tierRecord('r1', SERIOUS, '2025-01-01', { categories: [Cat.CONFISCATE_ILLEGAL_GAINS] }),
      tierRecord('r2', GENERAL, '2026-03-01'),
      tierRecord('r3', GENERAL, '2026-03-01'),
      tierRecord('r4', MINOR, '2026-03-01'),
      tierRecord('r5', MINOR, '2026-03-01'),
      tierRecord('r6', MINOR, '2026-03-01'),
    ], 39, CreditTier.D],
  ])('%s', (_name, records, score, level) => {
    const result = evaluate(records);
    expect([result.score, result.level]).toEqual([score, level]);
  });
});

describe('fine bands of v1 on fineAmount + confiscatedAmount (万元, exact decimals)', () => {
  it.each<[string | null, string | null, string[], number]>([
    [null, null, [], 90],
    ['0.999999', null, [], 90],
    ['1', null, ['FINE_BAND_1 2 r1'], 88],
    ['0.7', '0.3', ['FINE_BAND_1 2 r1'], 88], // as floats 0.7 + 0.3 < 1
    [null, '1.000000', ['FINE_BAND_1 2 r1'], 88],
    ['9.999999', null, ['FINE_BAND_1 2 r1'], 88],
    ['10', null, ['FINE_BAND_10 5 r1'], 85],
    ['4.5', '5.5', ['FINE_BAND_10 5 r1'], 85],
    ['99.999999', null, ['FINE_BAND_10 5 r1'], 85],
    ['100', null, ['FINE_BAND_100 10 r1'], 80],
    ['0', '100.000001', ['FINE_BAND_100 10 r1'], 80],
    ['123456789012345678.5', null, ['FINE_BAND_100 10 r1'], 80],
  ])('fine %s + confiscated %s → %j', (fineAmount, confiscatedAmount, bandReasons, score) => {
    const result = evaluate([tierRecord('r1', GENERAL, '2026-03-01', { fineAmount, confiscatedAmount })]);
    expect(result.reasons.map(reasonLine)).toEqual(['PENALTY_GENERAL 10 r1', ...bandReasons]);
    expect(result.score).toBe(score);
  });

  it.each(['-1', '1e2', '1,000', '', ' 5', '5.'])('rejects the malformed amount %j', (fineAmount) => {
    expect(() => evaluate([tierRecord('r1', GENERAL, '2026-03-01', { fineAmount })])).toThrow(RangeError);
  });
});

describe('the README "what the numbers mean in practice" table', () => {
  it.each<[string, TierRecordFact[], string, number, CreditTier]>([
    ['no penalties', [], asOf, 100, CreditTier.A],
    ['one general penalty', [tierRecord('r1', GENERAL, '2026-03-01')], asOf, 90, CreditTier.A],
    ['one general penalty with a 5 万元 fine', [tierRecord('r1', GENERAL, '2026-03-01', { fineAmount: '5' })], asOf, 88, CreditTier.B],
    ['one general penalty with 责令停产停业',
      [tierRecord('r1', GENERAL, '2026-03-01', { categories: [Cat.SUSPEND_PRODUCTION] })], asOf, 70, CreditTier.B],
    ['one serious penalty, first 12 months', [tierRecord('r1', SERIOUS, '2026-03-01')], asOf, 70, CreditTier.C],
    ['one serious penalty, months 12–36', [tierRecord('r1', SERIOUS, '2024-07-01')], asOf, 70, CreditTier.B],
    ['one serious penalty with 吊销许可证件',
      [tierRecord('r1', SERIOUS, '2024-07-01', { categories: [Cat.REVOKE_LICENSE] })], asOf, 30, CreditTier.D],
  ])('%s', (_name, records, date, score, level) => {
    const result = evaluateTier({ records, listings: [], asOf: date }, TIER_RULE_SET_V1);
    expect([result.score, result.level]).toEqual([score, level]);
  });
});

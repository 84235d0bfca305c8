import { InspectionResultCategory as Result } from '../inspections/inspection-result-categories.data';
import { Severity } from '../penalty/penalty.types';
import { evaluateTier } from './tier.evaluator';
import { tierRecord } from './tier.fixtures';
import { getTierRuleSet, TIER_RULE_SET_V1, TIER_RULE_SET_V2 } from './tier-rule-sets.data';
import { CreditTier, TierInspectionFact } from './tier.types';

const unreachable: TierInspectionFact = { id: '7', planName: '2026年滁州市双随机抽查', category: Result.ADDRESS_UNREACHABLE, inspectedOn: '2026-06-10' };

describe('inspection results in the tier (rule set v2)', () => {
  it('v2 is registered; v1 ignores inspection results', () => {
    expect(getTierRuleSet('v2')).toBe(TIER_RULE_SET_V2);
    expect(evaluateTier({ asOf: '2026-07-01', records: [], listings: [], inspections: [unreachable] }, TIER_RULE_SET_V1)).toMatchObject({ level: CreditTier.A, score: 100, reasons: [] });
  });

  it('通过登记的住所无法联系 costs 20 points for 12 months, the reason naming the plan', () => {
    const during = evaluateTier({ asOf: '2026-07-01', records: [], listings: [], inspections: [unreachable] }, TIER_RULE_SET_V2);
    expect(during).toMatchObject({ level: CreditTier.B, score: 80, ruleVersion: 'v2' });
    expect(during.reasons).toEqual([
      { code: 'INSPECTION_ADDRESS_UNREACHABLE', description: '双随机抽查“2026年滁州市双随机抽查”结果：通过登记的住所（经营场所）无法联系 扣20分', points: 20, recordId: null, decisionNumber: null, listingId: null },
    ]);
    expect(evaluateTier({ asOf: '2027-06-10', records: [], listings: [], inspections: [unreachable] }, TIER_RULE_SET_V2)).toMatchObject({ level: CreditTier.A, score: 100 });
    expect(evaluateTier({ asOf: '2026-06-09', records: [], listings: [], inspections: [unreachable] }, TIER_RULE_SET_V2).score).toBe(100);
  });

  it('未发现问题 costs nothing; 弄虚作假 30; points add to penalties and the cap is judged on the whole score', () => {
    const clean = { ...unreachable, id: '8', category: Result.NO_PROBLEM };
    const falsified = { ...unreachable, id: '9', category: Result.FALSIFIED_INFO };
    const result = evaluateTier({ asOf: '2026-07-01', records: [tierRecord('r1', Severity.SERIOUS, '2026-01-10')], listings: [], inspections: [clean, falsified] }, TIER_RULE_SET_V2);
    // 100 − 30 (serious) − 30 (弄虚作假) = 40 → C by score: the cap at C lowers nothing, so it is not stated.
    expect(result).toMatchObject({ level: CreditTier.C, score: 40 });
    expect(result.reasons.map((r) => r.code)).toEqual(['PENALTY_SERIOUS', 'INSPECTION_FALSIFIED_INFO']);
  });
});

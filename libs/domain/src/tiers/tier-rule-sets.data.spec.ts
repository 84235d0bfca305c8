import { PenaltyCategory as Cat, Severity } from '../penalty/penalty.types';
import { evaluateTier } from './tier.evaluator';
import { reasonLine, tierListing, tierRecord } from './tier.fixtures';
import { getTierRuleSet, TIER_RULE_SET_V1, TIER_RULE_SETS, UnknownTierRuleSetError } from './tier-rule-sets.data';
import { CreditTier, TierEvaluationInput, TierRuleSet } from './tier.types';

// A harsher rule set that exists only in this test: proves a new version changes nothing for v1.
const TIER_RULE_SET_V2: TierRuleSet = {
  ...TIER_RULE_SET_V1,
  version: 'v2',
  effectiveFrom: '2027-01-01',
  thresholds: { A: 95, B: 75, C: 50 },
  windowsMonths: { [Severity.MINOR]: 12, [Severity.GENERAL]: 24, [Severity.SERIOUS]: 60 },
  pointsBySeverity: { [Severity.MINOR]: 5, [Severity.GENERAL]: 15, [Severity.SERIOUS]: 40 },
  repeat: { lookbackMonths: 24, points: 20 },
};
const REGISTRY_WITH_V2 = { ...TIER_RULE_SETS, v2: TIER_RULE_SET_V2 };

describe('TIER_RULE_SET_V1 numbers (the README table must match)', () => {
  it('pins start score, thresholds, windows and severity points', () => {
    expect(TIER_RULE_SET_V1).toMatchObject({
      version: 'v1',
      effectiveFrom: '2026-01-01',
      startScore: 100,
      thresholds: { A: 90, B: 70, C: 40 },
      windowsMonths: { MINOR: 6, GENERAL: 12, SERIOUS: 36 },
      pointsBySeverity: { MINOR: 2, GENERAL: 10, SERIOUS: 30 },
      repeat: { lookbackMonths: 12, points: 10 },
      overrides: {
        listed: { level: CreditTier.D },
        seriousCap: { severity: Severity.SERIOUS, withinMonths: 12, maxLevel: CreditTier.C },
      },
    });
  });

  it('pins category surcharges, heaviest first', () => {
    expect(TIER_RULE_SET_V1.categorySurcharges.map((s) => `${s.category} ${s.points}`)).toEqual([
      'REVOKE_LICENSE 40', 'ORDER_CLOSURE 40', 'RESTRICT_PRACTICE 40',
      'SUSPEND_PRODUCTION 20', 'DETENTION 20', 'DOWNGRADE_QUALIFICATION 20', 'RESTRICT_OPERATIONS 20',
      'SUSPEND_LICENSE 10', 'CONFISCATE_ILLEGAL_GAINS 5', 'CONFISCATE_ILLEGAL_PROPERTY 5',
    ]);
  });

  it('pins fine bands on exact decimal edges', () => {
    expect(TIER_RULE_SET_V1.fineBands).toEqual([
      { code: 'FINE_BAND_1', minAmount: '1', points: 2 },
      { code: 'FINE_BAND_10', minAmount: '10', points: 5 },
      { code: 'FINE_BAND_100', minAmount: '100', points: 10 },
    ]);
  });

  it('keeps every number an integer, so the SQL aggregate stays integer arithmetic', () => {
    const numbers = [
      TIER_RULE_SET_V1.startScore, ...Object.values(TIER_RULE_SET_V1.thresholds),
      ...Object.values(TIER_RULE_SET_V1.windowsMonths), ...Object.values(TIER_RULE_SET_V1.pointsBySeverity),
      ...TIER_RULE_SET_V1.categorySurcharges.map((s) => s.points), ...TIER_RULE_SET_V1.fineBands.map((b) => b.points),
      TIER_RULE_SET_V1.repeat.points, TIER_RULE_SET_V1.repeat.lookbackMonths,
    ];
    expect(numbers.filter((n) => !Number.isInteger(n) || n < 0)).toEqual([]);
  });

  it('cannot be changed at run time', () => {
    expect(() => {
      (TIER_RULE_SET_V1.pointsBySeverity as Record<Severity, number>)[Severity.SERIOUS] = 1;
    }).toThrow(TypeError);
    expect(TIER_RULE_SET_V1.pointsBySeverity.SERIOUS).toBe(30);
  });
});

describe('getTierRuleSet', () => {
  it('returns v1 by version', () => {
    expect(getTierRuleSet('v1')).toBe(TIER_RULE_SET_V1);
  });

  it.each(['v3', 'V1', '', 'toString', '__proto__'])('throws a clear error for the unknown version %j', (version) => {
    expect(() => getTierRuleSet(version)).toThrow(UnknownTierRuleSetError);
    expect(() => getTierRuleSet(version)).toThrow(`unknown tier rule set version "${version}" (known: v1, v2)`);
  });

  it('finds a version added to a registry passed in', () => {
    expect(getTierRuleSet('v2', REGISTRY_WITH_V2).version).toBe('v2');
  });
});

describe('versioning: the active version is configuration', () => {
  const input: TierEvaluationInput = {
    records: [
      tierRecord('r1', Severity.GENERAL, '2025-09-01', { violationType: '无照经营', fineAmount: '3' }),
      tierRecord('r2', Severity.GENERAL, '2026-04-01', { violationType: '无照经营', categories: [Cat.SUSPEND_LICENSE] }),
      tierRecord('r3', Severity.MINOR, '2025-09-15'), // counts 6 months under v1, 12 under v2
    ],
    listings: [tierListing('l1', '2024-01-01', '2025-01-01')],
    asOf: '2026-06-01',
  };

  it('v1 still gives the pinned v1 result when v2 exists', () => {
    const result = evaluateTier(input, getTierRuleSet('v1', REGISTRY_WITH_V2));
    expect(result.ruleVersion).toBe('v1');
    expect([result.level, result.score]).toEqual([CreditTier.C, 58]);
    expect(result.reasons.map(reasonLine)).toEqual([
      'PENALTY_GENERAL 10 r1', 'FINE_BAND_1 2 r1',
      'PENALTY_GENERAL 10 r2', 'CATEGORY_SUSPEND_LICENSE 10 r2', 'REPEAT_OFFENCE 10 r2',
    ]);
  });

  it('v2 gives its own, harsher result for the same facts', () => {
    const result = evaluateTier(input, getTierRuleSet('v2', REGISTRY_WITH_V2));
    expect(result.ruleVersion).toBe('v2');
    expect([result.level, result.score]).toEqual([CreditTier.D, 33]);
    expect(result.reasons.map(reasonLine)).toEqual([
      'PENALTY_GENERAL 15 r1', 'FINE_BAND_1 2 r1', 'PENALTY_MINOR 5 r3',
      'PENALTY_GENERAL 15 r2', 'CATEGORY_SUSPEND_LICENSE 10 r2', 'REPEAT_OFFENCE 20 r2',
    ]);
  });
});

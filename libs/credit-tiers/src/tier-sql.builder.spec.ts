import { Severity, TIER_RULE_SET_V1, TierRuleSet } from '@credit/domain';
import { buildTierSql, sqlText } from './tier-sql.builder';

describe('buildTierSql (SQL generated from the rule data)', () => {
  it('writes the rule numbers of the set it is given, and its version', () => {
    const v2: TierRuleSet = { ...TIER_RULE_SET_V1, version: 'v2', pointsBySeverity: { ...TIER_RULE_SET_V1.pointsBySeverity, [Severity.SERIOUS]: 45 } };
    const [one, two] = [buildTierSql(TIER_RULE_SET_V1), buildTierSql(v2)];
    expect(one.ruleVersion).toBe('v1');
    expect(one.fresh).toContain("WHEN 'SERIOUS' THEN 30");
    expect(two.fresh).toContain("WHEN 'SERIOUS' THEN 45");
    expect(two.chunk).toContain("'v2'");
    expect(two.chunk).not.toContain("'v1'");
  });

  it('refuses numbers that could not be written as SQL literals safely', () => {
    expect(() => buildTierSql({ ...TIER_RULE_SET_V1, startScore: 99.5 })).toThrow(RangeError);
    expect(() => buildTierSql({ ...TIER_RULE_SET_V1, fineBands: [{ code: 'X', minAmount: '1e3', points: 1 }] })).toThrow(RangeError);
  });

  it('quotes text literals', () => {
    expect(sqlText("O'Brien")).toBe("'O''Brien'");
  });
});

import { addDays } from '../time/calendar';
import { DISCLOSURE_RULE_SETS, ruleSetInForce } from './disclosure-rule-sets.data';

describe('DISCLOSURE_RULE_SETS', () => {
  it('is contiguous and ends open: every day from 1900-01-01 on has exactly one rule', () => {
    for (let i = 1; i < DISCLOSURE_RULE_SETS.length; i++) {
      const previous = DISCLOSURE_RULE_SETS[i - 1];
      expect(previous.effectiveTo).not.toBeNull();
      expect(addDays(previous.effectiveTo as string, 1)).toBe(DISCLOSURE_RULE_SETS[i].effectiveFrom);
    }
    expect(DISCLOSURE_RULE_SETS[DISCLOSURE_RULE_SETS.length - 1].effectiveTo).toBeNull();
  });

  it('has a MINOR period exactly where 轻微 records are published', () => {
    for (const set of DISCLOSURE_RULE_SETS) expect(set.periods.MINOR !== undefined).toBe(set.publishMinor);
  });

  it.each([
    ['NDRC-2019-527', true, [3, 12], [6, 36]],
    ['NDRC-ORDER-58', false, [3, 12], [12, 36]],
    ['CREDIT-REPAIR-2026', false, [3, 12], [12, 36]],
  ])('%s: publishMinor %s, 一般 %j months, 严重 %j months', (id, publishMinor, general, serious) => {
    const set = DISCLOSURE_RULE_SETS.find((s) => s.id === id);
    expect(set?.publishMinor).toBe(publishMinor);
    expect([set?.periods.GENERAL.minMonths, set?.periods.GENERAL.maxMonths]).toEqual(general);
    expect([set?.periods.SERIOUS.minMonths, set?.periods.SERIOUS.maxMonths]).toEqual(serious);
  });
});

describe('ruleSetInForce', () => {
  it.each([
    ['1999-12-31', 'NDRC-2019-527'],
    ['2023-04-30', 'NDRC-2019-527'],
    ['2023-05-01', 'NDRC-ORDER-58'],
    ['2026-03-31', 'NDRC-ORDER-58'],
    ['2026-04-01', 'CREDIT-REPAIR-2026'],
    ['2040-01-01', 'CREDIT-REPAIR-2026'],
  ])('decision on %s falls under %s', (date, id) => {
    expect(ruleSetInForce(date).id).toBe(id);
  });

  it.each(['2026-02-30', '2026/04/01', ''])('rejects malformed date %j', (date) => {
    expect(() => ruleSetInForce(date)).toThrow(RangeError);
  });

  it('reports a gap in a custom table instead of guessing', () => {
    const onlyNew = DISCLOSURE_RULE_SETS.filter((s) => s.id === 'CREDIT-REPAIR-2026');
    expect(() => ruleSetInForce('2025-01-01', onlyNew)).toThrow('no disclosure rule set in force on 2025-01-01');
  });
});

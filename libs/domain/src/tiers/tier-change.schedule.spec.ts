import { IsoDate, PenaltyCategory as Cat, Severity } from '../penalty/penalty.types';
import { addDays } from '../time/calendar';
import { nextTierChangeDate } from './tier-change.schedule';
import { evaluateTier } from './tier.evaluator';
import { tierListing, tierRecord } from './tier.fixtures';
import { TIER_RULE_SET_V1 } from './tier-rule-sets.data';
import { TierRecordFact } from './tier.types';

const { MINOR, GENERAL, SERIOUS } = Severity;

describe('nextTierChangeDate with v1', () => {
  it.each<[string, TierRecordFact[], IsoDate, IsoDate | null]>([
    ['no records → nothing will change', [], '2026-06-01', null],
    ['general record leaves its 12-month window', [tierRecord('r1', GENERAL, '2025-09-15')], '2026-06-01', '2026-09-15'],
    ['on its last counting day the next date is tomorrow', [tierRecord('r1', GENERAL, '2025-09-15')], '2026-09-14', '2026-09-15'],
    ['after its window nothing is left', [tierRecord('r1', GENERAL, '2025-09-15')], '2026-09-15', null],
    ['serious record: the 12-month cap lapses first', [tierRecord('r1', SERIOUS, '2026-01-10')], '2026-06-01', '2027-01-10'],
    ['serious record: then its 36-month window ends', [tierRecord('r1', SERIOUS, '2026-01-10')], '2027-01-10', '2029-01-10'],
    ['minor decided on a month end: clamped window end', [tierRecord('r1', MINOR, '2025-08-31')], '2025-12-01', '2026-02-28'],
    ['a future-dated record starts counting', [tierRecord('r1', GENERAL, '2026-07-01')], '2026-06-01', '2026-07-01'],
    ['a revocation dated after asOf takes effect',
      [tierRecord('r1', SERIOUS, '2026-01-10', { revokedOn: '2026-08-01' })], '2026-06-01', '2026-08-01'],
    ['a repair dated after asOf takes effect',
      [tierRecord('r1', GENERAL, '2026-01-10', { repairedOn: '2026-07-01' })], '2026-06-01', '2026-07-01'],
    ['a record revoked by asOf never matters again',
      [tierRecord('r1', SERIOUS, '2026-01-10', { revokedOn: '2026-05-01' })], '2026-06-01', null],
    ['a record repaired by asOf never matters again',
      [tierRecord('r1', SERIOUS, '2026-01-10', { repairedOn: '2026-06-01' })], '2026-06-01', null],
    ['the earliest of several', [
      tierRecord('r1', SERIOUS, '2024-02-01'),
      tierRecord('r2', MINOR, '2026-03-20'),
      tierRecord('r3', GENERAL, '2026-02-01'),
    ], '2026-06-01', '2026-09-20'],
  ])('%s', (_name, records, asOf, expected) => {
    expect(nextTierChangeDate({ records }, asOf, TIER_RULE_SET_V1)).toBe(expected);
  });

  it('ignores listings (their own sweep triggers a recomputation)', () => {
    const facts = { records: [], listings: [tierListing('l1', '2026-07-01', '2026-08-01')] };
    expect(nextTierChangeDate(facts, '2026-06-01', TIER_RULE_SET_V1)).toBeNull();
  });

  // Walk day by day: the evaluation must never change on a day the schedule did not announce, so a sweep that
  // recomputes only subjects whose date has come misses nothing.
  it('announces every day on which the evaluation changes by time alone', () => {
    const records = [
      tierRecord('r1', SERIOUS, '2024-11-30', { violationType: '虚假宣传' }),
      tierRecord('r2', GENERAL, '2025-12-20', { violationType: '食品安全', fineAmount: '12' }),
      tierRecord('r3', MINOR, '2025-12-05', { repairedOn: '2025-12-15' }),
      tierRecord('r4', GENERAL, '2026-02-28', { revokedOn: '2026-09-01', categories: [Cat.SUSPEND_LICENSE] }),
      tierRecord('r5', MINOR, '2026-05-31', { violationType: '食品安全' }),
    ];
    const snapshot = (asOf: IsoDate) => JSON.stringify(evaluateTier({ records, listings: [], asOf }, TIER_RULE_SET_V1));
    let asOf = '2024-11-01';
    let announced = nextTierChangeDate({ records }, asOf, TIER_RULE_SET_V1);
    let previous = snapshot(asOf);
    const changes: IsoDate[] = [];
    while (asOf < '2028-01-01') {
      asOf = addDays(asOf, 1);
      const current = snapshot(asOf);
      if (current !== previous) {
        changes.push(asOf);
        expect(asOf).toBe(announced);
      }
      if (asOf === announced) announced = nextTierChangeDate({ records }, asOf, TIER_RULE_SET_V1);
      previous = current;
    }
    expect(announced).toBeNull();
    expect(changes).toEqual([
      '2024-11-30', // r1 counts: 70, capped at C
      '2025-11-30', // r1's cap lapses: B 70
      '2025-12-05', // r3 counts: C 68
      '2025-12-15', // r3 repaired: B 70
      '2025-12-20', // r2 counts with the 10 万元 band: C 55
      '2026-02-28', // r4 counts with 暂扣许可证件: D 35
      '2026-05-31', // r5 counts, a repeat of r2: D 23
      '2026-09-01', // r4 revoked: C 43
      '2026-11-30', // r5 leaves its 6-month window
      '2026-12-20', // r2 leaves its 12-month window
      '2027-11-30', // r1 leaves its 36-month window
    ]);
  });
});

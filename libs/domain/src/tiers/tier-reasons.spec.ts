import { PenaltyCategory as Cat, Severity } from '../penalty/penalty.types';
import { evaluateTier } from './tier.evaluator';
import { tierListing, tierRecord } from './tier.fixtures';
import { TIER_RULE_SET_V1 } from './tier-rule-sets.data';
import { TierReason } from './tier.types';

const { MINOR, GENERAL, SERIOUS } = Severity;

describe('tier reasons a regulator reads', () => {
  it('names the decision number and the points in Chinese', () => {
    const result = evaluateTier(
      {
        records: [
          tierRecord('r12', SERIOUS, '2026-01-10', {
            categories: [Cat.FINE, Cat.REVOKE_LICENSE],
            fineAmount: '12.50',
            confiscatedAmount: '7.5',
          }),
        ],
        listings: [],
        asOf: '2026-06-01',
      },
      TIER_RULE_SET_V1,
    );
    const ofR12 = { recordId: 'r12', decisionNumber: '京市监罚〔2026〕12号', listingId: null };
    expect(result.reasons).toEqual<TierReason[]>([
      { code: 'PENALTY_SERIOUS', description: '严重处罚 京市监罚〔2026〕12号 扣30分', points: 30, ...ofR12 },
      { code: 'CATEGORY_REVOKE_LICENSE', description: '处罚种类“吊销许可证件” 京市监罚〔2026〕12号 扣40分', points: 40, ...ofR12 },
      { code: 'FINE_BAND_10', description: '罚没金额合计20万元（达到10万元档） 京市监罚〔2026〕12号 扣5分', points: 5, ...ofR12 },
    ]);
  });

  it('describes a repeat offence with the earlier decision, a cap, and a listing', () => {
    const repeat = evaluateTier(
      {
        records: [
          tierRecord('r3', MINOR, '2026-04-01', { violationType: '虚假宣传' }),
          tierRecord('r4', MINOR, '2026-05-01', { violationType: '虚假宣传' }),
        ],
        listings: [],
        asOf: '2026-06-01',
      },
      TIER_RULE_SET_V1,
    );
    expect(repeat.reasons.map((r) => r.description)).toEqual([
      '轻微处罚 京市监罚〔2026〕3号 扣2分',
      '轻微处罚 京市监罚〔2026〕4号 扣2分',
      '12个月内同类违法再次受罚（虚假宣传，前次 京市监罚〔2026〕3号） 京市监罚〔2026〕4号 扣10分',
    ]);
    expect([repeat.level, repeat.score]).toEqual(['B', 86]);

    const capped = evaluateTier(
      { records: [tierRecord('r5', SERIOUS, '2025-12-01')], listings: [], asOf: '2026-06-01' },
      TIER_RULE_SET_V1,
    );
    expect(capped.reasons.map((r) => r.description)).toEqual([
      '严重处罚 京市监罚〔2026〕5号 扣30分',
      '12个月内受严重处罚 京市监罚〔2026〕5号，分类最高为C',
    ]);

    const listed = evaluateTier(
      { records: [], listings: [tierListing('l9', '2026-02-01')], asOf: '2026-06-01' },
      TIER_RULE_SET_V1,
    );
    expect(listed.reasons).toEqual<TierReason[]>([
      {
        code: 'OVERRIDE_LISTED',
        description: '列入严重失信主体名单：重大税收违法失信主体（京税失信〔2026〕9号），分类为D',
        points: 0,
        recordId: null,
        decisionNumber: null,
        listingId: 'l9',
      },
    ]);
  });

  it('orders reasons by date, then decision number, then rule, whatever the input order', () => {
    const records = [
      tierRecord('r2', GENERAL, '2026-03-01', { fineAmount: '1' }),
      tierRecord('r1', GENERAL, '2026-03-01', { categories: [Cat.SUSPEND_LICENSE] }),
      tierRecord('r9', MINOR, '2026-01-15'),
    ];
    const listings = [tierListing('l1', '2026-02-01')];
    const forward = evaluateTier({ records, listings, asOf: '2026-06-01' }, TIER_RULE_SET_V1);
    const backward = evaluateTier({ records: [...records].reverse(), listings, asOf: '2026-06-01' }, TIER_RULE_SET_V1);
    const codes = forward.reasons.map((r) => `${r.code} ${r.recordId ?? r.listingId}`);
    expect(codes).toEqual([
      'PENALTY_MINOR r9',
      'OVERRIDE_LISTED l1',
      'PENALTY_GENERAL r1',
      'CATEGORY_SUSPEND_LICENSE r1',
      'PENALTY_GENERAL r2',
      'FINE_BAND_1 r2',
    ]);
    expect(backward).toEqual(forward);
  });

  it('does not mutate its input and rejects a malformed asOf', () => {
    const records = [tierRecord('r2', GENERAL, '2026-03-01'), tierRecord('r1', GENERAL, '2026-01-01')];
    evaluateTier({ records, listings: [], asOf: '2026-06-01' }, TIER_RULE_SET_V1);
    expect(records.map((r) => r.id)).toEqual(['r2', 'r1']);
    expect(() => evaluateTier({ records, listings: [], asOf: '2026-02-30' }, TIER_RULE_SET_V1)).toThrow(RangeError);
  });
});

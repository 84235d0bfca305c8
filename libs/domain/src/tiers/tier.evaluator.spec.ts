import { PenaltyCategory as Cat, Severity } from '../penalty/penalty.types';
import { evaluateTier } from './tier.evaluator';
import { reasonLine, tierListing, tierRecord } from './tier.fixtures';
import { TIER_RULE_SET_V1 } from './tier-rule-sets.data';
import { CreditTier, TierListingFact, TierRecordFact } from './tier.types';

const { MINOR, GENERAL, SERIOUS } = Severity;

interface Scenario {
  name: string;
  records: TierRecordFact[];
  listings?: TierListingFact[];
  asOf: string;
  level: CreditTier;
  score: number;
  reasons: string[];
}

const scenarios: Scenario[] = [
  { name: 'no records → A 100', records: [], asOf: '2026-06-01', level: CreditTier.A, score: 100, reasons: [] },
  {
    name: 'one general fine of 5 万元 → 10 + band 2',
    records: [tierRecord('r1', GENERAL, '2026-03-01', { fineAmount: '5' })],
    asOf: '2026-06-01', level: CreditTier.B, score: 88,
    reasons: ['PENALTY_GENERAL 10 r1', 'FINE_BAND_1 2 r1'],
  },
  {
    name: 'serious record decided 5 months ago: score says B, capped at C',
    records: [tierRecord('r1', SERIOUS, '2026-01-10')],
    asOf: '2026-06-01', level: CreditTier.C, score: 70,
    reasons: ['PENALTY_SERIOUS 30 r1', 'CAP_SERIOUS_12M 0 r1'],
  },
  {
    name: 'serious record, cap still on the last day before its 12-month anniversary',
    records: [tierRecord('r1', SERIOUS, '2025-06-01')],
    asOf: '2026-05-31', level: CreditTier.C, score: 70,
    reasons: ['PENALTY_SERIOUS 30 r1', 'CAP_SERIOUS_12M 0 r1'],
  },
  {
    name: 'serious record, cap lapsed on its 12-month anniversary → B',
    records: [tierRecord('r1', SERIOUS, '2025-06-01')],
    asOf: '2026-06-01', level: CreditTier.B, score: 70,
    reasons: ['PENALTY_SERIOUS 30 r1'],
  },
  {
    name: 'serious with REVOKE_LICENSE and a 20 万元 fine → D (no cap reason: already worse than C)',
    records: [tierRecord('r1', SERIOUS, '2026-01-10', { categories: [Cat.FINE, Cat.REVOKE_LICENSE], fineAmount: '20' })],
    asOf: '2026-06-01', level: CreditTier.D, score: 25,
    reasons: ['PENALTY_SERIOUS 30 r1', 'CATEGORY_REVOKE_LICENSE 40 r1', 'FINE_BAND_10 5 r1'],
  },
  {
    name: 'only the largest category surcharge is deducted, not a sum',
    records: [tierRecord('r1', GENERAL, '2026-03-01', {
      categories: [Cat.CONFISCATE_ILLEGAL_GAINS, Cat.SUSPEND_PRODUCTION, Cat.REVOKE_LICENSE],
    })],
    asOf: '2026-06-01', level: CreditTier.C, score: 50,
    reasons: ['PENALTY_GENERAL 10 r1', 'CATEGORY_REVOKE_LICENSE 40 r1'],
  },
  {
    name: 'equal surcharges: the first in the rule data names the reason (ORDER_CLOSURE before RESTRICT_PRACTICE)',
    records: [tierRecord('r1', GENERAL, '2026-03-01', { categories: [Cat.RESTRICT_PRACTICE, Cat.ORDER_CLOSURE] })],
    asOf: '2026-06-01', level: CreditTier.C, score: 50,
    reasons: ['PENALTY_GENERAL 10 r1', 'CATEGORY_ORDER_CLOSURE 40 r1'],
  },
  {
    name: 'revoked (撤销) record is ignored',
    records: [tierRecord('r1', SERIOUS, '2026-01-10', { revokedOn: '2026-05-01' })],
    asOf: '2026-06-01', level: CreditTier.A, score: 100, reasons: [],
  },
  {
    name: 'revoked on asOf itself is already ignored',
    records: [tierRecord('r1', SERIOUS, '2026-01-10', { revokedOn: '2026-06-01' })],
    asOf: '2026-06-01', level: CreditTier.A, score: 100, reasons: [],
  },
  {
    name: 'revocation dated after asOf: still counts on asOf (history)',
    records: [tierRecord('r1', SERIOUS, '2026-01-10', { revokedOn: '2026-06-02' })],
    asOf: '2026-06-01', level: CreditTier.C, score: 70,
    reasons: ['PENALTY_SERIOUS 30 r1', 'CAP_SERIOUS_12M 0 r1'],
  },
  {
    name: 'credit-repaired (信用修复) record is ignored',
    records: [tierRecord('r1', SERIOUS, '2025-01-10', { repairedOn: '2026-06-01' })],
    asOf: '2026-06-01', level: CreditTier.A, score: 100, reasons: [],
  },
  {
    name: 'general record past its 12-month window',
    records: [tierRecord('r1', GENERAL, '2025-03-01', { categories: [Cat.SUSPEND_PRODUCTION] })],
    asOf: '2026-06-01', level: CreditTier.A, score: 100, reasons: [],
  },
  {
    name: 'window edge: last counting day of a general record (decided 2025-06-15)',
    records: [tierRecord('r1', GENERAL, '2025-06-15')],
    asOf: '2026-06-14', level: CreditTier.A, score: 90, reasons: ['PENALTY_GENERAL 10 r1'],
  },
  {
    name: 'window edge: first non-counting day of a general record (decided 2025-06-15)',
    records: [tierRecord('r1', GENERAL, '2025-06-15')],
    asOf: '2026-06-15', level: CreditTier.A, score: 100, reasons: [],
  },
  {
    name: 'month-end window: minor decided 2025-08-31 still counts on 2026-02-27',
    records: [tierRecord('r1', MINOR, '2025-08-31')],
    asOf: '2026-02-27', level: CreditTier.A, score: 98, reasons: ['PENALTY_MINOR 2 r1'],
  },
  {
    name: 'month-end window: minor decided 2025-08-31 stops on 2026-02-28 (6 months, clamped)',
    records: [tierRecord('r1', MINOR, '2025-08-31')],
    asOf: '2026-02-28', level: CreditTier.A, score: 100, reasons: [],
  },
  {
    name: 'serious record still counts on the last day of its 36-month window',
    records: [tierRecord('r1', SERIOUS, '2023-06-01')],
    asOf: '2026-05-31', level: CreditTier.B, score: 70, reasons: ['PENALTY_SERIOUS 30 r1'],
  },
  {
    name: 'future-dated record is ignored for an earlier asOf',
    records: [tierRecord('r1', GENERAL, '2026-07-01')],
    asOf: '2026-06-30', level: CreditTier.A, score: 100, reasons: [],
  },
  {
    name: 'a record counts from its decision date (inclusive)',
    records: [tierRecord('r1', GENERAL, '2026-07-01')],
    asOf: '2026-07-01', level: CreditTier.A, score: 90, reasons: ['PENALTY_GENERAL 10 r1'],
  },
  {
    name: 'repeat offence: same violation type 10 months apart → +10 on the later record',
    records: [
      tierRecord('r2', GENERAL, '2026-05-01', { violationType: '无照经营' }),
      tierRecord('r1', GENERAL, '2025-07-01', { violationType: '无照经营' }),
    ],
    asOf: '2026-06-01', level: CreditTier.B, score: 70,
    reasons: ['PENALTY_GENERAL 10 r1', 'PENALTY_GENERAL 10 r2', 'REPEAT_OFFENCE 10 r2'],
  },
  {
    name: 'repeat offence: exactly 12 months apart (2025-01-01 → 2026-01-01) is within',
    records: [
      tierRecord('r1', SERIOUS, '2025-01-01', { violationType: '食品安全' }),
      tierRecord('r2', GENERAL, '2026-01-01', { violationType: '食品安全' }),
    ],
    asOf: '2026-06-01', level: CreditTier.C, score: 50,
    reasons: ['PENALTY_SERIOUS 30 r1', 'PENALTY_GENERAL 10 r2', 'REPEAT_OFFENCE 10 r2'],
  },
  {
    name: 'no repeat: 12 months and 1 day apart (2024-12-31 → 2026-01-01)',
    records: [
      tierRecord('r1', SERIOUS, '2024-12-31', { violationType: '食品安全' }),
      tierRecord('r2', GENERAL, '2026-01-01', { violationType: '食品安全' }),
    ],
    asOf: '2026-06-01', level: CreditTier.C, score: 60,
    reasons: ['PENALTY_SERIOUS 30 r1', 'PENALTY_GENERAL 10 r2'],
  },
  {
    name: 'no repeat: 13 months apart',
    records: [
      tierRecord('r1', SERIOUS, '2024-12-01', { violationType: '食品安全' }),
      tierRecord('r2', GENERAL, '2026-01-01', { violationType: '食品安全' }),
    ],
    asOf: '2026-06-01', level: CreditTier.C, score: 60,
    reasons: ['PENALTY_SERIOUS 30 r1', 'PENALTY_GENERAL 10 r2'],
  },
  {
    name: 'no repeat when the earlier record no longer counts (repaired)',
    records: [
      tierRecord('r1', GENERAL, '2025-07-01', { violationType: '无照经营', repairedOn: '2026-02-01' }),
      tierRecord('r2', GENERAL, '2026-05-01', { violationType: '无照经营' }),
    ],
    asOf: '2026-06-01', level: CreditTier.A, score: 90, reasons: ['PENALTY_GENERAL 10 r2'],
  },
  {
    name: 'no repeat for two decisions on the same day, nor for a blank violation type',
    records: [
      tierRecord('r1', GENERAL, '2026-05-01', { violationType: '无照经营' }),
      tierRecord('r2', GENERAL, '2026-05-01', { violationType: '无照经营' }),
      tierRecord('r3', MINOR, '2026-05-10', { violationType: ' ' }),
      tierRecord('r4', MINOR, '2026-05-20', { violationType: ' ' }),
    ],
    asOf: '2026-06-01', level: CreditTier.B, score: 76,
    reasons: ['PENALTY_GENERAL 10 r1', 'PENALTY_GENERAL 10 r2', 'PENALTY_MINOR 2 r3', 'PENALTY_MINOR 2 r4'],
  },
  {
    name: 'listing override (严重失信主体名单) → D whatever the score',
    records: [],
    listings: [tierListing('l7', '2026-01-01')],
    asOf: '2026-06-01', level: CreditTier.D, score: 100, reasons: ['OVERRIDE_LISTED 0 l7'],
  },
  {
    name: 'listing override wins over the serious cap (no cap reason)',
    records: [tierRecord('r1', SERIOUS, '2026-03-01')],
    listings: [tierListing('l7', '2026-04-01')],
    asOf: '2026-06-01', level: CreditTier.D, score: 70,
    reasons: ['PENALTY_SERIOUS 30 r1', 'OVERRIDE_LISTED 0 l7'],
  },
  {
    name: 'listing removed before asOf → no override',
    records: [],
    listings: [tierListing('l7', '2025-01-01', '2026-05-01')],
    asOf: '2026-06-01', level: CreditTier.A, score: 100, reasons: [],
  },
  {
    name: 'listing removed on asOf → no override; listed after asOf → not yet',
    records: [],
    listings: [tierListing('l7', '2025-01-01', '2026-06-01'), tierListing('l8', '2026-06-02')],
    asOf: '2026-06-01', level: CreditTier.A, score: 100, reasons: [],
  },
  {
    name: 'score never falls below 0',
    records: ['r1', 'r2', 'r3'].map((id) =>
      tierRecord(id, SERIOUS, '2025-01-01', { categories: [Cat.REVOKE_LICENSE], fineAmount: '150' })),
    asOf: '2026-06-01', level: CreditTier.D, score: 0,
    reasons: ['r1', 'r2', 'r3'].flatMap((id) =>
      [`PENALTY_SERIOUS 30 ${id}`, `CATEGORY_REVOKE_LICENSE 40 ${id}`, `FINE_BAND_100 10 ${id}`]),
  },
];

describe('evaluateTier with v1 (信用风险分类)', () => {
  it.each(scenarios)('$name', ({ records, listings = [], asOf, level, score, reasons }) => {
    const result = evaluateTier({ records, listings, asOf }, TIER_RULE_SET_V1);
    expect(result.reasons.map(reasonLine)).toEqual(reasons);
    expect({ level: result.level, score: result.score, ruleVersion: result.ruleVersion }).toEqual({
      level,
      score,
      ruleVersion: 'v1',
    });
  });
});

// Severity (轻微 / 一般 / 严重) for a record whose department did not state one. The department's own
// statement always wins; this rule only fills the gap so publication periods and tiers have an input.
import { amountToMicroUnits } from '../money/decimal-amount';
import { DecimalString, PartyType, PenaltyCategory, Severity } from './penalty.types';

export interface SeverityInput {
  partyType: PartyType;
  penaltyCategories: readonly PenaltyCategory[];
  /** 罚款金额 in 万元, canonical, or null. */
  fineAmount: DecimalString | null;
  /** 没收违法所得、没收非法财物的金额 in 万元, canonical, or null. */
  confiscatedAmount: DecimalString | null;
}

/**
 * The rule as data, so a reason can cite it. Amounts are in 万元. Individual businesses are grouped with
 * organisations throughout: the 较低数额罚款 line for them is the organisation one, and keeping one grouping
 * for both thresholds avoids a record being "minor like a company" but "serious like a person".
 *
 * The 轻微 line is the simplified procedure of 行政处罚法 (2021修订, in force 2021-07-15) art. 51: a warning, or a
 * fine of at most 200 元 for a citizen / 3,000 元 for a legal person or other organisation (以下 includes the
 * amount itself, 民法典 art. 1259). The 2026 信用修复管理办法 (国家发展改革委令2025年第36号) names penalties
 * made by the simplified procedure as 轻微失信信息. Before 2021-07-15 the 1996 law's line was lower; that text
 * was not read here, so older decisions use the same (higher) line: the reading that publishes less about the
 * party. Individual businesses (民法典 art. 54: natural persons in business) get the organisation line for the
 * same reason.
 */
export const SEVERITY_RULE = {
  version: 'severity-v2',
  source: '中华人民共和国行政处罚法（2021年修订）第五十一条',
  effectiveFrom: '2021-07-15',
  /** Penalties that take away the right to operate or liberty: always 严重. */
  seriousCategories: [
    PenaltyCategory.REVOKE_LICENSE, // 吊销许可证件
    PenaltyCategory.ORDER_CLOSURE, // 责令关闭
    PenaltyCategory.RESTRICT_PRACTICE, // 限制从业
    PenaltyCategory.SUSPEND_PRODUCTION, // 责令停产停业
    PenaltyCategory.DETENTION, // 行政拘留
  ] as readonly PenaltyCategory[],
  /** 严重 when fine + confiscation is at least this much (≥, inclusive). */
  seriousTotalAtLeast: {
    [PartyType.LEGAL_ENTITY]: '100',
    [PartyType.INDIVIDUAL_BUSINESS]: '100',
    [PartyType.NATURAL_PERSON]: '5',
  } as Readonly<Record<PartyType, DecimalString>>,
  /** 轻微 when the categories are only these (警告, 通报批评). */
  minorOnlyCategories: [PenaltyCategory.WARNING, PenaltyCategory.CRITICISM] as readonly PenaltyCategory[],
  /** 轻微 when the categories are FINE, optionally with WARNING, and nothing else… */
  lowFineCategories: [PenaltyCategory.FINE, PenaltyCategory.WARNING] as readonly PenaltyCategory[],
  /** …and the fine is at most this (≤, inclusive; 万元: 0.3 = 3,000 元, 0.02 = 200 元) with nothing confiscated. */
  lowFineAtMost: {
    [PartyType.LEGAL_ENTITY]: '0.3',
    [PartyType.INDIVIDUAL_BUSINESS]: '0.3',
    [PartyType.NATURAL_PERSON]: '0.02',
  } as Readonly<Record<PartyType, DecimalString>>,
} as const;

/** The rule's amount lines in micro units, converted once. */
const THRESHOLDS = {
  seriousTotalAtLeast: microUnitsByPartyType(SEVERITY_RULE.seriousTotalAtLeast),
  lowFineAtMost: microUnitsByPartyType(SEVERITY_RULE.lowFineAtMost),
};

function microUnitsByPartyType(amounts: Readonly<Record<PartyType, DecimalString>>): Readonly<Record<PartyType, bigint>> {
  return Object.fromEntries(Object.entries(amounts).map(([type, amount]) => [type, amountToMicroUnits(amount)])) as Record<PartyType, bigint>;
}

/**
 * SERIOUS when any category is in `seriousCategories`, or fine + confiscation ≥ `seriousTotalAtLeast`
 * (100 万元 for organisations and individual businesses, 5 万元 for natural persons).
 * Otherwise MINOR when the categories are only WARNING / CRITICISM, or only FINE (optionally with WARNING)
 * with a fine of at most `lowFineAtMost` (0.3 万元 = 3,000 元; 0.02 万元 = 200 元 for natural persons) and no
 * confiscation.
 * GENERAL otherwise — including an empty category list, which validation never lets through.
 */
export function deriveSeverity(record: SeverityInput): Severity {
  const rule = SEVERITY_RULE;
  const categories = record.penaltyCategories;
  if (categories.some((category) => rule.seriousCategories.includes(category))) return Severity.SERIOUS;
  // Each amount parsed once, to exact micro units (what sumAmounts and compareAmounts work in): every record of
  // an ingest batch goes through here.
  const fine = record.fineAmount === null ? 0n : amountToMicroUnits(record.fineAmount);
  const confiscated = record.confiscatedAmount === null ? 0n : amountToMicroUnits(record.confiscatedAmount);
  if (fine + confiscated >= THRESHOLDS.seriousTotalAtLeast[record.partyType]) return Severity.SERIOUS;
  if (categories.length === 0) return Severity.GENERAL;
  if (categories.every((category) => rule.minorOnlyCategories.includes(category))) return Severity.MINOR;
  const onlyFine =
    categories.includes(PenaltyCategory.FINE) &&
    categories.every((category) => rule.lowFineCategories.includes(category));
  const nothingConfiscated = confiscated === 0n;
  if (onlyFine && nothingConfiscated && record.fineAmount !== null && fine <= THRESHOLDS.lowFineAtMost[record.partyType]) {
    return Severity.MINOR;
  }
  return Severity.GENERAL;
}

// Publication rules for administrative penalty decisions (行政处罚信息公示) as versioned data, not constants:
// the rule set in force ON THE DECISION DATE decides whether a record is published and for how long, so a
// decision taken in 2022 keeps its 2022 periods even when it is first pushed to us in 2026.
import { IsoDate } from '../penalty/penalty.types';
import { isIsoDate } from '../time/calendar';

/** A publication period in whole calendar months, counted from the decision date. */
export interface DisclosurePeriod {
  /** 最短公示期: credit repair (信用修复) may be approved from decision date + minMonths. */
  minMonths: number;
  /** 最长公示期: publication stops automatically at decision date + maxMonths. */
  maxMonths: number;
}

export interface DisclosureRuleSet {
  /** Stable id stored beside every decision, so a published record can always say which rule it followed. */
  id: string;
  /** First day the rule applies to (decision date on or after it). */
  effectiveFrom: IsoDate;
  /** Last day the rule applies to (inclusive); null while still in force. */
  effectiveTo: IsoDate | null;
  /** Chinese name of the regulation. */
  title: string;
  /** Whether 轻微 records (and warning/criticism-only records) are published at all. */
  publishMinor: boolean;
  /**
   * When 轻微 is not published by default but a department may ask for it: the period then used. 信用修复管理办法
   * (2026) 轻微失信信息 "原则上不予公示，确有必要公示的最长不超过3个月"; repair needs no minimum wait (0 months).
   */
  minorOnRequest?: DisclosurePeriod;
  periods: {
    /** Present only when publishMinor is true. */
    MINOR?: DisclosurePeriod;
    GENERAL: DisclosurePeriod;
    SERIOUS: DisclosurePeriod;
  };
}

/**
 * The three regimes of DESIGN.md §2, oldest first, contiguous and non-overlapping (a test enforces that).
 *
 * - The first set covers every decision before 2023-05-01; the table has no lower bound, so effectiveFrom is
 *   1900-01-01 rather than the 2019 notice's own date (older decisions still need an answer).
 * - Under it 轻微 records WERE published; the table gives no period for them, so they use the 一般 period
 *   (3 months – 1 year): the notice had no shorter class, and a shorter invented period would have no basis.
 */
export const DISCLOSURE_RULE_SETS: readonly DisclosureRuleSet[] = [
  {
    id: 'NDRC-2019-527',
    effectiveFrom: '1900-01-01',
    effectiveTo: '2023-04-30',
    title: '关于进一步完善“信用中国”网站及地方信用门户网站行政处罚信息信用修复机制的通知（发改办财金〔2019〕527号）',
    publishMinor: true,
    periods: {
      MINOR: { minMonths: 3, maxMonths: 12 },
      GENERAL: { minMonths: 3, maxMonths: 12 },
      SERIOUS: { minMonths: 6, maxMonths: 36 },
    },
  },
  {
    id: 'NDRC-ORDER-58',
    effectiveFrom: '2023-05-01',
    effectiveTo: '2026-03-31',
    title: '失信行为纠正后的信用信息修复管理办法（试行）（国家发展和改革委员会令第58号）',
    publishMinor: false,
    periods: {
      GENERAL: { minMonths: 3, maxMonths: 12 },
      SERIOUS: { minMonths: 12, maxMonths: 36 },
    },
  },
  {
    id: 'CREDIT-REPAIR-2026',
    effectiveFrom: '2026-04-01',
    effectiveTo: null,
    title: '信用修复管理办法（国家发展和改革委员会令2025年第36号）',
    publishMinor: false,
    minorOnRequest: { minMonths: 0, maxMonths: 3 },
    periods: {
      GENERAL: { minMonths: 3, maxMonths: 12 },
      SERIOUS: { minMonths: 12, maxMonths: 36 },
    },
  },
];

/** The rule set whose [effectiveFrom, effectiveTo] contains the decision date. Throws on a malformed date. */
export function ruleSetInForce(
  decisionDate: IsoDate,
  ruleSets: readonly DisclosureRuleSet[] = DISCLOSURE_RULE_SETS,
): DisclosureRuleSet {
  if (!isIsoDate(decisionDate)) throw new RangeError(`not an ISO date: ${decisionDate}`);
  // ISO dates order as strings, so plain comparison is exact.
  const found = ruleSets.find(
    (set) => set.effectiveFrom <= decisionDate && (set.effectiveTo === null || decisionDate <= set.effectiveTo),
  );
  if (!found) throw new RangeError(`no disclosure rule set in force on ${decisionDate}`);
  return found;
}


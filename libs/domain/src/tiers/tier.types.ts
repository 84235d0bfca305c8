// Types of the classified-supervision credit tier (信用风险分类, SAMR 2022). The rule numbers are DATA
// (`TierRuleSet`), so the same numbers can drive this evaluator and the set-based SQL recomputation.
import type { InspectionResultCategory, InspectionTierRules } from '../inspections/inspection-result-categories.data';
import { DecimalString, IsoDate, PenaltyCategory, Severity } from '../penalty/penalty.types';

/** 信用风险分类: A 信用风险低, B 信用风险一般, C 信用风险较高, D 信用风险高. */
export enum CreditTier {
  A = 'A',
  B = 'B',
  C = 'C',
  D = 'D',
}

/** One category surcharge; the array order breaks ties between equal surcharges (first wins). */
export interface CategorySurcharge {
  category: PenaltyCategory;
  points: number;
}

/** A fine band (罚没金额档次) on fineAmount + confiscatedAmount in 万元; only the highest band reached applies. */
export interface FineBand {
  /** Reason code, e.g. `FINE_BAND_10`. */
  code: string;
  /** Inclusive lower edge in 万元, an exact decimal string. */
  minAmount: DecimalString;
  points: number;
}

export interface TierRuleSet {
  version: string;
  /** Date from which the platform applies this rule set (configuration, not a statute date). */
  effectiveFrom: IsoDate;
  startScore: number;
  /** Lowest score of each level: score ≥ A → A, ≥ B → B, ≥ C → C, otherwise D. */
  thresholds: { A: number; B: number; C: number };
  /** How long a record counts, from its decisionDate (inclusive) to decisionDate + months (exclusive). */
  windowsMonths: Record<Severity, number>;
  pointsBySeverity: Record<Severity, number>;
  /** Only the single largest surcharge among a record's categories is deducted (not a sum). */
  categorySurcharges: readonly CategorySurcharge[];
  fineBands: readonly FineBand[];
  /** 12个月内同类违法再次受罚: extra points when an earlier counted record has the same violationType. */
  repeat: { lookbackMonths: number; points: number };
  /** 双随机抽查 results that cost points (rule set v2 on); absent: inspection results do not count. */
  inspectionResults?: InspectionTierRules;
  overrides: {
    /** 严重失信主体名单 (active listing) → this level, whatever the score. */
    listed: { level: CreditTier };
    /** A counting record of `severity` decided less than `withinMonths` ago → at most `maxLevel`. */
    seriousCap: { severity: Severity; withinMonths: number; maxLevel: CreditTier };
  };
}

/** One administrative penalty decision as the tier sees it. */
export interface TierRecordFact {
  id: string;
  /** 行政处罚决定书文号 */
  decisionNumber: string;
  severity: Severity;
  categories: PenaltyCategory[];
  /** 罚款金额 (万元) */
  fineAmount: DecimalString | null;
  /** 没收违法所得、没收非法财物的金额 (万元) */
  confiscatedAmount: DecimalString | null;
  /** 违法行为类型; a blank value never makes a repeat offence. */
  violationType: string;
  /** 处罚决定日期 */
  decisionDate: IsoDate;
  /** Date the decision was revoked (撤销), or null. */
  revokedOn: IsoDate | null;
  /** Date credit repair (信用修复) was approved, or null. */
  repairedOn: IsoDate | null;
}

/** One designation onto the serious-dishonesty list (严重失信主体名单). */
export interface TierListingFact {
  id: string;
  /** 名单类型名称 */
  listTypeName: string;
  /** 认定决定书文号 */
  decisionDocumentNumber: string;
  listedOn: IsoDate;
  removedOn: IsoDate | null;
}

/** One 双随机、一公开 inspection result (抽查检查结果) of the subject. */
export interface TierInspectionFact {
  id: string;
  /** 抽查计划名称, named in the reason. */
  planName: string;
  category: InspectionResultCategory;
  inspectedOn: IsoDate;
}

export interface TierFacts {
  records: readonly TierRecordFact[];
  listings: readonly TierListingFact[];
  /** Counted only by rule sets with `inspectionResults`. */
  inspections?: readonly TierInspectionFact[];
}

export interface TierEvaluationInput extends TierFacts {
  asOf: IsoDate;
}

export interface TierReason {
  /** e.g. PENALTY_SERIOUS, CATEGORY_REVOKE_LICENSE, FINE_BAND_10, REPEAT_OFFENCE, OVERRIDE_LISTED, CAP_SERIOUS_12M */
  code: string;
  /** Chinese, naming the decision or listing, e.g. "严重处罚 京市监罚〔2026〕12号 扣30分". */
  description: string;
  /** Points deducted by this reason; 0 for overrides and caps. */
  points: number;
  recordId: string | null;
  decisionNumber: string | null;
  listingId: string | null;
}

export interface TierEvaluation {
  level: CreditTier;
  score: number;
  ruleVersion: string;
  reasons: TierReason[];
}

// The one pure tier evaluator. Every per-record number depends only on that record (severity, its largest
// category surcharge, its fine band) plus a repeat flag that needs only earlier counted records of the same
// subject and violationType, so the set-based SQL recomputation can mirror it with a window function.
import { IsoDate } from '../penalty/penalty.types';
import { addMonths, isIsoDate } from '../time/calendar';
import { compareAmounts, formatAmount, parseAmount, sumAmounts } from './tier-amount.util';
import { inspectionResultLabel } from '../inspections/inspection-result-categories.data';
import { PENALTY_CATEGORY_LABELS_ZH, SEVERITY_LABELS_ZH } from './tier-labels.data';
import {
  CategorySurcharge,
  CreditTier,
  FineBand,
  TierEvaluation,
  TierEvaluationInput,
  TierInspectionFact,
  TierListingFact,
  TierReason,
  TierRecordFact,
  TierRuleSet,
} from './tier.types';

export const REPEAT_OFFENCE = 'REPEAT_OFFENCE';
export const OVERRIDE_LISTED = 'OVERRIDE_LISTED';

const LEVELS_BEST_FIRST: readonly CreditTier[] = [CreditTier.A, CreditTier.B, CreditTier.C, CreditTier.D];

export function capReasonCode(ruleSet: TierRuleSet): string {
  const cap = ruleSet.overrides.seriousCap;
  return `CAP_${cap.severity}_${cap.withinMonths}M`;
}

/**
 * A record counts on `asOf` when decisionDate ≤ asOf < decisionDate + window(severity), and it is neither
 * revoked (撤销) nor credit-repaired (信用修复) on or before asOf.
 */
export function isRecordCounting(record: TierRecordFact, asOf: IsoDate, ruleSet: TierRuleSet): boolean {
  if (record.decisionDate > asOf) return false;
  if (record.revokedOn !== null && record.revokedOn <= asOf) return false;
  if (record.repairedOn !== null && record.repairedOn <= asOf) return false;
  return asOf < addMonths(record.decisionDate, ruleSet.windowsMonths[record.severity]);
}

/**
 * The deduction of one inspection result on asOf, or null: it counts from inspectedOn (inclusive) for the rule
 * set's windowMonths, and only for a category with points. Code INSPECTION_<category>; the reason names the plan.
 */
export function inspectionDeduction(fact: TierInspectionFact, asOf: IsoDate, ruleSet: TierRuleSet): TierReason | null {
  const rules = ruleSet.inspectionResults;
  const points = rules?.points[fact.category] ?? 0;
  if (!rules || points <= 0 || fact.inspectedOn > asOf || asOf >= addMonths(fact.inspectedOn, rules.windowMonths)) return null;
  return {
    code: `INSPECTION_${fact.category}`,
    description: `双随机抽查“${fact.planName}”结果：${inspectionResultLabel(fact.category)} 扣${points}分`,
    points,
    recordId: null,
    decisionNumber: null,
    listingId: null,
  };
}

/** 严重失信主体名单 in force on asOf: listedOn ≤ asOf and not yet removed (removedOn null or after asOf). */
export function isListingActive(listing: TierListingFact, asOf: IsoDate): boolean {
  return listing.listedOn <= asOf && (listing.removedOn === null || listing.removedOn > asOf);
}

export function levelForScore(score: number, ruleSet: TierRuleSet): CreditTier {
  const { thresholds } = ruleSet;
  if (score >= thresholds.A) return CreditTier.A;
  if (score >= thresholds.B) return CreditTier.B;
  if (score >= thresholds.C) return CreditTier.C;
  return CreditTier.D;
}

/** True when `a` is a lower-risk level than `b` (A is better than B). */
export function isBetterLevel(a: CreditTier, b: CreditTier): boolean {
  return LEVELS_BEST_FIRST.indexOf(a) < LEVELS_BEST_FIRST.indexOf(b);
}

/**
 * The earlier counted record that makes `record` a repeat offence: same non-blank violationType, decided in
 * [decisionDate − lookback months, decisionDate). Same-day records are not "earlier". Returns the latest
 * such record (named in the reason), or null. In SQL: a count over
 * `PARTITION BY subject, violation_type ORDER BY decision_date RANGE BETWEEN '12 months' PRECEDING AND
 * '1 day' PRECEDING` on the counted rows.
 */
export function findRepeatPredecessor(
  record: TierRecordFact,
  counted: readonly TierRecordFact[],
  ruleSet: TierRuleSet,
): TierRecordFact | null {
  if (record.violationType.trim() === '') return null;
  const from = addMonths(record.decisionDate, -ruleSet.repeat.lookbackMonths);
  let latest: TierRecordFact | null = null;
  for (const other of counted) {
    if (other === record || other.violationType !== record.violationType) continue;
    if (other.decisionDate < from || other.decisionDate >= record.decisionDate) continue;
    if (latest === null || compareRecords(other, latest) > 0) latest = other;
  }
  return latest;
}

/** The deductions of one counted record, in rule order: severity, category, fine band, repeat. */
export function recordDeductionReasons(
  record: TierRecordFact,
  repeatOf: TierRecordFact | null,
  ruleSet: TierRuleSet,
): TierReason[] {
  const dn = record.decisionNumber;
  const reasons: TierReason[] = [];
  const add = (code: string, description: string, points: number): void => {
    reasons.push({ code, description, points, recordId: record.id, decisionNumber: dn, listingId: null });
  };

  const severityPoints = ruleSet.pointsBySeverity[record.severity];
  const severityLabel = SEVERITY_LABELS_ZH[record.severity];
  add(`PENALTY_${record.severity}`, `${severityLabel}处罚 ${dn} 扣${severityPoints}分`, severityPoints);

  // Single largest surcharge, not a sum: a licence revocation usually comes with a fine and a confiscation,
  // and summing would count one decision's weight several times.
  let surcharge: CategorySurcharge | null = null;
  for (const entry of ruleSet.categorySurcharges) {
    if (entry.points <= 0 || !record.categories.includes(entry.category)) continue;
    if (surcharge === null || entry.points > surcharge.points) surcharge = entry;
  }
  if (surcharge !== null) {
    const label = PENALTY_CATEGORY_LABELS_ZH[surcharge.category];
    add(`CATEGORY_${surcharge.category}`, `处罚种类“${label}” ${dn} 扣${surcharge.points}分`, surcharge.points);
  }

  const amount = sumAmounts([record.fineAmount, record.confiscatedAmount]);
  let band: FineBand | null = null;
  for (const candidate of ruleSet.fineBands) {
    const edge = parseAmount(candidate.minAmount);
    if (compareAmounts(amount, edge) < 0) continue;
    if (band === null || compareAmounts(edge, parseAmount(band.minAmount)) > 0) band = candidate;
  }
  if (band !== null && band.points > 0) {
    add(
      band.code,
      `罚没金额合计${formatAmount(amount)}万元（达到${band.minAmount}万元档） ${dn} 扣${band.points}分`,
      band.points,
    );
  }

  if (repeatOf !== null && ruleSet.repeat.points > 0) {
    const months = ruleSet.repeat.lookbackMonths;
    add(
      REPEAT_OFFENCE,
      `${months}个月内同类违法再次受罚（${record.violationType}，前次 ${repeatOf.decisionNumber}） ${dn} 扣${ruleSet.repeat.points}分`,
      ruleSet.repeat.points,
    );
  }
  return reasons;
}

/**
 * Score = max(0, startScore − Σ points of counted records); level from thresholds; then overrides: an active
 * listing → D (always stated); otherwise a counting SERIOUS record decided less than 12 months ago caps the
 * level at C (stated only when it lowers the level). Reasons are ordered by date (decisionDate / listedOn),
 * then decision number, then rule.
 */
export function evaluateTier(input: TierEvaluationInput, ruleSet: TierRuleSet): TierEvaluation {
  const { asOf } = input;
  if (!isIsoDate(asOf)) throw new RangeError(`asOf is not an ISO date: ${asOf}`);

  const counted = input.records.filter((record) => isRecordCounting(record, asOf, ruleSet)).sort(compareRecords);
  const entries: { date: IsoDate; group: number; key: string; reason: TierReason }[] = [];
  let deducted = 0;
  for (const record of counted) {
    const repeatOf = findRepeatPredecessor(record, counted, ruleSet);
    for (const reason of recordDeductionReasons(record, repeatOf, ruleSet)) {
      deducted += reason.points;
      entries.push({ date: record.decisionDate, group: 0, key: recordKey(record), reason });
    }
  }

  for (const fact of input.inspections ?? []) {
    const reason = inspectionDeduction(fact, asOf, ruleSet);
    if (reason === null) continue;
    deducted += reason.points;
    entries.push({ date: fact.inspectedOn, group: 2, key: `${fact.planName}\u0000${fact.id}`, reason });
  }

  const score = Math.max(0, ruleSet.startScore - deducted);
  let level = levelForScore(score, ruleSet);

  const listings = input.listings.filter((listing) => isListingActive(listing, asOf));
  if (listings.length > 0) {
    level = ruleSet.overrides.listed.level;
    for (const listing of listings) {
      entries.push({
        date: listing.listedOn,
        group: 1,
        key: `${listing.decisionDocumentNumber}\u0000${listing.id}`,
        reason: {
          code: OVERRIDE_LISTED,
          description: `列入严重失信主体名单：${listing.listTypeName}（${listing.decisionDocumentNumber}），分类为${level}`,
          points: 0,
          recordId: null,
          decisionNumber: null,
          listingId: listing.id,
        },
      });
    }
  } else {
    const cap = ruleSet.overrides.seriousCap;
    const capping = counted.filter(
      (record) => record.severity === cap.severity && asOf < addMonths(record.decisionDate, cap.withinMonths),
    );
    if (capping.length > 0 && isBetterLevel(level, cap.maxLevel)) {
      level = cap.maxLevel;
      for (const record of capping) {
        entries.push({
          date: record.decisionDate,
          group: 0,
          key: recordKey(record),
          reason: {
            code: capReasonCode(ruleSet),
            description:
              `${cap.withinMonths}个月内受${SEVERITY_LABELS_ZH[cap.severity]}处罚 ${record.decisionNumber}，` +
              `分类最高为${cap.maxLevel}`,
            points: 0,
            recordId: record.id,
            decisionNumber: record.decisionNumber,
            listingId: null,
          },
        });
      }
    }
  }

  // Array.prototype.sort is stable, so reasons of one record keep their rule order.
  entries.sort((a, b) => compareText(a.date, b.date) || a.group - b.group || compareText(a.key, b.key));
  return { level, score, ruleVersion: ruleSet.version, reasons: entries.map((entry) => entry.reason) };
}

function recordKey(record: TierRecordFact): string {
  return `${record.decisionNumber}\u0000${record.id}`;
}

function compareRecords(a: TierRecordFact, b: TierRecordFact): number {
  return compareText(a.decisionDate, b.decisionDate) || compareText(recordKey(a), recordKey(b));
}

// Code-unit order, not localeCompare: the order must not depend on the machine's ICU data.
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// When can a tier change by time alone? The daily sweep recomputes only subjects whose date has come, instead
// of all of them. Listings are left out on purpose: their lifecycle sweep triggers its own recomputation.
import { IsoDate } from '../penalty/penalty.types';
import { addMonths, isIsoDate } from '../time/calendar';
import { inspectionDeduction } from './tier.evaluator';
import { TierInspectionFact, TierRecordFact, TierRuleSet } from './tier.types';

/**
 * The earliest date after asOf on which the evaluation can change with no new fact: a future-dated record
 * starts counting, a counting record leaves its window, a serious-record cap lapses, or a revocation/repair
 * dated in the future takes effect. Returns null when nothing known can change it. Conservative: on the date
 * returned the score or the cap changes, the level may stay the same.
 */
export function nextTierChangeDate(
  facts: { records: readonly TierRecordFact[]; inspections?: readonly TierInspectionFact[] },
  asOf: IsoDate,
  ruleSet: TierRuleSet,
): IsoDate | null {
  if (!isIsoDate(asOf)) throw new RangeError(`asOf is not an ISO date: ${asOf}`);
  let next: IsoDate | null = null;
  const consider = (date: IsoDate | null): void => {
    if (date !== null && date > asOf && (next === null || date < next)) next = date;
  };

  const cap = ruleSet.overrides.seriousCap;
  for (const record of facts.records) {
    // Revoked or repaired by asOf: it never counts again, so none of its dates matter.
    const revoked = record.revokedOn !== null && record.revokedOn <= asOf;
    const repaired = record.repairedOn !== null && record.repairedOn <= asOf;
    if (revoked || repaired) continue;
    consider(record.revokedOn);
    consider(record.repairedOn);
    consider(record.decisionDate);
    consider(addMonths(record.decisionDate, ruleSet.windowsMonths[record.severity]));
    if (record.severity === cap.severity) consider(addMonths(record.decisionDate, cap.withinMonths));
  }
  // An inspection result that costs points now stops costing them at the end of its window (rule set v2 on).
  for (const fact of facts.inspections ?? []) {
    if (ruleSet.inspectionResults && inspectionDeduction(fact, asOf, ruleSet) !== null) consider(addMonths(fact.inspectedOn, ruleSet.inspectionResults.windowMonths));
  }
  return next;
}

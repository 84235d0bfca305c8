// Whether a penalty decision is still SHARED with other departments and regulators (共享), as distinct from
// published to the public (公示). 信用修复管理办法 (国家发展和改革委员会令2025年第36号, in force 2026-04-01) art. 3:
// repair means 终止公示 AND 停止共享和使用 — the national sharing platform stops sharing the repaired information
// with 行业主管部门、地方政府 and credit agencies. The platform applies the same to a revoked decision (it no
// longer exists in law: 行政处罚法 art. 48) and to one past its longest period, and to every decision date,
// since no earlier rule read here requires sharing what is repaired: the reading that protects the party.
// The deciding department always keeps its own records (it answers for them); others do not see them at all.
import { PenaltyRecordStatus, Severity, IsoDate } from '../penalty/penalty.types';
import { addMonths } from '../time/calendar';
import { DisclosureRuleSet, DISCLOSURE_RULE_SETS, ruleSetInForce } from './disclosure-rule-sets.data';

export type SharingState = 'SHARED' | 'REPAIRED' | 'REVOKED' | 'EXPIRED';

export interface SharingInput {
  status: PenaltyRecordStatus | 'ACTIVE' | 'REVOKED';
  repairedOn: IsoDate | null;
  decisionDate: IsoDate;
  severity: Severity;
}

/**
 * The longest period a record of this severity is kept in circulation under the rule set: its maximum
 * publication period; for 轻微 under a rule that does not publish it, the 3 months it could have been published
 * for on request where the rule has that, else the 一般 maximum.
 */
export function sharingMonths(ruleSet: DisclosureRuleSet, severity: Severity): number {
  const period = ruleSet.periods[severity] ?? ruleSet.minorOnRequest ?? ruleSet.periods.GENERAL;
  return period.maxMonths;
}

/** Last day the record is shared (inclusive): decision date + sharingMonths, like publishedUntil. */
export function sharedUntil(decisionDate: IsoDate, severity: Severity): IsoDate {
  return addMonths(decisionDate, sharingMonths(ruleSetInForce(decisionDate, DISCLOSURE_RULE_SETS), severity));
}

export function sharingState(input: SharingInput, today: IsoDate): SharingState {
  if (input.status === 'REVOKED') return 'REVOKED';
  if (input.repairedOn !== null && input.repairedOn <= today) return 'REPAIRED';
  if (sharedUntil(input.decisionDate, input.severity) < today) return 'EXPIRED';
  return 'SHARED';
}

// What the public sees when a published penalty decision is revoked (撤销) or otherwise set aside: not a record
// that silently vanishes but a withdrawal notice. 行政处罚法 (2021) art. 48 para. 2, read: "公开的行政处罚决定被
// 依法变更、撤销、确认违法或者确认无效的，行政机关应当在三日内撤回行政处罚决定信息并公开说明理由." 总局令第45号
// art. 11 says the same for market regulators ("撤回行政处罚公示信息并说明理由").
import { IsoDate } from '../penalty/penalty.types';
import { addMonths } from '../time/calendar';
import { DisclosureDecision } from './disclosure.policy';

export const WITHDRAWAL_NOTICE_RULE = {
  id: 'ADMIN-PENALTY-LAW-ART48',
  citation: '中华人民共和国行政处罚法（2021年修订）第四十八条第二款',
  effectiveFrom: '2021-07-15',
  /**
   * How long the notice stays up. Neither text read states a period; 3 months is the shortest publication
   * period of the rules (disclosure-rule-sets.data.ts). The notice speaks for the party (its penalty is gone),
   * so a longer rather than a shorter period is the reading that protects it. Applied to every decision date:
   * explaining a withdrawal never harms the party.
   */
  months: 3,
} as const;

export interface WithdrawalNoticeWindow {
  /** The day the decision was revoked: the notice's first day. */
  from: IsoDate;
  /** The notice's last visible day (inclusive). */
  until: IsoDate;
}

/**
 * The notice's window, or null when there is nothing to explain: the decision was not publicly visible on the
 * day it was revoked (never published, not yet or no longer in its period, or already repaired), or `asOf`
 * lies past the notice's last day.
 */
export function withdrawalNoticeWindow(
  decision: DisclosureDecision,
  repairedOn: IsoDate | null,
  revokedOn: IsoDate,
  asOf: IsoDate,
): WithdrawalNoticeWindow | null {
  if (!decision.published || decision.publishedFrom === null || decision.publishedUntil === null) return null;
  const wasVisible =
    decision.publishedFrom <= revokedOn && revokedOn <= decision.publishedUntil && (repairedOn === null || repairedOn > revokedOn);
  if (!wasVisible) return null;
  const until = addMonths(revokedOn, WITHDRAWAL_NOTICE_RULE.months);
  return asOf <= until ? { from: revokedOn, until } : null;
}

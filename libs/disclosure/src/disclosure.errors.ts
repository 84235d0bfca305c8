// Coded errors of publication and credit repair (信用修复) besides the platform's own (CommonErrorCode of
// @credit/common).
import { DomainError } from '@credit/common';

export type DisclosureErrorCode = 'ALREADY_REPAIRED' | 'NOT_PUBLISHED' | 'REPAIR_NOT_ALLOWED' | 'REPAIR_NOT_YET_ALLOWED' | 'SEARCH_UNAVAILABLE';

export type DisclosureError = DomainError<DisclosureErrorCode>;

const ON_DECISION = { field: 'decisionNumber' };

export function alreadyRepaired(repairedOn: string): DisclosureError {
  return new DomainError('ALREADY_REPAIRED', `信用修复已于${repairedOn}批准（credit repair was already approved on ${repairedOn}）`, ON_DECISION);
}

/** Nothing to repair: the decision is revoked, or it was never published. */
export function notPublished(revoked: boolean): DisclosureError {
  const message = revoked ? '该处罚已撤销，不在公示中（this decision is revoked and not published）' : '该处罚不予公示，无需信用修复（this decision is not published, so there is nothing to repair）';
  return new DomainError('NOT_PUBLISHED', message, ON_DECISION);
}

export function repairNotAllowed(citation: string, ruleId: string): DisclosureError {
  return new DomainError(
    'REPAIR_NOT_ALLOWED',
    `依据${citation}，该处罚不得提前停止公示，公示期满后自动停止（this penalty may not be repaired early under ${ruleId}; its publication ends at the maximum period）`,
    ON_DECISION,
  );
}

export function repairNotYetAllowed(earliestRepairDate: string | null): DisclosureError {
  return new DomainError('REPAIR_NOT_YET_ALLOWED', `最短公示期未满，${earliestRepairDate}起方可修复（credit repair is allowed from ${earliestRepairDate}）`, ON_DECISION);
}

/** The search backend failed; what failed is logged, not told. */
export function searchUnavailable(): DisclosureError {
  return new DomainError('SEARCH_UNAVAILABLE', '公示查询暂不可用，请稍后再试（search is temporarily unavailable, try again shortly）');
}

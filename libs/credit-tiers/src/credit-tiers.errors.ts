// Coded errors of the credit-tier capability besides the platform's own (CommonErrorCode of @credit/common).
import { DomainError } from '@credit/common';

export type TierErrorCode = 'TIER_RECOMPUTE_RUNNING';

export type TierError = DomainError<TierErrorCode>;

/** A full recomputation holds the advisory lock: a second one is refused, not queued. */
export function tierRecomputeRunning(): TierError {
  return new DomainError('TIER_RECOMPUTE_RUNNING', '另一个全量重算正在进行（a full tier recomputation is already running）');
}

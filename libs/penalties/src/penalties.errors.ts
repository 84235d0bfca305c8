// Coded errors of the penalty-record capability besides the platform's own (CommonErrorCode of @credit/common).
// Row-level problems of a pushed batch are field errors (PenaltyIssueCode of @credit/domain), not these.
import { DomainError, forbidden, notFound } from '@credit/common';

export type PenaltyErrorCode = 'ALREADY_REVOKED';

export type PenaltyError = DomainError<PenaltyErrorCode>;

export function alreadyRevoked(): PenaltyError {
  return new DomainError('ALREADY_REVOKED', 'This decision is already revoked', { field: 'decisionNumber' });
}

/**
 * A department acting on a decision number it holds no record under: FORBIDDEN when another department decided
 * it ("only the deciding department may <action>"), NOT_FOUND when nobody did.
 */
export function notOwnDecision(decisionNumber: string, decidedByAnother: boolean, action: string): DomainError<'FORBIDDEN' | 'NOT_FOUND'> {
  if (decidedByAnother) return forbidden(`This decision belongs to another department; only the deciding department may ${action}`);
  return notFound(`Penalty decision ${decisionNumber}`);
}

// Coded errors of the blacklist capability. State-machine refusals keep the machine's code and bilingual
// message (INVALID_TRANSITION, OBJECTION_WINDOW_OPEN, REMOVAL_NOT_YET_ALLOWED …); the rest are access and
// input problems the service finds.
import { badInput, DomainError, forbidden } from '@credit/common';
import { ListingErrorCode, ListingFailure } from '@credit/domain';

/**
 * Every code the blacklist capability answers with besides the platform's own (CommonErrorCode of
 * @credit/common): the listing machine's refusals (ListingErrorCode of @credit/domain) and the service's.
 */
export type BlacklistErrorCode =
  | `${ListingErrorCode}`
  | 'NOT_DESIGNATING_DEPARTMENT'
  | 'OBJECTION_ANSWER_OVERDUE'
  | 'SUBJECT_NOT_FOUND'
  | 'MEASURE_NOT_IN_CHECK'
  | 'FEEDBACK_ALREADY_RECORDED';

export type BlacklistError = DomainError<BlacklistErrorCode>;

/** Throws the machine's refusal as a DomainError; INVALID_DATE names `dateField` when the caller chose the date. */
export function refusal(failure: ListingFailure, dateField?: string): BlacklistError {
  const field = failure.error.code === ListingErrorCode.INVALID_DATE ? dateField : undefined;
  return new DomainError<BlacklistErrorCode>(failure.error.code, failure.error.message, field ? { field } : {});
}

export function notDesignatingDepartment(departmentCode: string, listTypeCode: string): BlacklistError {
  return new DomainError(
    'NOT_DESIGNATING_DEPARTMENT',
    `${departmentCode} 不是名单类型 ${listTypeCode} 的认定部门（${departmentCode} may not designate subjects onto ${listTypeCode}）`,
    { field: 'input.listTypeCode' },
  );
}

/** Also what anyone else gets for an act only the proposing department may do. */
export function notProposer(): DomainError<'FORBIDDEN'> {
  return forbidden('只有提出认定的部门可以办理（only the department that proposed this listing may do this）');
}

/** A required text argument, trimmed, or a coded error naming the field. */
export function requiredText(value: string | null | undefined, field: string, zh: string, max: number): string {
  const trimmed = (value ?? '').trim();
  if (!trimmed) throw badInput(`${zh}不能为空（${field} is required）`, field);
  if ([...trimmed].length > max) throw badInput(`${zh}不能超过 ${max} 字（${field} must be at most ${max} characters）`, field);
  return trimmed;
}

/** Ids are bigint: anything else is bad input, not a database error. */
export function requireId(value: string, field: string): string {
  if (!/^\d{1,18}$/.test(value)) throw badInput(`${field} is not an id`, field);
  return value;
}

/** Confirmation refused while an objection is open past its answer day (异议答复期限). */
export function objectionAnswerOverdue(objectionId: string, answerDue: string): BlacklistError {
  return new DomainError(
    'OBJECTION_ANSWER_OVERDUE',
    `异议 ${objectionId} 已超过答复期限（${answerDue}）仍未答复，答复后方可正式列入（objection ${objectionId} was due for an answer by ${answerDue}; answer it before confirming the listing）`,
    { field: 'listingId' },
  );
}

/** A proposal for a subject the platform does not know, without the name to register it under. */
export function subjectNotRegistered(uscc: string): BlacklistError {
  return new DomainError('SUBJECT_NOT_FOUND', `主体 ${uscc} 尚未登记，请同时提供主体名称（subject ${uscc} is not registered; send subjectName to register it）`, { field: 'input.subjectName' });
}

export function measureNotInCheck(measureCode: string, checkId: string): BlacklistError {
  return new DomainError('MEASURE_NOT_IN_CHECK', `措施 ${measureCode} 不在该次核查结果中（measure ${measureCode} was not returned by check ${checkId}）`, { field: 'measureCode' });
}

export function feedbackAlreadyRecorded(): BlacklistError {
  return new DomainError('FEEDBACK_ALREADY_RECORDED', '该措施的反馈已记录（feedback for this measure is already recorded）', { field: 'measureCode' });
}

// Coded errors of the blacklist capability. State-machine refusals keep the machine's code and bilingual
// message (INVALID_TRANSITION, OBJECTION_WINDOW_OPEN, REMOVAL_NOT_YET_ALLOWED …); the rest are access and
// input problems the service finds.
import { badInput, DomainError } from '@credit/common';
import { ListingErrorCode, ListingFailure } from '@credit/domain';

/** Throws the machine's refusal as a DomainError; INVALID_DATE names `dateField` when the caller chose the date. */
export function refusal(failure: ListingFailure, dateField?: string): DomainError {
  const field = failure.error.code === ListingErrorCode.INVALID_DATE ? dateField : undefined;
  return new DomainError(failure.error.code, failure.error.message, field ? { field } : {});
}

export function notDesignatingDepartment(departmentCode: string, listTypeCode: string): DomainError {
  return new DomainError(
    'NOT_DESIGNATING_DEPARTMENT',
    `${departmentCode} 不是名单类型 ${listTypeCode} 的认定部门（${departmentCode} may not designate subjects onto ${listTypeCode}）`,
    { field: 'input.listTypeCode' },
  );
}

export function notProposer(): DomainError {
  return new DomainError('FORBIDDEN', '只有提出认定的部门可以办理（only the department that proposed this listing may do this）');
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
export function objectionAnswerOverdue(objectionId: string, answerDue: string): DomainError {
  return new DomainError(
    'OBJECTION_ANSWER_OVERDUE',
    `异议 ${objectionId} 已超过答复期限（${answerDue}）仍未答复，答复后方可正式列入（objection ${objectionId} was due for an answer by ${answerDue}; answer it before confirming the listing）`,
    { field: 'listingId' },
  );
}

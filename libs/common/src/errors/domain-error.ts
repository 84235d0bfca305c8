// Services throw DomainError with a stable SCREAMING_SNAKE code; one filter maps it to GraphQL
// `extensions.code`. The message is for the caller, in plain words; nothing internal leaks through it.

export interface ErrorDetail {
  field: string;
  code: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: { field?: string; fieldErrors?: ErrorDetail[]; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const badInput = (message: string, field?: string, fieldErrors?: ErrorDetail[]): DomainError =>
  new DomainError('BAD_USER_INPUT', message, { field, fieldErrors });
const HAN = /[\u3400-\u9fff]/;

/**
 * Messages are Chinese first with the English in brackets, like the validation messages: a clerk reads the
 * Chinese, a developer greps the English. An English-only message gets the code's Chinese sentence in front.
 */
export function bilingual(chinese: string, english: string): string {
  return HAN.test(english) ? english : `${chinese}（${english}）`;
}

/** Also what a caller outside its region gets for something that exists: the two must read the same. */
export const notFound = (what: string): DomainError => new DomainError('NOT_FOUND', bilingual('未找到，或不在您的查询范围内', `${what} not found`));
export const forbidden = (message = 'You are not allowed to do this'): DomainError =>
  new DomainError('FORBIDDEN', bilingual('无权执行此操作', message));
export const unauthenticated = (message = 'Authentication required'): DomainError =>
  new DomainError('UNAUTHENTICATED', bilingual('需要登录令牌或有效的 API 密钥', message));
export const conflict = (message: string, field?: string): DomainError => new DomainError('CONFLICT', message, { field });
/** Too many attempts: the caller may retry after `retryAfterSeconds` (also sent as the HTTP Retry-After header). */
export const rateLimited = (message: string, retryAfterSeconds: number): DomainError =>
  new DomainError('RATE_LIMITED', message, { retryAfterSeconds: Math.max(1, Math.ceil(retryAfterSeconds)) });

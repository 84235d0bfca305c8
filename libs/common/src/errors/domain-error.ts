// Services throw DomainError with a stable SCREAMING_SNAKE code; one filter maps it to GraphQL
// `extensions.code`. The message is for the caller, in plain words; nothing internal leaks through it.

export interface ErrorDetail {
  field: string;
  code: string;
  message: string;
}

/**
 * Codes of the platform itself: the helpers below build them, and any capability may throw them. A capability's
 * own codes are a union in its `*.errors.ts` (BlacklistErrorCode, PenaltyErrorCode …), each built by one factory
 * there, so `DomainError<ThatUnion>` says which codes a capability can answer with.
 */
export type CommonErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'PAYLOAD_TOO_LARGE'
  | 'INVALID_USCC';

/** `C` narrows the code to a capability's union; plain `DomainError` takes any code (what the filter catches). */
export class DomainError<C extends string = string> extends Error {
  constructor(
    readonly code: C,
    message: string,
    readonly details: { field?: string; fieldErrors?: ErrorDetail[]; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const badInput = (message: string, field?: string, fieldErrors?: ErrorDetail[]): DomainError<'BAD_USER_INPUT'> =>
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
export const notFound = (what: string): DomainError<'NOT_FOUND'> => new DomainError('NOT_FOUND', bilingual('未找到，或不在您的查询范围内', `${what} not found`));
export const forbidden = (message = 'You are not allowed to do this'): DomainError<'FORBIDDEN'> =>
  new DomainError('FORBIDDEN', bilingual('无权执行此操作', message));
export const unauthenticated = (message = 'Authentication required'): DomainError<'UNAUTHENTICATED'> =>
  new DomainError('UNAUTHENTICATED', bilingual('需要登录令牌或有效的 API 密钥', message));
export const conflict = (message: string, field?: string): DomainError<'CONFLICT'> => new DomainError('CONFLICT', message, { field });
/** Too large to take (an upload, a file's rows or its unpacked size); the message says how to split it. */
export const payloadTooLarge = (message: string, field?: string): DomainError<'PAYLOAD_TOO_LARGE'> =>
  new DomainError('PAYLOAD_TOO_LARGE', message, { field });
/** Too many attempts: the caller may retry after `retryAfterSeconds` (also sent as the HTTP Retry-After header). */
export const rateLimited = (message: string, retryAfterSeconds: number): DomainError<'RATE_LIMITED'> =>
  new DomainError('RATE_LIMITED', message, { retryAfterSeconds: Math.max(1, Math.ceil(retryAfterSeconds)) });

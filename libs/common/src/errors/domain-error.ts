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
export const notFound = (what: string): DomainError => new DomainError('NOT_FOUND', `${what} not found`);
export const forbidden = (message = 'You are not allowed to do this'): DomainError =>
  new DomainError('FORBIDDEN', message);
export const unauthenticated = (message = 'Authentication required'): DomainError =>
  new DomainError('UNAUTHENTICATED', message);
export const conflict = (message: string, field?: string): DomainError => new DomainError('CONFLICT', message, { field });
/** Too many attempts: the caller may retry after `retryAfterSeconds` (also sent as the HTTP Retry-After header). */
export const rateLimited = (message: string, retryAfterSeconds: number): DomainError =>
  new DomainError('RATE_LIMITED', message, { retryAfterSeconds: Math.max(1, Math.ceil(retryAfterSeconds)) });

// Coded errors of authentication: only the platform's own codes (CommonErrorCode of @credit/common), each
// message built here once.
import { badInput, CommonErrorCode, conflict, DomainError, rateLimited, unauthenticated } from '@credit/common';

export type AuthErrorCode = Extract<CommonErrorCode, 'UNAUTHENTICATED' | 'FORBIDDEN' | 'RATE_LIMITED' | 'BAD_USER_INPUT' | 'CONFLICT'>;

export type AuthError = DomainError<AuthErrorCode>;

/** Unknown user and wrong password read the same, so a login does not tell which usernames exist. */
export function wrongCredentials(): AuthError {
  return unauthenticated('用户名或密码错误（wrong username or password）');
}

export function tooManyFailedLogins(waitSeconds: number): AuthError {
  return rateLimited(`登录失败次数过多，请 ${waitSeconds} 秒后再试（too many failed logins; retry in ${waitSeconds} s）`, waitSeconds);
}

export function tooManyRequests(limitPerMinute: number, retryAfterSeconds: number): AuthError {
  return rateLimited(
    `请求过于频繁，请 ${retryAfterSeconds} 秒后重试（too many requests: at most ${limitPerMinute} per minute for this caller; retry in ${retryAfterSeconds} s）`,
    retryAfterSeconds,
  );
}

/** A password the policy refuses; the field error carries the rule (PASSWORD_POLICY). */
export function passwordRejected(message: string, field: string): AuthError {
  return badInput(message, field, [{ field, code: 'PASSWORD_POLICY', message }]);
}

export function usernameTaken(username: string): AuthError {
  return conflict(`User ${username} already exists`, 'input.username');
}

// What a person's password must be (NIST SP 800-63B §5.1.1.2): long enough, not derived from the username,
// not one every cracking list tries first. No composition rules: they make passwords worse, not stronger.
import { passwordRejected } from './auth.errors';
import { COMMON_PASSWORDS } from './common-passwords';

export const MIN_PASSWORD_LENGTH = 12;

/** Null when acceptable, else the reason (Chinese first, English in brackets). */
export function passwordProblem(username: string, password: string): string | null {
  // Counted in characters a person types, not UTF-16 units.
  if ([...password].length < MIN_PASSWORD_LENGTH) return `密码至少 ${MIN_PASSWORD_LENGTH} 个字符（the password must be at least ${MIN_PASSWORD_LENGTH} characters）`;
  const lower = password.toLowerCase();
  const name = username.trim().toLowerCase();
  if (name.length > 0 && lower.includes(name)) return '密码不能包含用户名（the password must not contain the username）';
  if (COMMON_PASSWORDS.has(lower)) return '密码过于常见，请换一个（the password is on the list of common passwords; choose another）';
  if (new Set(lower).size === 1) return '密码不能由同一个字符重复组成（the password must not be one character repeated）';
  return null;
}

export function assertPasswordAcceptable(username: string, password: string, field = 'input.password'): void {
  const problem = passwordProblem(username, password);
  if (problem) throw passwordRejected(problem, field);
}


import { COMMON_PASSWORDS } from './common-passwords';
import { passwordProblem } from './password-policy';

describe('password policy', () => {
  it.each([
    ['regulator-1', 'eleven-char', /至少 12 个字符/],
    ['zhangwei', 'ZhangWei-2026-spring', /不能包含用户名/],
    ['someone', 'qwertyuiop123', /过于常见/],
    ['someone', 'QWERTY123456', /过于常见/],
    ['someone', '111111111111', /过于常见|同一个字符/],
  ])('refuses %s / %s', (username, password, problem) => {
    expect(passwordProblem(username, password)).toMatch(problem);
  });

  it('accepts a long passphrase and counts characters, not UTF-16 units', () => {
    expect(passwordProblem('regulator-1', 'correct horse battery staple')).toBeNull();
    expect(passwordProblem('regulator-1', '信用中国公示平台的长密码')).toBeNull(); // 12 characters
    expect(passwordProblem('regulator-1', '😀😀😀😀😀😀😀😀😀😀😀')).toMatch(/至少 12/); // 11 characters, 22 units
  });

  it('ships a list of a few hundred lower-case entries', () => {
    expect(COMMON_PASSWORDS.size).toBeGreaterThan(300);
    for (const entry of COMMON_PASSWORDS) expect(entry).toBe(entry.toLowerCase());
  });
});

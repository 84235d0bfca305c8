import { errorMessage } from './error-message';

describe('errorMessage', () => {
  it('gives an Error its message, without the stack', () => {
    expect(errorMessage(new TypeError('connection refused'))).toBe('connection refused');
  });

  it('gives any other thrown value as text', () => {
    expect(errorMessage('timeout')).toBe('timeout');
    expect(errorMessage(42)).toBe('42');
    expect(errorMessage(undefined)).toBe('undefined');
  });
});

import { DomainError } from './domain-error';
import { requireUscc } from './identifier-errors';

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected a refusal');
}

describe('requireUscc: the one place an argument becomes INVALID_USCC', () => {
  it('returns the parsed code of a valid USCC (the worked example of GB 32100)', () => {
    expect(requireUscc(' 91350100m000100y43 ', 'uscc')).toMatchObject({ valid: true, code: '91350100M000100Y43' });
  });

  it('names the field and keeps the parser\'s words for a wrong check character', () => {
    const error = refusal(() => requireUscc('91350100M000100Y4Z', 'input.uscc'));
    expect([error.code, error.details.field]).toEqual(['INVALID_USCC', 'input.uscc']);
    expect(error.message).toMatch(/^[\u3400-\u9fff].*（.*）$/);
  });

  it('refuses the individual-business placeholder: it names no subject', () => {
    const error = refusal(() => requireUscc('00000000000000000X', 'uscc'));
    expect([error.code, error.details.field]).toEqual(['INVALID_USCC', 'uscc']);
  });
});

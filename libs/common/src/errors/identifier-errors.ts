// The one place an argument that must be a USCC becomes INVALID_USCC: the message comes from the domain parser
// (Chinese, then English, naming the position that is wrong), the field is the argument's path. The
// individual-business placeholder 00000000000000000X fails the parser (position 1), so it never names a subject.
import { parseUscc, ValidUscc } from '@credit/domain';
import { DomainError } from './domain-error';

/** The parsed code, or INVALID_USCC on `field`. */
export function requireUscc(value: string, field: string): ValidUscc {
  // INVALID_USCC (CommonErrorCode) is built here and nowhere else.
  const parsed = parseUscc(value);
  if (!parsed.valid) throw new DomainError('INVALID_USCC', parsed.message, { field });
  return parsed;
}

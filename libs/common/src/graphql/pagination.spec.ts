import { DomainError } from '../errors/domain-error';
import { cursorCodec } from './pagination';

const raw = (key: unknown) => Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return 'OK';
  } catch (error) {
    return error instanceof DomainError ? `${error.code}:${error.details.field}` : 'THROWN';
  }
};

describe('cursorCodec', () => {
  const records = cursorCodec('date', 'id');

  it('round-trips the key it encodes, and has no cursor for none', () => {
    expect(records.decode(records.encode(['2026-10-15', '42']))).toEqual(['2026-10-15', '42']);
    expect(records.decode(undefined)).toBeNull();
    expect(records.decode('')).toBeNull();
    expect(cursorCodec('id').decode(raw([42]))).toEqual(['42']);
  });

  it.each([
    ['impossible date', ['2026-02-29', '1']],
    ['month 13', ['2026-13-01', '1']],
    ['id past bigint', ['2026-10-15', '9223372036854775808']],
    ['negative id', ['2026-10-15', '-1']],
    ['number as date', [20261015, '1']],
    ['object as id', ['2026-10-15', {}]],
    ['too short', ['2026-10-15']],
    ['too long', ['2026-10-15', '1', '2']],
  ])('refuses %s as BAD_USER_INPUT on the argument', (_name, key) => {
    expect(codeOf(() => records.decode(raw(key), 'after'))).toBe('BAD_USER_INPUT:after');
  });

  it('checks timestamps, bands, epoch milliseconds and scores', () => {
    expect(cursorCodec('timestamp').decode(raw(['2026-10-15T23:59:59.123456Z']))).toEqual(['2026-10-15T23:59:59.123456Z']);
    expect(codeOf(() => cursorCodec('timestamp').decode(raw(['2026-02-30T00:00:00Z'])))).toBe('BAD_USER_INPUT:after');
    expect(codeOf(() => cursorCodec('band').decode(raw([100])))).toBe('BAD_USER_INPUT:after');
    expect(codeOf(() => cursorCodec('epochMillis').decode(raw([1.5])))).toBe('BAD_USER_INPUT:after');
    expect(cursorCodec('score', 'epochMillis', 'id').decode(raw([3.25, 1760486400000, 7]))).toEqual([3.25, 1760486400000, '7']);
  });

  it('refuses text that is not base64url JSON', () => {
    for (const junk of ['%%%', 'bm90IGpzb24', 'x'.repeat(600)]) expect(codeOf(() => records.decode(junk))).toBe('BAD_USER_INPUT:after');
  });
});

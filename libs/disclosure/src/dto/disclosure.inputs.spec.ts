// The search arguments' acceptPlain against Nest's ValidationPipe, which it lets the public search skip: over a few
// thousand generated argument objects, valid and not, the API's pipe (ArgsValidationPipe) gives exactly what the
// plain ValidationPipe gives (the same instances, the same errors), and acceptPlain never accepts what the pipe rejects.
import 'reflect-metadata';
import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { ArgsValidationPipe, validationExceptionFactory } from '@credit/common';
import { DisclosureFilter, SearchDisclosuresArgs } from './disclosure.inputs';

const OPTIONS = { transform: true, whitelist: true, forbidNonWhitelisted: true, exceptionFactory: validationExceptionFactory };
const GRAPHQL_ARGS = { type: 3 as unknown as ArgumentMetadata['type'], metatype: SearchDisclosuresArgs, data: undefined };

const astral = '𠀀'.repeat(150); // 150 characters, 300 UTF-16 units: within MaxLength(200) as class-validator counts
const FILTER_VALUES: Record<string, unknown[]> = {
  regionCode: [undefined, null, '34', '3411', '341102', '34110', '3411020', 'ab', 341102, ''],
  departmentCode: [undefined, null, 'CZ-HBJ', 'x'.repeat(64), 'x'.repeat(65), 12],
  penaltyCategory: [undefined, null, 'FINE', 'REVOKE_LICENSE', 'fine', '罚款', 3],
  severity: [undefined, null, 'SERIOUS', 'GENERAL', 'serious', ''],
  decisionDateFrom: [undefined, null, '2026-01-01', 20260101],
  decisionDateTo: [undefined, null, '2026-12-31', new Date(0)],
  uscc: [undefined, null, '91341100MA2N0000X1', '91341100ma2n0000x1', '91341100MA2N0000X', '91341100MA2N0000X1 ', '９1341100MA2N0000X1'],
};
const SEARCH_VALUES: Record<string, unknown[]> = {
  query: [undefined, null, '食品', '滁州市华星电器有限公司', '', 'q'.repeat(200), 'q'.repeat(201), astral, 42, ['食品']],
  first: [undefined, null, 1, 20, 50, 0, 51, 2.5, '20', -1],
  after: [undefined, null, 'WzEsIjIwMjYtMDEtMDEiLCIxIl0', 'c'.repeat(512), 'c'.repeat(513), 7],
};

/** A deterministic stream of argument objects: each key present or not, a value from its pool, now and then a stranger. */
function* generatedArgs(count: number): Generator<unknown> {
  let seed = 20261207;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const pick = (pools: Record<string, unknown[]>) => {
    const out: Record<string, unknown> = {};
    for (const [key, pool] of Object.entries(pools)) if (next(3) > 0) out[key] = pool[next(pool.length)];
    if (next(25) === 0) out.unknownKey = 'x';
    return out;
  };
  for (let i = 0; i < count; i++) {
    const args = pick(SEARCH_VALUES);
    const shape = next(8);
    if (shape < 4) args.filter = pick(FILTER_VALUES);
    else if (shape === 4) args.filter = null;
    else if (shape === 5) args.filter = Object.assign(Object.create(null), pick(FILTER_VALUES)); // as some coercions build it
    else if (shape === 6) args.filter = 'not an object';
    yield args;
  }
  yield Object.assign(Object.create(null), { query: '食品' });
  yield [];
  yield null;
  yield { query: '食品', filter: [{ regionCode: '34' }] };
}

async function outcome(pipe: ValidationPipe, value: unknown): Promise<{ value: unknown } | { error: unknown }> {
  try {
    return { value: await pipe.transform(value, GRAPHQL_ARGS) };
  } catch (error) {
    const { message, name } = error as Error;
    return { error: { name, message, details: (error as { details?: unknown }).details } };
  }
}

describe('SearchDisclosuresArgs.acceptPlain (the public search skips the ValidationPipe)', () => {
  const plain = new ValidationPipe(OPTIONS);
  const api = new ArgsValidationPipe(OPTIONS);

  it('gives what the ValidationPipe gives, for valid and invalid arguments alike', async () => {
    let accepted = 0;
    let rejected = 0;
    for (const args of generatedArgs(3000)) {
      const expected = await outcome(plain, args);
      const fast = SearchDisclosuresArgs.acceptPlain(args);
      if (fast !== null) {
        accepted++;
        expect(expected).toStrictEqual({ value: fast }); // accepted only what the pipe accepts, built the same
      }
      if ('error' in expected) rejected++;
      expect(await outcome(api, args)).toStrictEqual(expected);
    }
    // Both ways were taken many times: the check is not vacuous.
    expect(accepted).toBeGreaterThan(200);
    expect(rejected).toBeGreaterThan(300);
  });

  it('accepts the public search page’s arguments without the pipe, with the filter as a DisclosureFilter', () => {
    const args = SearchDisclosuresArgs.acceptPlain({ query: '假冒', filter: { regionCode: '341102', severity: 'SERIOUS' }, first: 20 });
    expect(args).toBeInstanceOf(SearchDisclosuresArgs);
    expect(args?.filter).toBeInstanceOf(DisclosureFilter);
    expect(args?.filter?.regionCode).toBe('341102');
    expect(SearchDisclosuresArgs.acceptPlain({})).toBeInstanceOf(SearchDisclosuresArgs);
  });

  it('falls back to the pipe for getters, hidden properties and a __proto__ key, so they come out as the pipe has them', async () => {
    let reads = 0;
    // Each made afresh for each use: the pipe deletes a __proto__ key from what it is given.
    const inputs: (() => unknown)[] = [
      () => ({ get query() { return reads++ === 0 ? '食品' : 42; } }),
      () => Object.defineProperty({ query: '食品' }, 'filter', { value: { regionCode: '34' }, enumerable: false }),
      () => ({ filter: { get regionCode() { return reads++ % 2 === 0 ? '34' : 'x'; } } }),
      () => JSON.parse('{"query": "食品", "__proto__": {"filter": {"regionCode": "34"}}}'),
      () => ({ filter: JSON.parse('{"__proto__": {"regionCode": "x"}}') }),
    ];
    for (const input of inputs) {
      reads = 0;
      const expected = await outcome(plain, input());
      reads = 0;
      expect(SearchDisclosuresArgs.acceptPlain(input())).toBeNull();
      reads = 0;
      expect(await outcome(api, input())).toStrictEqual(expected);
    }
  });

  it('takes a custom decorator’s value as the pipe does (untouched), and refuses options it does not follow', async () => {
    const value = { query: '食品' };
    expect(await api.transform(value, { ...GRAPHQL_ARGS, type: 'custom' })).toBe(value);
    expect(() => new ArgsValidationPipe({ ...OPTIONS, transformOptions: { excludeExtraneousValues: true } })).toThrow('transformOptions');
    expect(() => new ArgsValidationPipe({ ...OPTIONS, groups: ['x'] })).toThrow('groups');
  });

  it('leaves a rejection to class-validator: the field path and message are its own', async () => {
    expect(SearchDisclosuresArgs.acceptPlain({ filter: { regionCode: '3411020' } })).toBeNull();
    const result = await outcome(api, { filter: { regionCode: '3411020' } });
    expect(result).toMatchObject({ error: { message: expect.stringContaining('filter.regionCode: regionCode must be 2, 4 or 6 digits') } });
  });
});

import { toGraphQLError } from './graphql-exception.filter';

const pgError = (code: string, message: string) => Object.assign(new Error(message), { code, severity: 'ERROR' });

describe('toGraphQLError: PostgreSQL errors that reach the filter', () => {
  it.each([
    ['22007', 'invalid input syntax for type date: "2026-02-30"', 'BAD_USER_INPUT'],
    ['22003', 'numeric field overflow', 'BAD_USER_INPUT'],
    ['22021', 'invalid byte sequence for encoding "UTF8": 0x00', 'BAD_USER_INPUT'],
    ['22P02', 'invalid input syntax for type bigint: "x"', 'BAD_USER_INPUT'],
    ['23505', 'duplicate key value violates unique constraint "departments_code_unique"', 'CONFLICT'],
    ['23503', 'insert or update on table "listings" violates foreign key constraint', 'CONFLICT'],
    ['23514', 'new row violates check constraint', 'CONFLICT'],
    ['57P01', 'terminating connection due to administrator command', 'SERVICE_UNAVAILABLE'],
    ['42P01', 'relation "public_disclosures" does not exist', 'INTERNAL_SERVER_ERROR'],
  ])('SQLSTATE %s (%s) → %s, without the driver text', (code, message, expected) => {
    const error = toGraphQLError(pgError(code, message));
    expect(error.extensions.code).toBe(expected);
    expect(error.message).not.toContain(message);
  });

  it('names the request id when it logs a data exception', () => {
    const warnings: string[] = [];
    toGraphQLError(pgError('22008', 'date/time field value out of range'), { warn: (line: string) => warnings.push(line) } as never, 'req-42');
    expect(warnings).toEqual([expect.stringContaining('request req-42')]);
  });
});

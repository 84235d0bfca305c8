// Scalars of the public contract. Date and Decimal stay strings end to end (no time zone shifts, no floats).
// Their parsers accept any string so that, inside a batch, one malformed value rejects only its own item
// (INVALID_DATE / INVALID_AMOUNT from the domain validation) instead of failing the whole request.
import { GraphQLError, GraphQLScalarType, Kind, ValueNode } from 'graphql';
import { isIsoDate } from '@credit/domain';
import { badInput } from '../errors/domain-error';

function literalString(ast: ValueNode, scalar: string, allowNumber = false): string {
  if (ast.kind === Kind.STRING) return ast.value;
  if (allowNumber && (ast.kind === Kind.INT || ast.kind === Kind.FLOAT)) return ast.value;
  throw new GraphQLError(`${scalar} must be written as a string`, { extensions: { code: 'BAD_USER_INPUT' } });
}

export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'Calendar date YYYY-MM-DD (China Standard Time calendar). Invalid dates inside record inputs are reported per item as INVALID_DATE.',
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value)),
  parseValue: (value) => {
    if (typeof value !== 'string') throw new GraphQLError('Date must be a string YYYY-MM-DD', { extensions: { code: 'BAD_USER_INPUT' } });
    return value.trim();
  },
  parseLiteral: (ast) => literalString(ast, 'Date').trim(),
});

export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'ISO 8601 timestamp with time zone, e.g. 2026-11-28T08:00:00.000Z',
  serialize: (value) => (value instanceof Date ? value : new Date(String(value))).toISOString(),
  parseValue: (value) => parseDateTime(value),
  parseLiteral: (ast) => parseDateTime(literalString(ast, 'DateTime')),
});

function parseDateTime(value: unknown): Date {
  const date = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) ? new Date(value) : new Date(NaN);
  if (Number.isNaN(date.getTime())) {
    throw new GraphQLError('DateTime must be an ISO 8601 timestamp such as 2026-11-28T08:00:00Z', { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return date;
}

export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description: 'Exact decimal number written as a string, e.g. "12.5" (amounts are in 万元). Invalid amounts inside record inputs are reported per item as INVALID_AMOUNT.',
  serialize: (value) => String(value),
  parseValue: (value) => {
    if (typeof value === 'string') return value;
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    throw new GraphQLError('Decimal must be a decimal string such as "12.5"', { extensions: { code: 'BAD_USER_INPUT' } });
  },
  parseLiteral: (ast) => literalString(ast, 'Decimal', true),
});

/** For Date arguments outside record inputs (e.g. tierAsOf): a real calendar date or a coded error. */
export function requireIsoDate(value: string, field: string): string {
  if (!isIsoDate(value)) throw badInput(`${field} must be a real date written YYYY-MM-DD, got "${value}"`, field);
  return value;
}

// The push route runs the variables through graphql-jit's generated coercion, and only what that coercion refuses
// reaches Apollo's (graphql-js). So graphql-jit must refuse everything graphql-js refuses, and what both accept
// must come out the same. Checked here on the committed schema (the one the API serves: a test compares them),
// with the API's own Date and Decimal scalars, for valid records and every kind of malformed one.
import fs from 'node:fs';
import path from 'node:path';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { getVariableValues, OperationDefinitionNode, parse } from 'graphql';
import { compileVariableParsing } from 'graphql-jit/dist/variables';
import { DateScalar, DateTimeScalar, DecimalScalar } from '@credit/common';
import { naturalPersonRecord, penaltyRecord, SUBMIT } from '@credit/testing';

const schema = makeExecutableSchema({
  typeDefs: fs.readFileSync(path.join(__dirname, '../../../../schema.graphql'), 'utf8'),
  resolvers: { Date: DateScalar, DateTime: DateTimeScalar, Decimal: DecimalScalar },
});
const definitions = (parse(SUBMIT).definitions[0] as OperationDefinitionNode).variableDefinitions ?? [];
const jitCoercion = compileVariableParsing(schema, definitions);

/** Each side's verdict: the coerced variables as JSON (prototypes aside), or 'refused'. */
function verdicts(variables: Record<string, unknown>): { graphqlJs: unknown; jit: unknown } {
  // Each side gets its own copy, as each request body is parsed afresh.
  const copy = () => JSON.parse(JSON.stringify(variables)) as Record<string, unknown>;
  const js = getVariableValues(schema, definitions, copy());
  const jit = jitCoercion(copy());
  const outcome = (result: { errors?: readonly unknown[]; coerced?: unknown }) =>
    result.errors?.length ? 'refused' : JSON.parse(JSON.stringify(result.coerced));
  return { graphqlJs: outcome(js), jit: outcome(jit) };
}

const record = penaltyRecord({ fineAmount: '12.5', confiscatedAmount: '0', actDate: '2026-09-01', publishMinor: false, severity: 'GENERAL' });
const malformed: [string, unknown][] = [
  ['an unknown field', { ...record, fineAmountYuan: '1' }],
  ['a field named __proto__', JSON.parse(`{"__proto__": 1, ${JSON.stringify(record).slice(1)}`)],
  ['a field named constructor', { ...record, constructor: 'x' }],
  ['a required field missing', (({ decisionDate: _d, ...rest }) => rest)(record)],
  ['a required field null', { ...record, partyName: null }],
  ['a number for a String', { ...record, partyName: 42 }],
  ['a boolean for a String', { ...record, violationFacts: true }],
  ['an object for a String', { ...record, legalBasis: { text: 'x' } }],
  ['a list for a String', { ...record, penaltyContent: ['x'] }],
  ['an unknown enum value', { ...record, partyType: 'ROBOT' }],
  ['an enum value in lower case', { ...record, partyType: 'legal_entity' }],
  ['a number for an enum', { ...record, severity: 1 }],
  ['a null item in an enum list', { ...record, penaltyCategories: ['FINE', null] }],
  ['an unknown item in an enum list', { ...record, penaltyCategories: ['FINE', 'EXILE'] }],
  ['a string for a Boolean', { ...record, publishMinor: 'true' }],
  ['a number for a Boolean', { ...record, notRepairable: 1 }],
  ['a number for a Date', { ...record, decisionDate: 20261015 }],
  ['an object for a Decimal', { ...record, fineAmount: { value: 1 } }],
  ['a boolean for a Decimal', { ...record, fineAmount: true }],
  ['a list as a record', [record]],
  ['a string as a record', 'record'],
  ['a number as a record', 7],
];

describe('variable coercion of a push: graphql-jit (fast path) against graphql-js (Apollo)', () => {
  it('accepts valid records with the same values, optional fields given, null or left out', () => {
    const person = naturalPersonRecord({ idType: 'RESIDENT_ID', partyAdultConfirmed: true });
    const sparse = penaltyRecord({ uscc: null, legalRepresentative: undefined, fineAmount: 3 });
    for (const records of [[record], [record, person, sparse], []]) {
      const { graphqlJs, jit } = verdicts({ records });
      expect(graphqlJs).not.toBe('refused');
      expect(jit).toEqual(graphqlJs);
    }
  });

  it('coerces a single record and single list items as lists of one, like graphql-js', () => {
    for (const variables of [{ records: record }, { records: [{ ...record, penaltyCategories: 'FINE' }] }]) {
      const { graphqlJs, jit } = verdicts(variables);
      expect(graphqlJs).not.toBe('refused');
      expect(jit).toEqual(graphqlJs);
    }
  });

  it.each(malformed)('refuses %s, as graphql-js does', (_kind, bad) => {
    expect(verdicts({ records: [record, bad] })).toEqual({ graphqlJs: 'refused', jit: 'refused' });
  });

  it('refuses a missing, null or mistyped list, and a null record', () => {
    for (const variables of [{}, { records: null }, { records: [null] }, { records: 'x' }, { records: [record], other: 1 }]) {
      const { graphqlJs, jit } = verdicts(variables);
      expect({ variables, jit }).toEqual({ variables, jit: graphqlJs });
    }
  });
});

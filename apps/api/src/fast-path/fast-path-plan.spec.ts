import { buildSchema, parse } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import { compilePlan, DEPARTMENT_PUSH_ROUTE, fastPathBody, PUBLIC_SEARCH_ROUTE } from './fast-path-plan';

const schema = buildSchema(`
  type Query { searchDisclosures(query: String, first: Int): Connection! disclosure(id: ID!): Item }
  type Mutation { revoke(id: ID!): Item submitPenaltyRecords(records: [RecordInput!]!): Payload! }
  input RecordInput { decisionNumber: String! }
  type Payload { created: Int! }
  type Connection { totalCount: Int! edges: [Edge!]! }
  type Edge { node: Item! }
  type Item { id: ID! name: String }
`);
const SEARCH = 'query($q: String) { searchDisclosures(query: $q) { totalCount edges { node { id name } } } }';
const PUSH = 'mutation($records: [RecordInput!]!) { submitPenaltyRecords(records: $records) { created } }';

describe('fastPathBody', () => {
  type Overrides = Partial<{ method: string; url: string; headers: Record<string, string>; body: unknown }>;
  const request = ({ headers, ...rest }: Overrides = {}) => ({
    method: 'POST', url: '/graphql', body: { query: SEARCH, variables: { q: '食品' } }, ...rest, headers: { 'content-type': 'application/json', ...headers },
  });

  it('takes a JSON POST of a query, its variables and an operation name, on the route of its kind of caller', () => {
    const route = PUBLIC_SEARCH_ROUTE;
    expect(fastPathBody(request(), '/graphql')).toEqual({ query: SEARCH, variables: { q: '食品' }, operationName: null, route });
    expect(fastPathBody(request({ body: { query: SEARCH, variables: null, operationName: 'A' } }), '/graphql')).toEqual({ query: SEARCH, variables: {}, operationName: 'A', route });
    expect(fastPathBody(request({ headers: { accept: '*/*' } }), '/graphql')).not.toBeNull();
    // A credential (the gate verified it before this hook) puts the request on the department push route.
    expect(fastPathBody(request({ headers: { 'x-api-key': 'k' } }), '/graphql')?.route).toBe(DEPARTMENT_PUSH_ROUTE);
    expect(fastPathBody(request({ headers: { authorization: 'Bearer t' } }), '/graphql')?.route).toBe(DEPARTMENT_PUSH_ROUTE);
  });

  it('leaves every other request to Apollo', () => {
    const refused = [
      request({ method: 'GET' }),
      request({ url: '/graphql?x=1' }),
      request({ headers: { 'content-type': 'multipart/form-data; boundary=x' } }),
      request({ headers: { accept: 'application/graphql-response+json' } }),
      request({ body: { query: SEARCH, extensions: { persistedQuery: {} } } }),
      request({ body: [{ query: SEARCH }] }),
      request({ body: { query: 42 } }),
      request({ body: { query: SEARCH, variables: [1] } }),
      request({ body: { query: SEARCH, operationName: 7 } }),
    ];
    for (const r of refused) expect(fastPathBody(r, '/graphql')).toBeNull();
  });
});

describe('compilePlan', () => {
  it('compiles one query of one allow-listed root field, keeping its operation name', () => {
    const plan = compilePlan(schema, SEARCH.replace('query(', 'query Named('), PUBLIC_SEARCH_ROUTE, true);
    expect(plan).toMatchObject({ field: 'searchDisclosures', operationName: 'Named' });
    expect(typeof plan?.compiled.query).toBe('function');
    expect(compilePlan(schema, PUSH, DEPARTMENT_PUSH_ROUTE, true)).toMatchObject({ field: 'submitPenaltyRecords', operationName: null });
  });

  it('keeps each route to its own operation and fields', () => {
    expect(compilePlan(schema, PUSH, PUBLIC_SEARCH_ROUTE, true)).toBeNull();
    expect(compilePlan(schema, SEARCH, DEPARTMENT_PUSH_ROUTE, true)).toBeNull();
    const refused = [
      'mutation { revoke(id: "1") { id } }',
      'mutation { a: submitPenaltyRecords(records: []) { created } b: submitPenaltyRecords(records: []) { created } }',
      'mutation($w: Boolean!) { submitPenaltyRecords(records: []) { created @skip(if: $w) } }',
      'mutation { submitPenaltyRecords(records: []) { created } revoke(id: "1") { id } }',
      'mutation { submitPenaltyRecords(records: []) { nope } }',
    ];
    for (const text of refused) expect({ text, plan: compilePlan(schema, text, DEPARTMENT_PUSH_ROUTE, true) }).toEqual({ text, plan: null });
  });

  it('refuses what Apollo must judge: other fields, several fields, mutations, directives, fragments, invalid or too deep documents', () => {
    const refused = [
      'query { disclosure(id: "1") { id } }',
      'query { searchDisclosures { totalCount } disclosure(id: "1") { id } }',
      'query { a: searchDisclosures { totalCount } b: searchDisclosures { totalCount } }',
      'mutation { revoke(id: "1") { id } }',
      'query($w: Boolean!) { searchDisclosures { totalCount @include(if: $w) } }',
      'query { ...F } fragment F on Query { searchDisclosures { totalCount } }',
      'query { searchDisclosures { nope } }',
      'query { searchDisclosures { totalCount }',
      'query A { searchDisclosures { totalCount } } query B { searchDisclosures { totalCount } }',
      `query { searchDisclosures { ${Array.from({ length: 6 }, (_, i) => `a${i}: totalCount`).join(' ')} } }`,
    ];
    for (const text of refused) expect({ text, plan: compilePlan(schema, text, PUBLIC_SEARCH_ROUTE, true) }).toEqual({ text, plan: null });
  });
});

describe('compilePlan and literals', () => {
  // graphql-jit writes literal arguments into the code it generates and turns strings that begin with its Date
  // marker into `new Date(…)` by text replacement, so such a string is pasted in as code.
  const injected = (flag: string) => `__MAGIC_DATE__33a9e76d_02e0_4128_8e92_3530ad3da74d0) && (globalThis.${flag} = true) && (0`;
  const flags = globalThis as Record<string, unknown>;

  it('is needed: graphql-jit alone runs a crafted string literal as code', async () => {
    const document = parse(`query { searchDisclosures(query: ${JSON.stringify(injected('jitRanLiteral'))}) { totalCount } }`);
    const compiled = compileQuery(schema, document, undefined, { customJSONSerializer: false });
    expect(isCompiledQuery(compiled)).toBe(true);
    if (isCompiledQuery(compiled)) await compiled.query({ searchDisclosures: () => ({ totalCount: 0, edges: [] }) }, {}, {});
    expect(flags.jitRanLiteral).toBe(true);
    delete flags.jitRanLiteral;
  });

  it('never compiles a string literal, a list or object literal argument, on either route', () => {
    const search = [
      `query { searchDisclosures(query: ${JSON.stringify(injected('planRanLiteral'))}) { totalCount } }`,
      'query { searchDisclosures(query: "食品") { totalCount } }',
      'query { searchDisclosures(query: """食品""") { totalCount } }',
      'query($q: String = "食品") { searchDisclosures(query: $q) { totalCount } }',
    ];
    for (const text of search) expect({ text, plan: compilePlan(schema, text, PUBLIC_SEARCH_ROUTE, true) }).toEqual({ text, plan: null });
    const push = [
      `mutation { submitPenaltyRecords(records: [{ decisionNumber: ${JSON.stringify(injected('planRanLiteral'))} }]) { created } }`,
      'mutation($a: RecordInput!) { submitPenaltyRecords(records: [$a]) { created } }',
      'mutation($n: String!) { submitPenaltyRecords(records: [{ decisionNumber: $n }]) { created } }',
      'mutation { submitPenaltyRecords(records: []) { created } }',
    ];
    for (const text of push) expect({ text, plan: compilePlan(schema, text, DEPARTMENT_PUSH_ROUTE, true) }).toEqual({ text, plan: null });
    expect(flags.planRanLiteral).toBeUndefined();
  });

  it('never compiles variable defaults, or aliases and variables named like JavaScript internals', () => {
    const refused = [
      'query($f: Int = 2) { searchDisclosures(first: $f) { totalCount } }',
      'query($__proto__: String) { searchDisclosures(query: $__proto__) { totalCount } }',
      'query($constructor: String) { searchDisclosures(query: $constructor) { totalCount } }',
      'query { searchDisclosures { __proto__: totalCount } }',
      'query { searchDisclosures { toString: totalCount } }',
      'query { searchDisclosures { edges { node_id: node { id } } } }',
    ];
    for (const text of refused) expect({ text, plan: compilePlan(schema, text, PUBLIC_SEARCH_ROUTE, true) }).toEqual({ text, plan: null });
    expect(compilePlan(schema, 'query($q: String) { searchDisclosures(query: $q) { count: totalCount edges { n: node { id } } } }', PUBLIC_SEARCH_ROUTE, true)).not.toBeNull();
  });

  it('compiles number, boolean, enum and null literals beside variables', () => {
    expect(compilePlan(schema, 'query($q: String) { searchDisclosures(query: $q, first: 2) { totalCount } }', PUBLIC_SEARCH_ROUTE, true)).not.toBeNull();
    expect(compilePlan(schema, 'query { searchDisclosures(query: null, first: 2) { totalCount } }', PUBLIC_SEARCH_ROUTE, true)).not.toBeNull();
  });
});

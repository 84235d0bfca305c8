import { createHash } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import { buildSchema, getIntrospectionQuery, OperationDefinitionNode, parse } from 'graphql';
import { ANONYMOUS_QUERY_LIMITS, anonymousCostMemo, costKeyVariables, costVariables, queryLimitsPlugin, registerTokenLimit } from './query-limits.plugin';

// The API runs with persisted queries off (apps/api/src/graphql.config.ts); this proves the plugin would still
// hold the token limit if they were turned on: a document stored by an authenticated caller and then sent
// by hash alone by an anonymous one is counted against the anonymous limit.
describe('queryLimitsPlugin with persisted queries', () => {
  const server = new ApolloServer<{ req: { headers: Record<string, unknown> } }>({
    typeDefs: 'type Query { hello: String }',
    resolvers: { Query: { hello: () => 'world' } },
    plugins: [queryLimitsPlugin({ production: true })],
  });
  beforeAll(() => server.start());
  afterAll(() => server.stop());

  it('counts the tokens of a stored document for the caller who runs it', async () => {
    const query = `{ ${'...F '.repeat(450)}} fragment F on Query { hello }`; // ~900 tokens, valid
    const persistedQuery = { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') };
    const stored = await server.executeOperation({ query, extensions: { persistedQuery } }, { contextValue: { req: { headers: { authorization: 'Bearer x' } } } });
    expect(stored.body.kind === 'single' && stored.body.singleResult.errors).toBeUndefined();
    const byHash = await server.executeOperation({ extensions: { persistedQuery } }, { contextValue: { req: { headers: {} } } });
    const result = byHash.body.kind === 'single' ? byHash.body.singleResult : null;
    expect(result?.data).toBeUndefined();
    expect(result?.errors?.[0].extensions).toMatchObject({ code: 'QUERY_LIMIT_EXCEEDED', limit: 'maxTokens' });
  });
});

// GraphiQL loads its schema with graphql's standard introspection query, 15 levels deep (ofType in ofType …),
// sent without credentials by the development IDE. Only production, where anonymous introspection is refused
// outright, still counts that depth against the anonymous limit of 7.
describe('queryLimitsPlugin and an anonymous introspection query', () => {
  const anonymous = { contextValue: { req: { headers: {} } } };
  const serverFor = (production: boolean) =>
    new ApolloServer<{ req: { headers: Record<string, unknown> } }>({
      typeDefs: 'type Query { hello: String }',
      resolvers: { Query: { hello: () => 'world' } },
      plugins: [queryLimitsPlugin({ production })],
    });
  const introspect = async (production: boolean) => {
    const server = serverFor(production);
    await server.start();
    try {
      const response = await server.executeOperation({ query: getIntrospectionQuery(), operationName: 'IntrospectionQuery' }, anonymous);
      return response.body.kind === 'single' ? response.body.singleResult : null;
    } finally {
      await server.stop();
    }
  };

  it('answers it outside production, where the IDE sends it', async () => {
    const result = await introspect(false);
    expect(result?.errors).toBeUndefined();
    expect((result?.data as any).__schema.queryType.name).toBe('Query');
  });

  it('still refuses it in production', async () => {
    const result = await introspect(true);
    expect(result?.data).toBeUndefined();
    expect(result?.errors?.[0].extensions?.code).toMatch(/^(QUERY_LIMIT_EXCEEDED|FORBIDDEN)$/);
  });
});

describe('costVariables', () => {
  const operation = parse('mutation($records: [R!]!, $first: Int, $one: R, $tags: [String]) { x }').definitions[0] as OperationDefinitionNode;

  it('hands list variables to the cost as empty lists (the cost never depends on their length), the rest unchanged', () => {
    const variables = { records: [{ a: 1 }, { a: 2 }], first: 20, one: { a: 3 }, tags: ['x'] };
    expect(costVariables(operation, variables)).toEqual({ records: [], first: 20, one: { a: 3 }, tags: [] });
    expect(variables.records).toHaveLength(2); // the request's own variables are not touched
  });

  it('leaves variables without a non-empty list as they are (same object)', () => {
    const variables = { records: [], first: 5, tags: 'not a list' };
    expect(costVariables(operation, variables)).toBe(variables);
    expect(costVariables(undefined, variables)).toBe(variables);
  });
});

describe('anonymousCostMemo', () => {
  const schema = buildSchema('type Query { search(query: String, after: String, first: Int): ItemConnection } type ItemConnection { nodes: [Item] } type Item { id: ID }');
  const document = parse('query($query: String, $after: String, $first: Int) { search(query: $query, after: $after, first: $first) { nodes { id } } }');
  const operation = document.definitions[0] as OperationDefinitionNode;

  it('keys searches that differ only in their words (String variables) as one', () => {
    expect(costKeyVariables(operation, { query: '食品', after: 'abc', first: 20 })).toEqual({ query: '', after: '', first: 20 });
    expect(costKeyVariables(operation, { query: '药品', first: 20 })).toEqual({ query: '', first: 20 });
    // anything but a string in a String variable stays as it is, and so does the same object without any
    const odd = { query: 5, first: 20 };
    expect(costKeyVariables(operation, odd)).toBe(odd);
    expect(costKeyVariables(undefined, { query: '食品' })).toEqual({ query: '食品' });
  });

  it('gives such searches one cost, still costs `first`, and still refuses a value that is not a string', () => {
    const cost = anonymousCostMemo();
    const of = (variables: Record<string, unknown>) => cost(schema, document, undefined, operation, variables);
    const twenty = of({ query: '食品', first: 20 });
    expect(of({ query: '另一个词', after: 'cursor', first: 20 })).toBe(twenty);
    expect(of({ query: '食品', first: 50 })).toBeGreaterThan(twenty);
    // remembered for strings, but a number in $query is coerced, and refused, as before
    expect(() => of({ query: 5, first: 20 })).toThrow(/String cannot represent a non string value/);
  });
});

describe('registerTokenLimit', () => {
  type Hook = (request: unknown, reply: unknown) => Promise<unknown>;
  let hook: Hook;
  registerTokenLimit({ addHook: (_name, registered) => (hook = registered as Hook) }, '/graphql', { anonymous: { ...ANONYMOUS_QUERY_LIMITS, maxTokens: 10 }, authenticated: { ...ANONYMOUS_QUERY_LIMITS, maxTokens: 100 } });
  const refused = async (query: string, headers: Record<string, string> = {}) => {
    let status: number | null = null;
    const reply = { code: (code: number) => ((status = code), reply), type: () => reply, send: () => reply };
    await hook({ url: '/graphql', headers, body: { query } }, reply);
    return status === 400;
  };

  it('refuses a text over the caller’s limit every time it comes, per caller, and lets the rest through every time', async () => {
    const big = `{ ${'__typename '.repeat(20)}}`; // 22 tokens
    const small = '{ __typename }';
    for (let round = 0; round < 2; round++) {
      expect(await refused(big)).toBe(true);
      expect(await refused(big, { authorization: 'Bearer x' })).toBe(false);
      expect(await refused(small)).toBe(false);
    }
  });
});

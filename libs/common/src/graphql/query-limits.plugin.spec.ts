import { createHash } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import { queryLimitsPlugin } from './query-limits.plugin';

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

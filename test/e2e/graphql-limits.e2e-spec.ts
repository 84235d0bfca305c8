// Abuse of the GraphQL surface: shape and cost limits per caller (anonymous far tighter), including the
// fragment-wrapped and alias-batched variants that slip past naive checks.
import { createTestApp, TestApp } from '@credit/testing';

const deepMutation = (wrap: boolean) =>
  wrap
    ? `mutation { submitPenaltyRecords(records: []) { ...R } }
       fragment R on SubmitPenaltyRecordsPayload { results { subject { ...S } } }
       fragment S on CreditSubject { penaltyRecords { edges { node { department { ...D } } } } }
       fragment D on DepartmentRef { code }`
    : `mutation { submitPenaltyRecords(records: []) { results { subject { penaltyRecords { edges { node { department { code } } } } } } } }`;

const RECORD_FIELDS = 'decisionNumber partyName violationType violationFacts legalBasis penaltyContent decisionDate authorityName authorityUscc uscc fineAmount confiscatedAmount severity status version licenseInfo remarks';

describe('GraphQL limits', () => {
  let t: TestApp;
  let apiKey: string;

  beforeAll(async () => {
    t = await createTestApp();
    apiKey = (await t.createDepartment('CZ-LIMITS')).apiKey;
  });
  afterAll(() => t.close());

  it.each([false, true])('refuses an anonymous query nested 8 deep (fragment-wrapped: %s) before resolving anything', async (wrap) => {
    const result = await t.gql(deepMutation(wrap));
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'QUERY_LIMIT_EXCEEDED' });
    expect(result.errors?.[0].message).toMatch(/depth/i);
    expect(result.status).toBe(400);
  });

  it('lets an authenticated caller through the same depth (and then answers with its own coded error)', async () => {
    const result = await t.gql(deepMutation(true), {}, { 'x-api-key': apiKey });
    expect(result.errors?.[0].extensions.code).toBe('BAD_USER_INPUT'); // an empty batch, not a limit
  });

  it('refuses alias batching beyond 5 for anonymous callers', async () => {
    const aliases = Array.from({ length: 6 }, (_, i) => `a${i}: login(username: "u${i}", password: "p")  { accessToken }`).join('\n');
    const result = await t.gql(`mutation { ${aliases} }`);
    expect(result.errors?.[0].extensions.code).toBe('QUERY_LIMIT_EXCEEDED');
    expect(result.errors?.[0].message).toMatch(/alias/i);
  });

  it('multiplies cost by page size, through fragments and aliases', async () => {
    const page = (alias: string, first: number) => `${alias}: creditSubject(uscc: "914403001922038216") { ...F${alias} }
      fragment F${alias} on CreditSubject { penaltyRecords(first: ${first}) { edges { node { ${RECORD_FIELDS} } } } }`;
    const batch = (aliases: string[], first: number) => {
      const parts = aliases.map((alias) => page(alias, first).split('\n'));
      return `query { ${parts.map((p) => p[0]).join(' ')} } ${parts.flatMap((p) => p.slice(1)).join('\n')}`;
    };
    // One nested page of 200 costs ~3,850 (query-limits.plugin.ts), within the anonymous 9,000: it passes
    // the limits and is stopped by the guard. Three of them, spread over aliases and fragments, cost three times that.
    const single = await t.gql(batch(['one'], 200));
    expect(single.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    const batched = await t.gql(batch(['a', 'b', 'c'], 200));
    expect(batched.errors?.[0].extensions.code).toBe('QUERY_LIMIT_EXCEEDED');
    expect(batched.errors?.[0].message).toMatch(/costs \d+/);

    const token = await t.adminToken();
    const allowed = await t.gql(batch(['a', 'b', 'c'], 200), {}, { authorization: `Bearer ${token}` });
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data).toEqual({ a: null, b: null, c: null });
  });

  it('lets one full public search page through for anonymous callers, but not two batched', async () => {
    const fields = 'id partyName uscc legalRepresentative decisionNumber violationType violationFacts legalBasis penaltyCategories penaltyContent fineAmount confiscatedAmount decisionDate publishedUntil authorityName departmentName regionCode highlights';
    const facets = 'facets { categories { value label count } departments { value label count } regions { value label count } years { value label count } }';
    const page = (alias: string) => `${alias}: searchDisclosures(query: "食品", first: 50) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${fields} } } ${facets} }`;
    const one = await t.gql(`query { ${page('one')} }`);
    expect(one.errors).toBeUndefined();
    const two = await t.gql(`query { ${page('one')} ${page('two')} }`);
    expect(two.errors?.[0].extensions.code).toBe('QUERY_LIMIT_EXCEEDED');
  });

  it('refuses an anonymous document with too many tokens', async () => {
    const result = await t.gql(`query { ${'__typename '.repeat(900)} }`);
    expect(result.errors?.[0].extensions.code).toBe('QUERY_LIMIT_EXCEEDED');
    expect(result.errors?.[0].message).toMatch(/tokens/);
  });

  it('refuses HTTP batching and CSRF-able requests', async () => {
    const batch = await t.app.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json' }, payload: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]) });
    expect(batch.statusCode).toBe(400);
    const simple = await t.app.inject({ method: 'GET', url: '/graphql?query=%7B__typename%7D' });
    expect(simple.statusCode).toBe(400);
    expect(simple.body).toMatch(/CSRF|preflight/i);
  });
});

describe('production mode', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ NODE_ENV: 'production' });
  });
  afterAll(() => t.close());

  it('hides introspection from anonymous callers but not from authenticated ones', async () => {
    const anonymous = await t.gql('{ __schema { queryType { name } } }');
    expect(anonymous.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const admin = await t.gql('{ __schema { queryType { name } } }', {}, { authorization: `Bearer ${await t.adminToken()}` });
    expect(admin.data.__schema.queryType.name).toBe('Query');
  });

  it('gives no field suggestions and no stack traces', async () => {
    const result = await t.gql('{ creditSubjec(uscc: "x") { id } }');
    expect(result.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.raw).not.toMatch(/Did you mean/);
    expect(result.raw).not.toMatch(/stacktrace|\.ts:\d+/);
  });

  it('serves no HTML at /graphql (the portal is at /)', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/graphql', headers: { accept: 'text/html' } });
    expect(page.body).not.toMatch(/<html/i);
  });
});

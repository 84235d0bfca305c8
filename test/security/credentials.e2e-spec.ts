// Credentials (issue 10): an invalid credential is a refusal, never anonymity; tokens carry `exp`; a
// disabled user is out within a minute; in production, introspection follows the verified principal only.
import fs from 'node:fs';
import path from 'node:path';
import { buildSchema } from 'graphql';
import { sign } from 'jsonwebtoken';
import { PLATFORM_SECRETS, PlatformSecrets } from '@credit/common';
import { ADMIN, createTestApp, GqlResponse, TestApp } from '@credit/testing';

const PUBLIC_QUERY = 'query { searchDisclosures(first: 1) { totalCount } }';
const ME = 'query { me { id username } }';
const INTROSPECTION = 'query { __schema { queryType { name } types { name } } }';
const UNKNOWN_KEY = `cpk_${'0'.repeat(12)}_${'A'.repeat(43)}`;

function expectRefused(result: GqlResponse, code = 'UNAUTHENTICATED'): void {
  expect(result.errors?.[0].extensions.code).toBe(code);
  expect(result.data ?? null).toBeNull();
}

describe('credentials', () => {
  let t: TestApp;
  let departmentKey: string;
  let adminBearer: string;

  beforeAll(async () => {
    // Status re-read after 1 s (the default is 30 s, configuration allows at most 60).
    t = await createTestApp({ USER_STATUS_CACHE_SECONDS: '1' });
    departmentKey = (await t.createDepartment('CZ-CRED')).apiKey;
    adminBearer = `Bearer ${await t.adminToken()}`;
  });
  afterAll(() => t.close());

  const signToken = async (claims: Record<string, unknown>, options: { exp: boolean }) => {
    const [admin] = await t.db.query<{ id: string }>('SELECT id FROM users WHERE username = $1', [ADMIN.username]);
    const secret = t.app.get<symbol, PlatformSecrets>(PLATFORM_SECRETS).jwtSecret;
    const payload = { sub: admin.id, username: ADMIN.username, role: 'ADMIN', regionCode: null, ...claims };
    return sign(payload, secret, { algorithm: 'HS256', issuer: 'credit-platform', audience: 'credit-platform-api', ...(options.exp ? { expiresIn: 300 } : {}) });
  };

  it('refuses a correctly signed JWT that has no exp, and accepts the same token with one', async () => {
    const withoutExp = await signToken({}, { exp: false });
    const refused = await t.gql(ME, {}, { authorization: `Bearer ${withoutExp}` });
    expectRefused(refused);
    expect(refused.status).toBe(401);
    const withExp = await signToken({}, { exp: true });
    expect((await t.gql(ME, {}, { authorization: `Bearer ${withExp}` })).data.me.username).toBe(ADMIN.username);
  });

  it("stops a disabled user's token within the status cache window (1 s here, at most 60 s)", async () => {
    const admin = { authorization: adminBearer };
    const created = await t.gql('mutation { createUser(input: { username: "leaving-regulator", password: "long-enough-phrase-42", role: REGULATOR }) { id } }', {}, admin);
    expect(created.errors).toBeUndefined();
    const login = await t.gql('mutation { login(username: "leaving-regulator", password: "long-enough-phrase-42") { accessToken } }');
    const bearer = { authorization: `Bearer ${login.data.login.accessToken}` };
    expect((await t.gql(ME, {}, bearer)).data.me.username).toBe('leaving-regulator');

    await t.db.query("UPDATE users SET disabled_at = now() WHERE username = 'leaving-regulator'");
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    const after = await t.gql(ME, {}, bearer);
    expectRefused(after);
    expect(after.status).toBe(401);
  });

  it.each([
    ['a malformed bearer token', () => ({ authorization: 'Bearer not-a-jwt' })],
    ['a non-bearer Authorization scheme', () => ({ authorization: `Basic ${Buffer.from('admin:x').toString('base64')}` })],
    ['an empty X-Api-Key', () => ({ 'x-api-key': '' })],
    ['an empty Authorization', () => ({ authorization: '' })],
    ['an unknown API key', () => ({ 'x-api-key': UNKNOWN_KEY })],
    ['a valid API key beside a bad bearer token', () => ({ 'x-api-key': departmentKey, authorization: 'Bearer not-a-jwt' })],
    ['a valid bearer token beside a bad API key', () => ({ 'x-api-key': UNKNOWN_KEY, authorization: adminBearer })],
    ['two valid credentials at once', () => ({ 'x-api-key': departmentKey, authorization: adminBearer })],
  ])('refuses %s outright with UNAUTHENTICATED, even on a public operation', async (_name, headers) => {
    const result = await t.gql(PUBLIC_QUERY, {}, headers());
    expectRefused(result);
    expect(result.status).toBe(401);
    expect(result.errors?.[0].message).toMatch(/^[^（]*[\u4e00-\u9fff][^（]*（[ -~]+）$/); // Chinese first, English in brackets
  });

  it('refuses bad-credential callers on every operation of schema.graphql (the matrix\'s bad-credential column)', async () => {
    const schema = buildSchema(fs.readFileSync(path.resolve(__dirname, '../../schema.graphql'), 'utf8'));
    const operations = [
      ...Object.keys(schema.getQueryType()!.getFields()).map((name) => `query { ${name} { __typename } }`),
      ...Object.keys(schema.getMutationType()!.getFields()).map((name) => `mutation { ${name} { __typename } }`),
    ];
    const callers: Record<string, string>[] = [{ authorization: 'Bearer forged.token.value' }, { 'x-api-key': UNKNOWN_KEY }, { 'x-api-key': departmentKey, authorization: 'Bearer forged' }];
    for (const document of operations) {
      for (const headers of callers) {
        const result = await t.gql(document, {}, headers);
        expect({ document, headers, code: result.errors?.[0].extensions.code, status: result.status }).toEqual({ document, headers, code: 'UNAUTHENTICATED', status: 401 });
      }
    }
  });

  it('still serves anonymous callers and each valid credential alone', async () => {
    expect((await t.gql(PUBLIC_QUERY)).errors).toBeUndefined();
    expect((await t.gql(PUBLIC_QUERY, {}, { 'x-api-key': departmentKey })).errors).toBeUndefined();
    expect((await t.gql(ME, {}, { authorization: adminBearer })).data.me.username).toBe(ADMIN.username);
  });
});

describe('introspection in production', () => {
  let t: TestApp;
  let departmentKey: string;

  beforeAll(async () => {
    // Production refuses a lower scrypt cost, so this app hashes at the real N = 2^17.
    t = await createTestApp({ NODE_ENV: 'production', PASSWORD_HASH_COST: '17' });
    departmentKey = (await t.createDepartment('CZ-INTRO')).apiKey;
  });
  afterAll(() => t.close());

  it('is refused to anonymous callers', async () => {
    const result = await t.gql(INTROSPECTION);
    expect(result.errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect(result.data?.__schema).toBeUndefined();
  });

  it.each([
    ['a bogus bearer token', { authorization: 'Bearer bogus' }],
    ['a bogus API key', { 'x-api-key': 'bogus' }],
    ['a well-formed unknown API key', { 'x-api-key': UNKNOWN_KEY }],
  ])('is not unlocked by %s', async (_name, headers) => {
    const result = await t.gql(INTROSPECTION, {}, headers);
    expect(result.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(result.raw).not.toContain('queryType');
  });

  it('is served to a verified principal', async () => {
    const result = await t.gql(INTROSPECTION, {}, { 'x-api-key': departmentKey });
    expect(result.errors).toBeUndefined();
    expect(result.data.__schema.queryType.name).toBe('Query');
  });
});

// Rate limits before authentication (issue 10): bad credentials are counted per client address and, once
// the budget is spent, refused before any key is looked up; anonymous calls to protected operations spend
// the address's budget too; the address comes from X-Forwarded-For only with TRUST_PROXY; with REDIS_URL
// every replica shares the buckets.
import { ApiKeyVerifier } from '@credit/departments';
import { createTestApp, redisReachable, TEST_REDIS_URL, TestApp } from '@credit/testing';

const PROTECTED = 'query { creditSubject(uscc: "914403001922038216") { id } }';
const unknownKey = (n: number) => `cpk_${n.toString(16).padStart(12, '0')}_${'A'.repeat(43)}`;

async function post(t: TestApp, ip: string, headers: Record<string, string>, query = PROTECTED) {
  const response = await t.app.inject({ method: 'POST', url: '/graphql', remoteAddress: ip, headers: { 'content-type': 'application/json', ...headers }, payload: JSON.stringify({ query }) });
  const body = JSON.parse(response.body);
  return { status: response.statusCode, code: (body.errors?.[0]?.extensions?.code as string | undefined) ?? 'OK', retryAfter: response.headers['retry-after'], body };
}

describe('rate limits before authentication', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_BAD_CREDENTIALS_PER_MINUTE: '5', RATE_LIMIT_ANONYMOUS_PER_MINUTE: '3' });
  });
  afterAll(() => t.close());

  it('refuses a bad-key flood from one address with RATE_LIMITED after 5, without looking the keys up', async () => {
    const lookups = jest.spyOn(t.app.get(ApiKeyVerifier), 'verify');
    const results = [];
    for (let i = 0; i < 12; i++) results.push(await post(t, '203.0.113.90', { 'x-api-key': unknownKey(i) }));
    expect(results.map((r) => r.code)).toEqual([...Array(5).fill('UNAUTHENTICATED'), ...Array(7).fill('RATE_LIMITED')]);
    expect(results.map((r) => r.status)).toEqual([...Array(5).fill(401), ...Array(7).fill(429)]);
    expect(lookups).toHaveBeenCalledTimes(5);
    const limited = results[11];
    expect(Number(limited.retryAfter)).toBeGreaterThan(0);
    expect(limited.body.errors[0].extensions.retryAfterSeconds).toBe(Number(limited.retryAfter));

    // Bad JWTs spend the same budget; another address is untouched and a valid key from it still works.
    expect((await post(t, '203.0.113.90', { authorization: 'Bearer forged' })).code).toBe('RATE_LIMITED');
    expect((await post(t, '203.0.113.91', { 'x-api-key': unknownKey(99) })).code).toBe('UNAUTHENTICATED');
    const { apiKey } = await t.createDepartment('CZ-FLOOD');
    expect((await post(t, '203.0.113.91', { 'x-api-key': apiKey })).code).toBe('OK');
    lookups.mockRestore();
  });

  it('counts anonymous calls to protected operations against the address budget', async () => {
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await post(t, '203.0.113.92', {}));
    expect(results.map((r) => r.code)).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'RATE_LIMITED', 'RATE_LIMITED']);
    // Refused inside GraphQL (by the per-caller guard): the same Retry-After header as the HTTP-level refusals.
    expect(Number(results[4].retryAfter)).toBeGreaterThan(0);
    expect(results[4].body.errors[0].extensions.retryAfterSeconds).toBe(Number(results[4].retryAfter));
  });

  it('ignores X-Forwarded-For without TRUST_PROXY: a spoofed header does not buy a fresh budget', async () => {
    for (let i = 0; i < 5; i++) await post(t, '203.0.113.93', { 'x-api-key': unknownKey(i), 'x-forwarded-for': `198.51.100.${i}` });
    expect((await post(t, '203.0.113.93', { 'x-api-key': unknownKey(9), 'x-forwarded-for': '198.51.100.200' })).code).toBe('RATE_LIMITED');
  });
});

describe('rate limits behind a trusted proxy (TRUST_PROXY)', () => {
  let t: TestApp;

  beforeAll(async () => {
    // A named range and a CIDR: the proxies at 127.0.0.1 and 10.1.2.3 are both believed.
    t = await createTestApp({ RATE_LIMIT_BAD_CREDENTIALS_PER_MINUTE: '3', TRUST_PROXY: 'loopback,10.0.0.0/8' });
  });
  afterAll(() => t.close());

  it('takes the client address from X-Forwarded-For sent by the proxy', async () => {
    const viaProxy = (client: string, n: number) => post(t, '127.0.0.1', { 'x-api-key': unknownKey(n), 'x-forwarded-for': client });
    for (let i = 0; i < 3; i++) expect((await viaProxy('198.51.100.7', i)).code).toBe('UNAUTHENTICATED');
    expect((await viaProxy('198.51.100.7', 3)).code).toBe('RATE_LIMITED');
    expect((await viaProxy('198.51.100.8', 4)).code).toBe('UNAUTHENTICATED');
  });

  it('takes the nearest hop the proxies did not write: hops a client forged before them buy no fresh budget', async () => {
    // The client wrote the first entry itself; the proxy at 10.1.2.3 appended the address it saw, then passed
    // the request to the one at 127.0.0.1.
    const forged = (n: number) => post(t, '127.0.0.1', { 'x-api-key': unknownKey(n), 'x-forwarded-for': `192.0.2.${n}, 198.51.100.9, 10.1.2.3` });
    for (let i = 0; i < 3; i++) expect((await forged(i)).code).toBe('UNAUTHENTICATED');
    expect((await forged(3)).code).toBe('RATE_LIMITED');
  });

  it('believes no X-Forwarded-For from a peer that is not a listed proxy', async () => {
    const direct = (n: number) => post(t, '203.0.113.94', { 'x-api-key': unknownKey(n), 'x-forwarded-for': `198.51.100.${100 + n}` });
    for (let i = 0; i < 3; i++) expect((await direct(i)).code).toBe('UNAUTHENTICATED');
    expect((await direct(3)).code).toBe('RATE_LIMITED');
  });
});

const REDIS_URL = TEST_REDIS_URL;

describe('rate-limit buckets shared across replicas (REDIS_URL)', () => {
  let replicas: TestApp[] = [];
  let reachable = false;

  beforeAll(async () => {
    reachable = await redisReachable(REDIS_URL);
    if (!reachable) {
      process.stdout.write(`\nSKIPPED: Redis is not reachable at ${REDIS_URL} (set TEST_REDIS_URL); the shared-bucket test did not run.\n`);
      return;
    }
    const env = { REDIS_URL, RATE_LIMIT_BAD_CREDENTIALS_PER_MINUTE: '4' };
    replicas = [await createTestApp(env), await createTestApp(env)];
  });
  afterAll(async () => {
    for (const replica of replicas) await replica.close();
  });

  it('spends one budget whichever replica answers', async () => {
    if (!reachable) return;
    // A fresh address per run: buckets in Redis outlive the test process for their one-minute window.
    const ip = `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;
    const codes = [];
    for (let i = 0; i < 5; i++) codes.push((await post(replicas[i % 2], ip, { 'x-api-key': unknownKey(i) })).code);
    expect(codes).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'RATE_LIMITED']);
  });
});

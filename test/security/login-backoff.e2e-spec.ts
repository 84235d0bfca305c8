// Login (issue 10): failed attempts lock the username and the client address with exponential backoff
// (RATE_LIMITED, extensions.retryAfterSeconds, HTTP Retry-After); passwords of 12+ characters that neither
// contain the username nor appear on the common-password list; scrypt hashes made with weaker parameters
// are replaced on the next successful login.
import { hashWith } from '@credit/auth';
import { createTestApp, TestApp } from '@credit/testing';

const LOGIN = 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken } }';
const CREATE_USER = 'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }';

describe('login backoff and password policy', () => {
  let t: TestApp;
  let admin: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp();
    admin = { authorization: `Bearer ${await t.adminToken()}` };
  });
  afterAll(() => t.close());

  const login = async (ip: string, username: string, password: string) => {
    const response = await t.app.inject({ method: 'POST', url: '/graphql', remoteAddress: ip, headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ query: LOGIN, variables: { u: username, p: password } }) });
    const body = JSON.parse(response.body);
    return { code: (body.errors?.[0]?.extensions?.code as string | undefined) ?? 'OK', error: body.errors?.[0], retryAfter: response.headers['retry-after'] };
  };
  const createRegulator = async (username: string, password: string) => t.gql(CREATE_USER, { i: { username, password, role: 'REGULATOR' } }, admin);

  it('locks a username after 5 failures, from any address, even for the right password, with Retry-After', async () => {
    expect((await createRegulator('target-regulator', 'correct-horse-battery-9')).errors).toBeUndefined();
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) codes.push((await login('198.51.100.10', 'target-regulator', `guess-number-${i}`)).code);
    expect(codes).toEqual(Array(5).fill('UNAUTHENTICATED'));

    const locked = await login('198.51.100.11', 'target-regulator', 'correct-horse-battery-9');
    expect(locked.code).toBe('RATE_LIMITED');
    expect(locked.error.extensions.retryAfterSeconds).toBeGreaterThan(0);
    expect(locked.error.extensions.retryAfterSeconds).toBeLessThanOrEqual(30);
    expect(locked.retryAfter).toBe(String(locked.error.extensions.retryAfterSeconds));
    expect(locked.error.message).toMatch(/^登录失败次数过多.*（too many failed logins; retry in \d+ s）$/);

    // Another username is untouched.
    expect((await createRegulator('bystander-regulator', 'quiet-evening-lantern-4')).errors).toBeUndefined();
    expect((await login('198.51.100.10', 'bystander-regulator', 'quiet-evening-lantern-4')).code).toBe('OK');
  });

  it('locks a client address after 20 failures spread over many usernames; other addresses still log in', async () => {
    expect((await createRegulator('sprayed-regulator', 'marble-orchard-window-3')).errors).toBeUndefined();
    for (let i = 0; i < 20; i++) expect((await login('203.0.113.66', `spray-${i}`, 'Summer2026!!x')).code).toBe('UNAUTHENTICATED');
    const fromSprayer = await login('203.0.113.66', 'sprayed-regulator', 'marble-orchard-window-3');
    expect(fromSprayer.code).toBe('RATE_LIMITED');
    expect(Number(fromSprayer.retryAfter)).toBeGreaterThan(0);
    expect((await login('203.0.113.67', 'sprayed-regulator', 'marble-orchard-window-3')).code).toBe('OK');
  });

  it.each([
    ['shorter than 12 characters', 'policy-a', 'short-pw-11'],
    ['containing the username', 'policy-b', 'my-policy-b-password'],
    ['equal to the username, ignoring case', 'Policy-Username-C', 'policy-username-c'],
    ['on the common-password list', 'policy-d', 'Password1234'],
    ['on the common-password list (Chinese favourites)', 'policy-e', 'woaini1314520'],
    ['one character repeated', 'policy-f', 'zzzzzzzzzzzzzz'],
  ])('refuses a password %s with BAD_USER_INPUT on input.password', async (_rule, username, password) => {
    const result = await createRegulator(username, password);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.password' });
    expect(result.errors?.[0].message).toMatch(/密码.*（.*password.*）/);
    expect(await t.db.query('SELECT 1 FROM users WHERE username = $1', [username])).toHaveLength(0);
  });

  it('re-hashes a password stored with weaker scrypt parameters on the next successful login', async () => {
    expect((await createRegulator('legacy-regulator', 'granite-sparrow-kettle-8')).errors).toBeUndefined();
    // As written by the previous release (N = 2^10 here; it used 2^15): self-describing, still verifiable.
    const legacy = await hashWith('granite-sparrow-kettle-8', { N: 2 ** 10, r: 8, p: 1 });
    await t.db.query('UPDATE users SET password_hash = $1 WHERE username = $2', [legacy, 'legacy-regulator']);

    expect((await login('192.0.2.40', 'legacy-regulator', 'granite-sparrow-kettle-8')).code).toBe('OK');
    const [{ password_hash: upgraded }] = await t.db.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE username = $1', ['legacy-regulator']);
    // The test app's configured cost (PASSWORD_HASH_COST=12); production's is 2^17 = 131072.
    expect(upgraded).toMatch(/^scrypt\$4096\$8\$1\$/);
    expect((await login('192.0.2.40', 'legacy-regulator', 'granite-sparrow-kettle-8')).code).toBe('OK');
  });
});

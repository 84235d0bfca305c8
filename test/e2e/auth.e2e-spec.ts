// Credentials: JWTs are short-lived and bound to this platform (issuer, audience, signature); department keys
// rotate with at most two active, can be revoked at once, expire, and record when they were last used.
import { JwtService } from '@nestjs/jwt';
import { createTestApp, TestApp } from '@credit/testing';

const ME = 'query { me { username role } }';
const SUBJECT = 'query { creditSubject(uscc: "914403001922038216") { id } }';

describe('authentication', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ JWT_TTL_SECONDS: '60' });
  });
  afterAll(() => t.close());

  it('accepts its own short-lived token and refuses tampered, foreign-audience, foreign-issuer and expired ones', async () => {
    const token = await t.adminToken();
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
    expect(claims).toMatchObject({ iss: 'credit-platform', aud: 'credit-platform-api', role: 'ADMIN' });
    expect(claims.exp - claims.iat).toBe(60);
    expect((await t.gql(ME, {}, { authorization: `Bearer ${token}` })).data.me).toEqual({ username: 'admin', role: 'ADMIN' });

    const jwt = t.app.get(JwtService);
    const base = { sub: claims.sub, username: 'admin', role: 'ADMIN', regionCode: null };
    const forged = [
      `${token.slice(0, -4)}AAAA`,
      await jwt.signAsync(base, { audience: 'another-api', issuer: 'credit-platform' }),
      await jwt.signAsync(base, { audience: 'credit-platform-api', issuer: 'someone-else' }),
      await jwt.signAsync(base, { audience: 'credit-platform-api', issuer: 'credit-platform', expiresIn: -10 }),
    ];
    for (const bad of forged) {
      const result = await t.gql(ME, {}, { authorization: `Bearer ${bad}` });
      expect(result.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    }
  });

  it('rotates department keys keeping two active, revokes at once, expires, and records last use', async () => {
    const admin = { authorization: `Bearer ${await t.adminToken()}` };
    const first = await t.createDepartment('CZ-KEYS');
    const rotate = () => t.gql('mutation { rotateDepartmentApiKey(input: { departmentCode: "CZ-KEYS" }) { apiKey key { id } } }', {}, admin);
    const second = (await rotate()).data.rotateDepartmentApiKey;
    const works = async (key: string) => !(await t.gql(SUBJECT, {}, { 'x-api-key': key })).errors;
    expect(await works(first.apiKey)).toBe(true);
    expect(await works(second.apiKey)).toBe(true);

    const third = (await rotate()).data.rotateDepartmentApiKey;
    expect(await works(first.apiKey)).toBe(false); // the oldest of three is retired by the rotation
    expect(await works(second.apiKey)).toBe(true);
    expect(await works(third.apiKey)).toBe(true);

    const revoked = await t.gql(`mutation($id: ID!) { revokeDepartmentApiKey(input: { departmentCode: "CZ-KEYS", keyId: $id }) { revokedAt } }`, { id: second.key.id }, admin);
    expect(revoked.data.revokeDepartmentApiKey.revokedAt).toBeTruthy();
    expect(await works(second.apiKey)).toBe(false);

    const keys = await t.gql('query { departmentApiKeys(departmentCode: "CZ-KEYS") { id revokedAt lastUsedAt } }', {}, admin);
    const current = keys.data.departmentApiKeys.find((k: { id: string }) => k.id === third.key.id);
    expect(current.lastUsedAt).toBeTruthy();
    expect(keys.data.departmentApiKeys.filter((k: { revokedAt: string | null }) => k.revokedAt === null)).toHaveLength(1);

    await t.db.query(`UPDATE department_api_keys SET expires_at = now() - interval '1 second' WHERE id = $1`, [third.key.id]);
    expect(await works(third.apiKey)).toBe(false);
  });
});

// /metrics is not a public amplifier: its labels are the schema's root fields (never a client's operation
// name), and the page is served only to a scraper holding METRICS_TOKEN. /ready says ok or not, never the
// driver's error text.
import { createTestApp, TestApp } from '@credit/testing';

const TOKEN = 'metrics-token-for-tests-0123456789';

describe('/metrics without METRICS_TOKEN', () => {
  let t: TestApp;
  beforeAll(async () => {
    // As the owner role: the readiness test renames a table to make a check fail with a real driver error.
    t = await createTestApp({}, { role: 'superuser' });
  });
  afterAll(() => t.close());

  it('is not served at all, whatever the caller sends', async () => {
    for (const headers of [{}, { authorization: `Bearer ${TOKEN}` }, { authorization: 'Bearer ' }]) {
      const page = await t.app.inject({ method: 'GET', url: '/metrics', headers });
      expect(page.statusCode).toBe(404);
      expect(page.body).not.toMatch(/credit_/);
    }
  });

  it('answers /ready with a status per check, not the driver error text of a failing one', async () => {
    await t.db.query('ALTER TABLE mikro_orm_migrations RENAME TO mikro_orm_migrations_hidden');
    try {
      const ready = await t.app.inject({ method: 'GET', url: '/ready' });
      expect(ready.statusCode).toBe(503);
      const body = JSON.parse(ready.body);
      expect(body).toMatchObject({ status: 'not ready', checks: { database: { ok: true }, migrations: { ok: false, detail: 'check failed' } } });
      expect(ready.body).not.toMatch(/relation|does not exist|mikro_orm/);
    } finally {
      await t.db.query('ALTER TABLE mikro_orm_migrations_hidden RENAME TO mikro_orm_migrations');
    }
    const again = await t.app.inject({ method: 'GET', url: '/ready' });
    expect(again.statusCode).toBe(200);
  });
});

describe('/metrics with METRICS_TOKEN', () => {
  let t: TestApp;
  const scrape = async () => t.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });

  beforeAll(async () => {
    t = await createTestApp({ METRICS_TOKEN: `some-older-token-being-rotated-out,${TOKEN}` });
  });
  afterAll(() => t.close());

  it('refuses callers without the token (401) and serves the scraper that has it', async () => {
    for (const authorization of [undefined, 'Bearer wrong-token-of-the-right-length-0000', `Basic ${TOKEN}`, `Bearer ${TOKEN}x`]) {
      const page = await t.app.inject({ method: 'GET', url: '/metrics', headers: authorization ? { authorization } : {} });
      expect(page.statusCode).toBe(401);
      expect(page.body).not.toMatch(/credit_/);
    }
    const page = await scrape();
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/plain/);
    expect(page.body).toMatch(/# TYPE credit_graphql_requests_total counter/);
  });

  it('labels operations by the root field they call, never by the name the client chose', async () => {
    const before = (await scrape()).body.length;
    for (let i = 0; i < 20; i++) {
      const name = `Q${i}${'x'.repeat(20_000)}`;
      const answer = await t.gql(`query ${name} { searchDisclosures(first: 1) { totalCount } }`);
      expect(answer.errors).toBeUndefined(); // the long name really reached the server and ran
      const invalid = await t.gql(`query ${name}Bad { noSuchField${i} }`);
      expect(invalid.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    }
    await t.gql('query Two { searchDisclosures(first: 1) { totalCount } disclosure(id: "1") { id } }');
    await t.gql('query Wrapped { ...W } fragment W on Query { searchDisclosures(first: 1) { totalCount } }');
    const page = (await scrape()).body;
    expect(page).not.toMatch(/xxxxxxxxxx|noSuchField|Q0/);
    expect(page.length - before).toBeLessThan(8_000);
    expect(page).toMatch(/credit_graphql_requests_total\{operation="searchDisclosures",code="OK"\} 21/);
    expect(page).toMatch(/credit_graphql_requests_total\{operation="unknown",code="GRAPHQL_VALIDATION_FAILED"\} 20/);
    expect(page).toMatch(/credit_graphql_requests_total\{operation="multiple",code="OK"\} 1/);
  });
});

// Rate limits per caller: per IP for anonymous callers, per department key, per user; a coded RATE_LIMITED
// error, and one noisy client never slows another.
import { createTestApp, penaltyRecord, SUBMIT, TestApp } from '@credit/testing';

// A username per address: five failures lock a username everywhere (login backoff), which is not what this tests.
const login = (username: string) => `mutation { login(username: "${username}", password: "wrong-password") { accessToken } }`;

describe('rate limits', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_ANONYMOUS_PER_MINUTE: '5', RATE_LIMIT_DEPARTMENT_PER_MINUTE: '8' });
  });
  afterAll(() => t.close());

  const fromIp = async (ip: string, query: string, headers: Record<string, string> = {}) => {
    const response = await t.app.inject({ method: 'POST', url: '/graphql', remoteAddress: ip, headers: { 'content-type': 'application/json', ...headers }, payload: JSON.stringify({ query }) });
    return JSON.parse(response.body);
  };

  it('limits an anonymous IP to its budget with RATE_LIMITED, leaving other IPs and departments alone', async () => {
    const codes: string[] = [];
    for (let i = 0; i < 7; i++) codes.push((await fromIp('203.0.113.7', login('nobody'))).errors[0].extensions.code);
    expect(codes).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'RATE_LIMITED', 'RATE_LIMITED']);
    expect((await fromIp('203.0.113.8', login('somebody'))).errors[0].extensions.code).toBe('UNAUTHENTICATED');

    const { apiKey } = await t.createDepartment('CZ-RATE');
    const department = await fromIp('203.0.113.7', 'query { creditSubject(uscc: "914403001922038216") { id } }', { 'x-api-key': apiKey });
    expect(department.errors).toBeUndefined();
  });

  it('limits a department key on its own budget', async () => {
    const { apiKey } = await t.createDepartment('CZ-RATE2');
    const codes: string[] = [];
    for (let i = 0; i < 10; i++) {
      const body = await fromIp('198.51.100.1', 'query { creditSubject(uscc: "914403001922038216") { id } }', { 'x-api-key': apiKey });
      codes.push(body.errors?.[0].extensions.code ?? 'OK');
    }
    expect(codes.filter((code) => code === 'OK')).toHaveLength(8);
    expect(codes.slice(8)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
  });
});

// /metrics is served only to a scraper holding METRICS_TOKEN (test/security/metrics-labels.e2e-spec.ts).
const METRICS_TOKEN = 'metrics-token-for-the-rate-limit-tests';
const scraper = { authorization: `Bearer ${METRICS_TOKEN}` };

describe('health, readiness and metrics', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ METRICS_TOKEN });
  });
  afterAll(() => t.close());

  it('reports liveness and readiness with each check', async () => {
    expect(JSON.parse((await t.app.inject({ method: 'GET', url: '/health' })).body)).toEqual({ status: 'ok' });
    const ready = await t.app.inject({ method: 'GET', url: '/ready' });
    expect(ready.statusCode).toBe(200);
    expect(JSON.parse(ready.body)).toMatchObject({ status: 'ready', checks: { database: { ok: true }, migrations: { ok: true }, search_outbox: { ok: true } } });
  });

  it('is not ready while the search outbox lags beyond its bound, and exposes depth and lag', async () => {
    const stalled = await createTestApp({ RUN_WORKER_IN_PROCESS: 'false', READY_MAX_OUTBOX_LAG_SECONDS: '1', METRICS_TOKEN });
    try {
      const { apiKey } = await stalled.createDepartment('CZ-LAG');
      const pushed = await stalled.gql(SUBMIT, { records: [penaltyRecord()] }, { 'x-api-key': apiKey });
      expect(pushed.data.submitPenaltyRecords.created).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const ready = await stalled.app.inject({ method: 'GET', url: '/ready' });
      expect(ready.statusCode).toBe(503);
      expect(JSON.parse(ready.body).checks.search_outbox).toMatchObject({ ok: false, detail: expect.stringMatching(/^1 undelivered/) });
      const metrics = (await stalled.app.inject({ method: 'GET', url: '/metrics', headers: scraper })).body;
      expect(metrics).toMatch(/^credit_outbox_depth 1$/m);
      expect(metrics).toMatch(/^credit_tier_recomputations_total\{cause="PENALTY_CREATED"\} [1-9]\d*$/m);
      expect(Number(/^credit_index_lag_seconds ([\d.]+)$/m.exec(metrics)?.[1])).toBeGreaterThan(1);
    } finally {
      await stalled.close();
    }
  });

  it('exposes Prometheus metrics with operations by code and ingested rows', async () => {
    await t.gql('query Probe { creditSubject(uscc: "914403001922038216") { id } }');
    const metrics = await t.app.inject({ method: 'GET', url: '/metrics', headers: scraper });
    expect(metrics.headers['content-type']).toMatch(/text\/plain/);
    expect(metrics.body).toMatch(/credit_graphql_requests_total\{operation="creditSubject",code="UNAUTHENTICATED"\} \d+/);
    expect(metrics.body).toMatch(/# TYPE credit_ingest_rows_total counter/);
  });
});

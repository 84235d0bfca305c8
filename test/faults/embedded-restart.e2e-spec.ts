// The embedded default stopped in the middle of a load and started again: every push that was acknowledged
// is still there (PostgreSQL's WAL, not luck), and pushes during the outage fail with a coded error.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import pino from 'pino';
import { SYSTEM_ACTOR } from '@credit/audit';
import { ORM_ENTITIES } from '@credit/bootstrap';
import { loadConfig, loadSecrets } from '@credit/common';
import { APP_ROLE, migrateDatabase } from '@credit/db';
import { DepartmentsService } from '@credit/departments';
import { penaltyRecord, startEmbeddedCluster, SUBMIT } from '@credit/testing';
import { createApi } from '../../apps/api/src/create-api';

describe('restarting the embedded PostgreSQL mid-load', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'credit-restart-'));
  fs.chmodSync(dataDir, 0o755);
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('loses no acknowledged record', async () => {
    const first = await startEmbeddedCluster(dataDir);
    // Migrated as the owner; the API below runs as the application role, as `npm start` does.
    await migrateDatabase(first.ownerUrl, ORM_ENTITIES, { appRole: APP_ROLE });
    const env = { NODE_ENV: 'test', DATA_DIR: dataDir, LOG_LEVEL: 'silent', RUN_WORKER_IN_PROCESS: 'false' };
    const app = await createApi({ config: { ...loadConfig(env), databaseUrl: first.url }, secrets: loadSecrets(dataDir, env), databaseUrl: first.url }, pino({ level: 'silent' }));
    await app.init();
    const { apiKey } = await app.get(DepartmentsService).create({ code: 'CZ-RESTART', name: '重启测试部门', uscc: '113411000030000142', regionCode: '341100' }, SYSTEM_ACTOR);
    const push = async () => {
      const records = Array.from({ length: 100 }, () => penaltyRecord());
      const response = await app.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json', 'x-api-key': apiKey }, payload: JSON.stringify({ query: SUBMIT, variables: { records } }) });
      const body = JSON.parse(response.body);
      return { numbers: records.map((r) => r.decisionNumber as string), body };
    };

    const acknowledged: string[] = [];
    for (let i = 0; i < 5; i++) {
      const { numbers, body } = await push();
      expect(body.data.submitPenaltyRecords.created).toBe(100);
      acknowledged.push(...numbers);
    }
    // Stop the server while a push is in flight; that push may or may not have committed, but it must either
    // be acknowledged (and then kept) or fail with a coded error.
    const inFlight = push();
    await first.stop();
    const outcome = await inFlight;
    if (outcome.body.data) acknowledged.push(...outcome.numbers);
    else expect(outcome.body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
    const duringOutage = await push();
    expect(duringOutage.body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
    await app.close().catch(() => undefined);

    const second = await startEmbeddedCluster(dataDir);
    const client = new Client({ connectionString: second.url });
    await client.connect();
    const { rows } = await client.query('SELECT count(*)::int AS n FROM penalty_records WHERE decision_number = ANY($1)', [acknowledged]);
    await client.end();
    await second.stop();
    expect(acknowledged.length).toBeGreaterThanOrEqual(500);
    expect(rows[0].n).toBe(acknowledged.length);
  });
});

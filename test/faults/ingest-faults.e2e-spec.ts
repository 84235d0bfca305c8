// Faults on the ingest path: the database connection killed in the middle of a batch, and concurrent pushes.
import { Client } from 'pg';
import { PenaltyChangeHooks } from '@credit/penalties';
import { createTestApp, penaltyRecord, SUBMIT, TestApp } from '@credit/testing';

describe('ingest under faults', () => {
  let t: TestApp;
  let apiKey: string;

  beforeAll(async () => {
    t = await createTestApp();
    apiKey = (await t.createDepartment('CZ-FAULTS')).apiKey;
  });
  afterAll(() => t.close());

  it('leaves nothing of a batch whose connection is killed mid-transaction, and the retry applies it exactly once', async () => {
    let killNext = true;
    // Runs inside the ingest transaction after the records are written: the worst moment to lose it.
    t.app.get(PenaltyChangeHooks).register({
      async onPenaltyRecordsChanged(sql) {
        if (!killNext) return;
        killNext = false;
        const [{ pid }] = await sql.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
        const admin = new Client({ connectionString: t.database.url });
        await admin.connect();
        await admin.query('SELECT pg_terminate_backend($1)', [pid]);
        await admin.end();
        await sql.query('SELECT 1'); // the dead connection fails here
      },
    });
    const batch = Array.from({ length: 50 }, () => penaltyRecord());
    const numbers = batch.map((record) => record.decisionNumber);

    const failed = await t.gql(SUBMIT, { records: batch }, { 'x-api-key': apiKey });
    expect(failed.errors?.[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
    const count = async () => Number((await t.db.query<{ n: string }>('SELECT count(*) AS n FROM penalty_records WHERE decision_number = ANY($1)', [numbers]))[0].n);
    expect(await count()).toBe(0);
    expect(Number((await t.db.query<{ n: string }>(`SELECT count(*) AS n FROM audit_log WHERE action = 'PENALTY_RECORDS_WRITTEN'`))[0].n)).toBe(0);

    const retried = await t.gql(SUBMIT, { records: batch }, { 'x-api-key': apiKey });
    expect(retried.data.submitPenaltyRecords).toMatchObject({ created: 50, rejected: 0 });
    expect(await count()).toBe(50);
    // Exactly one audit entry for the batch (none from the killed attempt), naming all 50 records.
    const entries = await t.db.query<{ n: number }>(`SELECT (details->>'count')::int AS n FROM audit_log WHERE action = 'PENALTY_RECORDS_WRITTEN' AND details->'decisionNumbers' ?| $1::text[]`, [numbers]);
    expect(entries).toEqual([{ n: 50 }]);
    const again = await t.gql(SUBMIT, { records: batch }, { 'x-api-key': apiKey });
    expect(again.data.submitPenaltyRecords).toMatchObject({ created: 0, unchanged: 50 });
  });

  it('gives one new version per distinct content when the same changed records are pushed concurrently', async () => {
    const records = Array.from({ length: 20 }, () => penaltyRecord());
    await t.gql(SUBMIT, { records }, { 'x-api-key': apiKey });
    const changed = records.map((record) => ({ ...record, penaltyContent: `${record.penaltyContent}（复核后变更）` }));
    const results = await Promise.all([1, 2, 3].map(() => t.gql(SUBMIT, { records: changed }, { 'x-api-key': apiKey })));
    const totals = results.map((r) => r.data.submitPenaltyRecords);
    expect(totals.reduce((sum, p) => sum + p.updated, 0)).toBe(20);
    expect(totals.reduce((sum, p) => sum + p.unchanged, 0)).toBe(40);
    const versions = await t.db.query<{ version: number; history: string }>(
      `SELECT r.version, (SELECT count(*) FROM penalty_record_versions v WHERE v.record_id = r.id) AS history
         FROM penalty_records r WHERE decision_number = ANY($1)`,
      [records.map((record) => record.decisionNumber)],
    );
    expect(versions.map((v) => [v.version, Number(v.history)])).toEqual(Array(20).fill([2, 1]));
  });
});

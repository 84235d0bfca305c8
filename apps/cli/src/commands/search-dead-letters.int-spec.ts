// A poison record in the outbox: one record whose public document cannot be built (here a decision date before
// any publication rule, planted in the table as old or corrupt data would be) must not hold back the other
// records of its batch, must stop being retried after OUTBOX_MAX_ATTEMPTS, and must be visible and retryable
// for an operator (search:dead-letters, search:retry, /metrics). The reindex skips and reports it.
import { addMonths, todayInChina } from '@credit/domain';
import { createTestApp, penaltyRecord, SUBMIT, TestApp } from '@credit/testing';
import { SearchOutboxDelivery, SearchOutboxRepository, SearchReindexService } from '@credit/disclosure';
import type { CliContext } from '../command';
import { searchDeadLettersCommand, searchRetryCommand } from './search-dead-letters.command';

const METRICS_TOKEN = 'dead-letter-test-metrics-token-0123456789';

describe('search outbox with a poison record (integration)', () => {
  let t: TestApp;
  let delivery: SearchOutboxDelivery;
  let ids: string[];
  const today = todayInChina();
  const records = Array.from({ length: 20 }, (_, i) => penaltyRecord({ severity: 'GENERAL', decisionDate: addMonths(today, -1), partyName: `全椒县毒丸测试商店${i}` }));
  const cli = (out: string[]): CliContext => ({ runtime: null as never, app: async () => t.app, out: (line) => out.push(line) });
  const outboxRow = async (id: string) =>
    (await t.db.query<{ attempts: number; dead: boolean; last_error: string | null }>(`SELECT attempts, dead_at IS NOT NULL AS dead, last_error FROM search_outbox WHERE record_id = $1`, [id]))[0];

  beforeAll(async () => {
    // As the owner role: the reindex swaps tables (DDL), as search:reindex does from the CLI.
    t = await createTestApp({ RUN_WORKER_IN_PROCESS: 'false', OUTBOX_MAX_ATTEMPTS: '3', METRICS_TOKEN: METRICS_TOKEN }, { role: 'superuser' });
    const key = (await t.createDepartment('QJ-SCJGJ', '全椒县市场监督管理局')).apiKey;
    delivery = t.app.get(SearchOutboxDelivery);
    expect((await t.gql(SUBMIT, { records }, { 'x-api-key': key })).data.submitPenaltyRecords.created).toBe(20);
    await delivery.drain();
    ids = (await t.db.query<{ id: string }>(`SELECT id::text AS id FROM penalty_records ORDER BY id`)).map((row) => row.id);
  });
  afterAll(() => t.close());

  it('delivers the rest of the batch and dead-letters the poison record after OUTBOX_MAX_ATTEMPTS', async () => {
    const [poison, healthy] = ids;
    await t.db.query(`UPDATE penalty_records SET decision_date = '1899-06-01' WHERE id = $1`, [poison]);
    await t.db.query(`UPDATE penalty_records SET party_name = '全椒县毒丸测试商店（已更名）' WHERE id = $1`, [healthy]);
    await t.app.get(SearchOutboxRepository).enqueue(t.db, [poison, healthy]);

    expect(await delivery.deliverBatch()).toBe(2);
    const [doc] = await t.db.query<{ party_name: string }>(`SELECT party_name FROM public_disclosures WHERE record_id = $1`, [healthy]);
    expect(doc.party_name).toBe('全椒县毒丸测试商店（已更名）');
    expect(await outboxRow(poison)).toMatchObject({ attempts: 1, dead: false, last_error: expect.any(String) });
    expect(await delivery.stats()).toMatchObject({ depth: 1, deadLetters: 0 });

    for (let attempt = 2; attempt <= 3; attempt++) {
      await t.db.query(`UPDATE search_outbox SET next_attempt_at = now() WHERE record_id = $1`, [poison]);
      expect(await delivery.deliverBatch()).toBe(1);
    }
    expect(await outboxRow(poison)).toMatchObject({ attempts: 3, dead: true });
    // Dead letters are not claimed again and do not count as lag: /ready stays ready.
    await t.db.query(`UPDATE search_outbox SET next_attempt_at = now() WHERE record_id = $1`, [poison]);
    expect(await delivery.deliverBatch()).toBe(0);
    expect(await delivery.stats()).toEqual({ depth: 0, lagSeconds: 0, deadLetters: 1 });
    const metrics = (await t.app.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).body as string;
    expect(metrics).toMatch(/^credit_outbox_dead_letters 1$/m);
  });

  it('lists the dead letter for the operator and delivers it after search:retry once the record is fixed', async () => {
    const [poison] = ids;
    const listed: string[] = [];
    expect(await searchDeadLettersCommand.run(cli(listed), [])).toBeUndefined();
    expect(listed[0]).toBe('1 dead letters');
    expect(listed[1]).toContain(`record ${poison}  QJ-SCJGJ  ${records[0].decisionNumber}  3 attempts`);

    await t.db.query(`UPDATE penalty_records SET decision_date = $2 WHERE id = $1`, [poison, addMonths(today, -1)]);
    const retried: string[] = [];
    expect(await searchRetryCommand.run(cli(retried), [poison])).toBe(0);
    expect(retried).toEqual([`1 dead letters are due again: ${poison}`]);
    expect(await delivery.drain()).toBe(1);
    expect(await delivery.stats()).toEqual({ depth: 0, lagSeconds: 0, deadLetters: 0 });
    expect(await t.db.query(`SELECT 1 FROM public_disclosures WHERE record_id = $1 AND NOT withdrawn`, [poison])).toHaveLength(1);
    expect(await searchRetryCommand.run(cli([]), ['12x'])).toBe(2);
  });

  it('reindexes around a record that cannot be built and reports it', async () => {
    const [, , poison] = ids;
    await t.db.query(`UPDATE penalty_records SET decision_date = '1899-06-01' WHERE id = $1`, [poison]);
    const summary = await t.app.get(SearchReindexService).reindex();
    expect(summary).toMatchObject({ scanned: 20, indexed: 19, skipped: 1, skippedSamples: [{ id: poison, error: expect.any(String) }] });
    expect(await t.app.get(SearchReindexService).verify()).toMatchObject({ expected: 19, indexed: 19, missing: 0, extra: 0 });
  });
});

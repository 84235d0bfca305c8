// The outbox under failure: the search backend is a real PostgreSQL table renamed away (no mock), pushes
// keep succeeding, the index converges once the table is back, replays and stale writes change nothing.
// Also: expiry withdrawal, search:verify and a rebuild that catches up with a change made while it ran.
import { addMonths, todayInChina } from '@credit/domain';
import { SEARCH_INDEX, SearchIndex } from '@credit/search';
import { createTestApp, penaltyRecord, SUBMIT, TestApp } from '@credit/testing';
import { DisclosureSearchService } from './disclosure-search.service';
import { PublicationExpiryJob } from './publication-expiry.job';
import { SearchOutboxDelivery } from './search-outbox.delivery';
import { SearchReindexService } from './search-reindex.service';

const COUNT_LIVE = `SELECT count(*)::int AS count FROM public_disclosures WHERE NOT withdrawn`;
const SNAPSHOT = `SELECT record_id, version, withdrawn, party_name, tokens, indexed_at FROM public_disclosures ORDER BY record_id`;

describe('search outbox delivery (integration)', () => {
  let t: TestApp;
  let key: string;
  let delivery: SearchOutboxDelivery;
  const today = todayInChina();
  const records = Array.from({ length: 1000 }, (_, i) => penaltyRecord({ severity: 'GENERAL', decisionDate: addMonths(today, -1), partyName: `来安县故障测试食品店${i}` }));

  beforeAll(async () => {
    // No in-process runner: every delivery below is an explicit call. As the superuser: the outage below renames
    // the index table, and a rebuild swaps tables, which only their owner may (the CLI runs search:reindex so).
    t = await createTestApp({ RUN_WORKER_IN_PROCESS: 'false' }, { role: 'superuser' });
    key = (await t.createDepartment('CZ-SCJGJ', '滁州市市场监督管理局')).apiKey;
    delivery = t.app.get(SearchOutboxDelivery);
  });
  afterAll(() => t.close());

  const count = async (sql: string, params: unknown[] = []) => (await t.db.query<{ count: number }>(sql, params))[0].count;

  it('stores every push while the index is down and converges when it is back', async () => {
    await t.db.query('ALTER TABLE public_disclosures RENAME TO public_disclosures_unavailable');
    try {
      const pushed = await t.gql(SUBMIT, { records }, { 'x-api-key': key });
      expect(pushed.data.submitPenaltyRecords).toMatchObject({ created: 1000, rejected: 0 });
      expect(await count('SELECT count(*)::int AS count FROM penalty_records')).toBe(1000);
      await expect(delivery.deliverBatch()).rejects.toThrow('public_disclosures');
      const stats = await delivery.stats();
      expect(stats.depth).toBe(1000);
      expect(stats.lagSeconds).toBeGreaterThanOrEqual(0);
      const failed = await t.db.query(`SELECT attempts, last_error, next_attempt_at > now() AS waiting FROM search_outbox WHERE last_error IS NOT NULL`);
      expect(failed).toHaveLength(500);
      expect(failed[0]).toMatchObject({ attempts: 1, waiting: true, last_error: expect.stringContaining('public_disclosures') });
      const publicView = await t.gql(`{ searchDisclosures(query: "食品") { totalCount } }`);
      expect(publicView.errors?.[0].extensions.code).toBe('SEARCH_UNAVAILABLE');
    } finally {
      await t.db.query('ALTER TABLE public_disclosures_unavailable RENAME TO public_disclosures');
    }
    // The failed half waits out its 1 s backoff; everything arrives within a few seconds of recovery.
    const deadline = Date.now() + 10_000;
    while ((await delivery.stats()).depth > 0 && Date.now() < deadline) {
      await delivery.drain();
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(await delivery.stats()).toEqual({ depth: 0, lagSeconds: 0, deadLetters: 0 });
    expect(await count(COUNT_LIVE)).toBe(1000);
    const search = await t.gql(`{ searchDisclosures(query: "故障测试") { totalCount totalCountIsLowerBound } }`);
    // Counting stops at the bound (DEFAULT_COUNT_BOUND): the public sees "200+".
    expect(search.data.searchDisclosures).toEqual({ totalCount: 200, totalCountIsLowerBound: true });
  });

  it('changes nothing when a delivered batch is replayed or an older version arrives late', async () => {
    const before = await t.db.query(SNAPSHOT);
    // A worker that wrote but crashed before its ack: the same rows are due again with the same versions.
    await t.db.query(`UPDATE search_outbox SET delivered_at = NULL, next_attempt_at = now() WHERE record_id IN (SELECT record_id FROM search_outbox ORDER BY record_id LIMIT 500)`);
    expect(await delivery.drain()).toBe(500);
    expect(await t.db.query(SNAPSHOT)).toEqual(before);
    const index = t.app.get<SearchIndex>(SEARCH_INDEX);
    const [doc] = await index.getVisible([String(before[0].record_id)], today);
    await index.apply([{ op: 'upsert', version: Number(before[0].version) - 1, doc: { ...doc, partyName: '迟到的旧版本' } }]);
    await index.apply([{ op: 'delete', id: doc.id, version: Number(before[0].version) }]);
    expect(await t.db.query(SNAPSHOT)).toEqual(before);
  });

  it('hides an expired record at query time and withdraws it through the sweep', async () => {
    const [victim] = await t.db.query<{ id: string; decision_number: string }>(`SELECT id::text AS id, decision_number FROM penalty_records ORDER BY id LIMIT 1`);
    // A year and a day passes for this record: its last day (decision + 12 months) was yesterday.
    await t.db.query(`UPDATE penalty_records SET decision_date = ($2::date - interval '12 months' - interval '1 day')::date WHERE id = $1`, [victim.id, today]);
    await t.db.query(`UPDATE public_disclosures SET decision_date = ($2::date - interval '12 months' - interval '1 day')::date, published_from = ($2::date - interval '12 months' - interval '1 day')::date, published_until = ($2::date - interval '1 day')::date WHERE record_id = $1`, [victim.id, today]);
    const search = t.app.get(DisclosureSearchService);
    expect((await search.search({ query: victim.decision_number })).edges).toEqual([]);
    expect(await search.findOne(victim.id)).toBeNull();
    const expiry = t.app.get(PublicationExpiryJob);
    expect(await expiry.sweep(today)).toBe(1);
    expect(await expiry.sweep(today)).toBe(0);
    expect(await delivery.drain()).toBe(1);
    expect(await t.db.query(`SELECT withdrawn, party_name FROM public_disclosures WHERE record_id = $1`, [victim.id])).toEqual([{ withdrawn: true, party_name: null }]);
    expect(await count(COUNT_LIVE)).toBe(999);
  });

  it('verifies the index against the records and rebuilds it, catching up with a change made meanwhile', async () => {
    const reindex = t.app.get(SearchReindexService);
    expect(await reindex.verify()).toMatchObject({ expected: 999, indexed: 999, missing: 0, extra: 0, changed: 0 });
    const [first, second] = await t.db.query<{ record_id: string }>(`SELECT record_id::text AS record_id FROM public_disclosures WHERE NOT withdrawn ORDER BY record_id LIMIT 2`);
    await t.db.query(`DELETE FROM public_disclosures WHERE record_id = $1`, [first.record_id]);
    await t.db.query(`UPDATE public_disclosures SET party_name = '被篡改的名称' WHERE record_id = $1`, [second.record_id]);
    const report = await reindex.verify();
    expect(report).toMatchObject({ expected: 999, indexed: 998, missing: 1, extra: 0, changed: 1, samples: { missing: [first.record_id], changed: [second.record_id] } });

    const revokedDuringBuild = records[500].decisionNumber as string;
    let started = 0;
    const summary = await reindex.reindex({
      start: (total) => (started = total),
      advance: async () => {
        const revoked = await t.gql(`mutation($n: String!) { revokePenaltyRecord(decisionNumber: $n, reason: "复议撤销") { status } }`, { n: revokedDuringBuild }, { 'x-api-key': key });
        expect(revoked.data.revokePenaltyRecord.status).toBe('REVOKED');
      },
      stop: () => undefined,
    });
    expect(started).toBe(1000);
    expect(summary).toMatchObject({ indexName: 'public_disclosures_build', scanned: 1000, indexed: 999, caughtUp: 1 });
    // The decision revoked meanwhile is now a withdrawal notice (行政处罚法 art. 48), not a published decision.
    expect(await reindex.verify()).toMatchObject({ expected: 999, indexed: 999, missing: 0, extra: 0, changed: 0 });
    const gone = await t.gql(`query($q: String!) { searchDisclosures(query: $q) { totalCount edges { node { violationFacts withdrawal { reason } } } } }`, { q: revokedDuringBuild });
    expect(gone.data.searchDisclosures.totalCount).toBe(1);
    expect(gone.data.searchDisclosures.edges[0].node).toEqual({ violationFacts: '', withdrawal: { reason: '复议撤销' } });
    const indexes = await t.db.query<{ indexname: string }>(`SELECT indexname FROM pg_indexes WHERE tablename = 'public_disclosures' ORDER BY 1`);
    expect(indexes.map((i) => i.indexname)).toEqual([
      'public_disclosures_department_newest_idx', 'public_disclosures_newest_idx', 'public_disclosures_pkey', 'public_disclosures_region_newest_idx',
      'public_disclosures_severity_newest_idx', 'public_disclosures_tokens_gin', 'public_disclosures_until_idx',
    ]);
    expect(await t.db.query(`SELECT to_regclass('public_disclosures_build') AS build, to_regclass('public_disclosures_old') AS old`)).toEqual([{ build: null, old: null }]);
    // The revoke's outbox row is still due: the worker delivers it again, and that changes nothing.
    const before = await t.db.query(SNAPSHOT);
    expect(await delivery.drain()).toBe(1);
    expect(await t.db.query(SNAPSHOT)).toEqual(before);
  });
});

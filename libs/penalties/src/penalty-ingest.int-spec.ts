// The ingest write path against a real database, where its set-based statements meet each other: subjects that
// change their name, the same new subject named by two batches at once, and what every changed record leaves
// behind in the same transaction (its item in the batch's audit entry of a verifiable chain, one outbox row, a
// current tier).
import { AuditVerifier } from '@credit/audit';
import { DepartmentPrincipal } from '@credit/common';
import { Database } from '@credit/db';
import { addDays, todayInChina } from '@credit/domain';
import { companyUscc, createTestApp, penaltyRecord, TestApp } from '@credit/testing';
import { PenaltyAuditTrailRepository } from './penalty-audit-trail.repository';
import { PenaltyChangeHooks } from './penalty-change.hooks';
import { batchDigest, PENALTY_BATCH_ACTION } from './penalty-batch.audit';
import { PenaltyIngestService } from './penalty-ingest.service';

describe('penalty ingest write path (integration)', () => {
  let t: TestApp;
  let db: Database;
  let ingest: PenaltyIngestService;
  let market: DepartmentPrincipal;
  let tax: DepartmentPrincipal;
  const today = todayInChina();

  beforeAll(async () => {
    t = await createTestApp({ RUN_WORKER_IN_PROCESS: 'false' });
    db = t.db;
    ingest = t.app.get(PenaltyIngestService);
    const principal = async (code: string): Promise<DepartmentPrincipal> => {
      const { id } = await t.createDepartment(code);
      return { kind: 'DEPARTMENT', departmentId: id, departmentCode: code, departmentName: `${code} 部门`, regionCode: '341100', apiKeyId: '0' };
    };
    market = await principal('CZ-INGEST-SCJGJ');
    tax = await principal('CZ-INGEST-SWJ');
  });
  afterAll(() => t.close());

  const subjectsOf = (uscc: string) => db.query<{ id: string; name: string }>('SELECT id, name FROM credit_subjects WHERE uscc = $1', [uscc]);

  it('submits in two steps: validate stores nothing, write stores the batch once (what the file import overlaps)', async () => {
    const good = penaltyRecord({ uscc: companyUscc('341104') });
    const validated = await ingest.validate(market, [good, penaltyRecord({ uscc: 'NOT-A-USCC' })] as any);
    expect(await db.query('SELECT count(*)::int AS n FROM penalty_records WHERE decision_number = $1', [good.decisionNumber])).toEqual([{ n: 0 }]);
    const written = await ingest.write(validated);
    expect([written.created, written.rejected, written.results[1].errors.map((error) => error.code)]).toEqual([1, 1, ['INVALID_USCC']]);
    expect(await db.query('SELECT count(*)::int AS n FROM penalty_records WHERE decision_number = $1', [good.decisionNumber])).toEqual([{ n: 1 }]);
    await expect(ingest.write(validated)).rejects.toThrow('not a batch PenaltyIngestService.validate issued, or one already written');
  });

  it('keeps the registered name when a push names a subject differently, and files the name for review', async () => {
    const uscc = companyUscc('341102');
    const first = await ingest.submit(market, [penaltyRecord({ uscc, partyName: '滁州市老字号食品有限公司' })] as any);
    const again = await ingest.submit(market, [penaltyRecord({ uscc, partyName: '滁州市老字号食品有限公司' })] as any);
    expect([first.created, again.created]).toEqual([1, 1]);
    expect(await db.query('SELECT count(*)::int AS n FROM subject_name_changes WHERE subject_id = $1', [first.results[0].subjectId])).toEqual([{ n: 0 }]);

    const renamed = await ingest.submit(tax, [penaltyRecord({ uscc, partyName: '滁州市新字号食品有限公司' })] as any);
    expect(renamed.results[0].subjectId).toBe(first.results[0].subjectId);
    expect(await subjectsOf(uscc)).toEqual([{ id: first.results[0].subjectId, name: '滁州市老字号食品有限公司' }]);
    expect(await db.query('SELECT previous_name, new_name, status FROM subject_name_changes WHERE subject_id = $1', [first.results[0].subjectId])).toEqual([
      { previous_name: '滁州市老字号食品有限公司', new_name: '滁州市新字号食品有限公司', status: 'PENDING' },
    ]);
  });

  it('gives two batches that name the same new subject at once one subject, with both records in its tier', async () => {
    const uscc = companyUscc('341103');
    const warning = { uscc, severity: 'GENERAL', penaltyCategories: ['WARNING'], fineAmount: null };
    // Each batch also carries other subjects, so the shared one is one row among several in each statement.
    const batch = (violationType: string) => [
      penaltyRecord({ ...warning, violationType, decisionDate: addDays(today, -5) }),
      ...[1, 2, 3].map(() => penaltyRecord({ decisionDate: addDays(today, -3) })),
    ];
    const [a, b] = await Promise.all([ingest.submit(market, batch('甲') as any), ingest.submit(tax, batch('乙') as any)]);
    expect([a.created, b.created]).toEqual([4, 4]);
    const [subject] = await subjectsOf(uscc);
    expect(await subjectsOf(uscc)).toHaveLength(1);
    expect([a.results[0].subjectId, b.results[0].subjectId]).toEqual([subject.id, subject.id]);
    // Two general penalties of different types: 100 − 10 − 10.
    const [tier] = await db.query<{ level: string; score: number; reasons: unknown[] }>('SELECT level, score, reasons FROM subject_tiers WHERE subject_id = $1', [subject.id]);
    expect(tier).toMatchObject({ level: 'B', score: 80 });
    expect(tier.reasons).toHaveLength(2);
  });

  it('registers a new subject under the last name its batch gives it, and files none of the batch\'s other names for review', async () => {
    const uscc = companyUscc('341124');
    const summary = await ingest.submit(market, [penaltyRecord({ uscc, partyName: '滁州市甲名食品有限公司' }), penaltyRecord({ uscc, partyName: '滁州市乙名食品有限公司' })] as any);
    expect(summary).toMatchObject({ created: 2, rejected: 0 });
    expect(await subjectsOf(uscc)).toEqual([{ id: summary.results[0].subjectId, name: '滁州市乙名食品有限公司' }]);
    expect(await db.query('SELECT count(*)::int AS n FROM subject_name_changes WHERE subject_id = $1', [summary.results[0].subjectId])).toEqual([{ n: 0 }]);
  });

  it('lets a push that names a subject another push has just registered write its records before it waits, at its tier, for the other to commit', async () => {
    // Push A is held inside its transaction, after its tier, by a listener that runs after every other one. Push B
    // names the same new subject: registered (and committed) before A's transaction, the subject does not hold B
    // back; B waits where it locks the subject for its tier, with its records written, and its tier counts A's record.
    const uscc = companyUscc('341125');
    const warning = { uscc, severity: 'GENERAL', penaltyCategories: ['WARNING'], fineAmount: null, decisionDate: addDays(today, -4) };
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let reached!: () => void;
    const holding = new Promise<void>((resolve) => (reached = resolve));
    const holdA = { armed: true };
    t.app.get(PenaltyChangeHooks).register({
      async onPenaltyRecordsChanged() {
        if (!holdA.armed) return;
        holdA.armed = false;
        reached();
        await held;
      },
    });
    const a = ingest.submit(market, [penaltyRecord({ ...warning, violationType: '甲' })] as any);
    let b: Promise<unknown> | null = null;
    const waitingFor = () => db.query<{ query: string }>(`SELECT query FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
    try {
      await holding;
      b = ingest.submit(tax, [penaltyRecord({ ...warning, violationType: '乙' })] as any);
      for (let i = 0; i < 200 && (await waitingFor()).length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 25));
      const [waiting] = await waitingFor();
      expect(waiting.query).toMatch(/^\s*SELECT current_setting\('enable_bitmapscan'\)/);
    } finally {
      holdA.armed = false;
      release();
    }
    expect(await a).toMatchObject({ created: 1 });
    expect(await b).toMatchObject({ created: 1 });
    const [subject] = await subjectsOf(uscc);
    // Two general penalties of different types: 100 − 10 − 10.
    expect(await db.query('SELECT level, score FROM subject_tiers WHERE subject_id = $1', [subject.id])).toEqual([{ level: 'B', score: 80 }]);
  });

  it('starts a push over when another inserted one of its new decision numbers meanwhile, and updates that record', async () => {
    // A first push inserts its new numbers without ON CONFLICT. Here a rival transaction inserts one of them and
    // holds it uncommitted: the push's insert waits on it, fails once it commits, and the push runs again.
    const [stored] = (await ingest.submit(market, [penaltyRecord({ decisionDate: addDays(today, -2) })] as any)).results;
    const draft = penaltyRecord({ decisionDate: addDays(today, -2) });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let inserted!: () => void;
    const ready = new Promise<void>((resolve) => (inserted = resolve));
    const rival = db.transaction(async (sql) => {
      await sql.query(
        `INSERT INTO penalty_records
         SELECT (jsonb_populate_record(NULL::penalty_records,
                   to_jsonb(r) || jsonb_build_object('id', nextval(pg_get_serial_sequence('penalty_records', 'id')), 'decision_number', $2::text))).*
           FROM penalty_records r WHERE r.id = $1`,
        [stored.recordId, draft.decisionNumber],
      );
      inserted();
      await held;
    });
    await ready;
    const pending = ingest.submit(market, [draft] as any);
    const waiting = () => db.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
    try {
      for (let i = 0; i < 200 && (await waiting())[0].n === 0; i++) await new Promise((resolve) => setTimeout(resolve, 25));
      expect(await waiting()).toEqual([{ n: 1 }]);
    } finally {
      // Even when the push never waited, the rival commits: a transaction left open would hang the suite.
      release();
      await rival;
    }
    const summary = await pending;
    expect(summary).toMatchObject({ created: 0, updated: 1, rejected: 0 });
    expect(await db.query('SELECT version FROM penalty_records WHERE department_id = $1 AND decision_number = $2', [market.departmentId, draft.decisionNumber])).toEqual([{ version: 2 }]);
  });

  it('stores awkward text the same way whether a record is created by COPY or written by the upsert (a literal \\N stays text)', async () => {
    // Tabs and carriage returns are normalised by validation; line breaks, backslashes, quotes and braces reach SQL.
    const awkward = 'a\tb\nc\r\nd \\ e \\N "f" {g,h} \\\\t';
    const texts = { violationFacts: awkward, remarks: '\\N', penaltyContent: `罚款\n${awkward}` };
    const first = penaltyRecord(texts);
    const second = penaltyRecord(texts);
    const stored = (draft: Record<string, unknown>) =>
      db.query('SELECT violation_facts, remarks, penalty_content, penalty_categories FROM penalty_records WHERE department_id = $1 AND decision_number = $2', [
        market.departmentId, draft.decisionNumber,
      ]);
    expect(await ingest.submit(market, [first] as any)).toMatchObject({ created: 1, rejected: 0 });
    // Read before anything rewrites the row: what COPY stored.
    const [copied] = await stored(first);
    expect(copied).toMatchObject({ remarks: '\\N', penalty_categories: first.penaltyCategories });
    expect(copied.violation_facts).toContain('b\nc\nd \\ e \\N "f" {g,h} \\\\t');
    // With a changed record in it, the batch goes through the upsert, the new record too.
    expect(await ingest.submit(market, [{ ...first, fineAmount: '1234.5' }, second] as any)).toMatchObject({ created: 1, updated: 1, rejected: 0 });
    expect(await stored(first)).toEqual([copied]);
    expect(await stored(second)).toEqual([copied]);
  });

  it('writes one audit entry per batch, naming every changed record with its content hash (in a chain that verifies), and one outbox row per changed record, none for unchanged ones', async () => {
    const records = [1, 2, 3].map(() => penaltyRecord({ decisionDate: addDays(today, -1) }));
    const created = await ingest.submit(market, records as any);
    const ids = created.results.map((r) => r.recordId as string);
    const changed = { ...records[1], penaltyContent: '警告，罚款人民币叁万元整', fineAmount: '3' };
    const second = await ingest.submit(market, [records[0], changed] as any);
    expect(second).toMatchObject({ created: 0, updated: 1, unchanged: 1 });

    const audit = await t.app.get(PenaltyAuditTrailRepository).events(ids);
    expect(audit.map((row) => `${row.action} ${ids.indexOf(row.recordId)} v${row.version}`)).toEqual([
      'PENALTY_RECORD_CREATED 0 v1', 'PENALTY_RECORD_CREATED 1 v1', 'PENALTY_RECORD_CREATED 2 v1', 'PENALTY_RECORD_UPDATED 1 v2',
    ]);
    // Each record's own hash is in its batch's entry: the stored content of record 1 is what its update audited.
    const [stored] = await db.query<{ content_hash: string }>('SELECT content_hash FROM penalty_records WHERE id = $1', [ids[1]]);
    expect(audit[3]).toMatchObject({ beforeHash: audit[1].afterHash, afterHash: stored.content_hash });
    const batches = await db.query<{ target_id: string; after_hash: string; details: { count: number; afterHashes: string[] } }>(
      `SELECT target_id, after_hash, details FROM audit_log WHERE action = $1 AND details->'recordIds' ?| $2::text[] ORDER BY id`,
      [PENALTY_BATCH_ACTION, ids],
    );
    expect(batches.map((row) => [row.target_id, row.details.count])).toEqual([[market.departmentId, 3], [market.departmentId, 1]]);
    for (const row of batches) expect(row.after_hash).toBe(batchDigest(row.details.afterHashes));
    expect(await db.query('SELECT count(*)::int AS n FROM search_outbox WHERE record_id = ANY($1::bigint[])', [ids])).toEqual([{ n: 3 }]);
    expect(await t.app.get(AuditVerifier).verify()).toMatchObject({ problems: [] });
  });
});

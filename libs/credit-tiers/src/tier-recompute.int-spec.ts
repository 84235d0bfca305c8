// Recomputation paths against a real database: read-your-writes through the ingest and revoke services (the
// listener), records moving between subjects, concurrent batches on one subject, the sweep, overrides (the hook
// for the serious-dishonesty list), and a full recomputation that must not overwrite a fresher tier.
import { DepartmentPrincipal } from '@credit/common';
import { Database, pgExecutor, SqlExecutor } from '@credit/db';
import { addDays, addMonths, TIER_RULE_SET_V1, todayInChina } from '@credit/domain';
import { PenaltyIngestService, PenaltyRecordsService } from '@credit/penalties';
import { companyUscc, createTestApp, penaltyRecord, TestApp } from '@credit/testing';
import { TierOverridesService } from './tier-overrides.service';
import { TierRecomputeRepository } from './tier-recompute.repository';
import { TierRecomputeService } from './tier-recompute.service';
import { TierSweepJob } from './tier-sweep.job';

describe('tier recomputation', () => {
  let t: TestApp;
  let db: Database;
  let ingest: PenaltyIngestService;
  let records: PenaltyRecordsService;
  let department: DepartmentPrincipal;
  const today = todayInChina();

  beforeAll(async () => {
    t = await createTestApp({ RUN_WORKER_IN_PROCESS: 'false' });
    db = t.db;
    ingest = t.app.get(PenaltyIngestService);
    records = t.app.get(PenaltyRecordsService);
    const created = await t.createDepartment('CZ-TIER-RYW');
    department = { kind: 'DEPARTMENT', departmentId: created.id, departmentCode: 'CZ-TIER-RYW', departmentName: 'CZ-TIER-RYW 部门', regionCode: '341100', apiKeyId: '0' };
  });
  afterAll(() => t.close());

  const tierOf = async (uscc: string) =>
    (await db.query<{ level: string; score: number; reasons: any[]; next_review_on: string | null }>(
      'SELECT t.level, t.score, t.reasons, t.next_review_on FROM subject_tiers t JOIN credit_subjects s ON s.id = t.subject_id WHERE s.uscc = $1',
      [uscc],
    ))[0];
  const history = async (uscc: string) =>
    db.query<{ level: string; score: number; cause: string; open: boolean }>(
      `SELECT h.level, h.score, h.cause, h.valid_to IS NULL AS open FROM subject_tier_history h JOIN credit_subjects s ON s.id = h.subject_id
        WHERE s.uscc = $1 ORDER BY h.valid_from, h.id`,
      [uscc],
    );

  it('a batch recomputes every subject it touches before submit returns (one pass for the batch)', async () => {
    const [a, b] = [companyUscc('341102'), companyUscc('341103')];
    const batch = [
      penaltyRecord({ uscc: a, severity: 'GENERAL', fineAmount: '5', violationType: '甲', decisionDate: addDays(today, -30) }),
      penaltyRecord({ uscc: a, severity: 'GENERAL', fineAmount: null, penaltyCategories: ['WARNING'], violationType: '甲', decisionDate: addDays(today, -10) }),
      penaltyRecord({ uscc: b, severity: 'MINOR', fineAmount: null, penaltyCategories: ['WARNING'], decisionDate: addDays(today, -5) }),
    ];
    const summary = await ingest.submit(department, batch as any);
    expect(summary.created).toBe(3);
    // a: 10 + 2 (≥1 万元) + 10 + 10 (same violation type within 12 months) = 32 → 68, C
    expect(await tierOf(a)).toMatchObject({ level: 'C', score: 68 });
    expect((await tierOf(a)).reasons.map((r) => `${r.code} ${r.points}`)).toEqual(['PENALTY_GENERAL 10', 'FINE_BAND_1 2', 'PENALTY_GENERAL 10', 'REPEAT_OFFENCE 10']);
    expect((await tierOf(a)).next_review_on).toBe(addMonths(addDays(today, -30), 12));
    expect(await tierOf(b)).toMatchObject({ level: 'A', score: 98 });
    expect(await history(a)).toEqual([{ level: 'C', score: 68, cause: 'PENALTY_CREATED', open: true }]);
  });

  it('re-pushing unchanged records changes nothing; an update that moves a record recomputes both subjects', async () => {
    const [a, b] = [companyUscc('341102'), companyUscc('341102')];
    const record = penaltyRecord({ uscc: a, severity: 'SERIOUS', penaltyCategories: ['WARNING'], fineAmount: null, decisionDate: addDays(today, -40) });
    await ingest.submit(department, [record] as any);
    expect(await tierOf(a)).toMatchObject({ level: 'C', score: 70 });
    expect((await ingest.submit(department, [record] as any)).unchanged).toBe(1);
    expect(await history(a)).toHaveLength(1);

    // The department corrects the party: the decision now belongs to b, and a is clean again.
    const moved = await ingest.submit(department, [{ ...record, uscc: b, partyName: '另一家公司' }] as any);
    expect(moved.updated).toBe(1);
    expect(await tierOf(a)).toMatchObject({ level: 'A', score: 100, reasons: [] });
    expect(await tierOf(b)).toMatchObject({ level: 'C', score: 70 });
    expect((await history(a)).map((h) => `${h.level} ${h.cause} ${h.open}`)).toEqual(['C PENALTY_CREATED false', 'A PENALTY_UPDATED true']);
  });

  it('revoking recomputes in the revoke transaction', async () => {
    const uscc = companyUscc('341102');
    const record = penaltyRecord({ uscc, severity: 'GENERAL', fineAmount: null, penaltyCategories: ['SUSPEND_PRODUCTION'], decisionDate: addDays(today, -3) });
    await ingest.submit(department, [record] as any);
    expect(await tierOf(uscc)).toMatchObject({ level: 'B', score: 70 });
    await records.revoke(department, record.decisionNumber as string, '复议撤销');
    expect(await tierOf(uscc)).toMatchObject({ level: 'A', score: 100, reasons: [], next_review_on: null });
    expect((await history(uscc)).map((h) => h.cause)).toEqual(['PENALTY_CREATED', 'PENALTY_REVOKED']);
  });

  it('two concurrent batches on one subject both end up in its tier', async () => {
    const uscc = companyUscc('341124');
    const [first, second] = [
      penaltyRecord({ uscc, severity: 'GENERAL', fineAmount: null, penaltyCategories: ['WARNING'], violationType: '甲', decisionDate: addDays(today, -8) }),
      penaltyRecord({ uscc, severity: 'GENERAL', fineAmount: null, penaltyCategories: ['WARNING'], violationType: '乙', decisionDate: addDays(today, -7) }),
    ];
    await ingest.submit(department, [penaltyRecord({ uscc, severity: 'MINOR', penaltyCategories: ['WARNING'], fineAmount: null, decisionDate: addDays(today, -9) })] as any);
    await Promise.all([ingest.submit(department, [first] as any), ingest.submit(department, [second] as any)]);
    expect(await tierOf(uscc)).toMatchObject({ level: 'B', score: 78 });
  });

  it('the sweep recomputes subjects whose window ended, and only those', async () => {
    const uscc = companyUscc('341125');
    const decided = addDays(addMonths(today, -6), -3);
    await ingest.submit(department, [penaltyRecord({ uscc, severity: 'MINOR', penaltyCategories: ['WARNING'], fineAmount: null, decisionDate: decided })] as any);
    expect(await tierOf(uscc)).toMatchObject({ level: 'A', score: 100 });
    const [{ id }] = await db.query<{ id: string }>('SELECT id FROM credit_subjects WHERE uscc = $1', [uscc]);
    // As computed five days ago, the record still counted and its window ended three days ago.
    await db.transaction((sql) => new TierRecomputeRepository().recomputeFresh(sql, TIER_RULE_SET_V1, [id], 'TEST', addDays(today, -5)));
    expect(await tierOf(uscc)).toMatchObject({ level: 'A', score: 98, next_review_on: addMonths(decided, 6) });
    const due = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM subject_tiers WHERE next_review_on <= $1', [today]);
    expect(due[0].n).toBe(1);

    expect(await t.app.get(TierSweepJob).run()).toBe(false);
    expect(await tierOf(uscc)).toMatchObject({ level: 'A', score: 100, reasons: [], next_review_on: null });
    expect((await history(uscc)).map((h) => `${h.score} ${h.cause}`)).toEqual(['98 TEST', '100 SWEEP']);
    expect(await t.app.get(TierSweepJob).run()).toBe(false);
    expect(await history(uscc)).toHaveLength(2);
  });

  it('an override (serious-dishonesty listing) makes the tier D until it is cleared', async () => {
    const uscc = companyUscc('341181');
    await ingest.submit(department, [penaltyRecord({ uscc, severity: 'MINOR', penaltyCategories: ['WARNING'], fineAmount: null, decisionDate: addDays(today, -2) })] as any);
    const [{ id }] = await db.query<{ id: string }>('SELECT id FROM credit_subjects WHERE uscc = $1', [uscc]);
    const overrides = t.app.get(TierOverridesService);
    const recompute = t.app.get(TierRecomputeService);
    await db.transaction(async (sql) => {
      await overrides.setOverride(sql, { subjectId: id, source: 'LISTING', sourceId: '77', code: '滁税失信〔2026〕3号', description: '重大税收违法失信主体', activeFrom: addDays(today, -1), activeTo: addMonths(today, 36) });
      await recompute.recomputeSubjects(sql, [id], 'LISTING');
    });
    const listed = await tierOf(uscc);
    // The next review is the minor record leaving its 6-month window (before the listing ends).
    expect(listed).toMatchObject({ level: 'D', score: 98, next_review_on: addMonths(addDays(today, -2), 6) });
    expect(listed.reasons.at(-1)).toEqual({
      code: 'OVERRIDE_LISTED', description: '列入严重失信主体名单：重大税收违法失信主体（滁税失信〔2026〕3号），分类为D', points: 0, recordId: null, decisionNumber: null, listingId: '77',
    });
    await db.transaction(async (sql) => {
      expect(await overrides.clearOverride(sql, 'LISTING', '77', today)).toEqual([id]);
      await recompute.recomputeSubjects(sql, [id], 'LISTING');
    });
    expect(await tierOf(uscc)).toMatchObject({ level: 'A', score: 98 });
    await expect(db.transaction((sql) => overrides.setOverride(sql, { subjectId: id, source: 'LISTING', sourceId: '78', code: 'x', description: 'y', activeFrom: '2026-02-30', activeTo: null }))).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('a full recomputation keeps a tier written by an ingest that committed after it staged', async () => {
    const uscc = companyUscc('341182');
    await ingest.submit(department, [penaltyRecord({ uscc, severity: 'MINOR', penaltyCategories: ['WARNING'], fineAmount: null, decisionDate: addDays(today, -4) })] as any);
    // Make every stored tier stale, so the full run wants to rewrite them all.
    await db.query(`UPDATE subject_tiers SET score = 1, level = 'D'`);
    const late = penaltyRecord({ uscc, severity: 'SERIOUS', violationType: '无证经营', penaltyCategories: ['WARNING'], fineAmount: null, decisionDate: addDays(today, -1) });
    const summary = await t.app.get(TierRecomputeService).recomputeAll({
      chunkSize: 2,
      // Between staging and the chunks, a department pushes a serious record for this subject.
      onStaged: async () => void expect((await ingest.submit(department, [late] as any)).created).toBe(1),
    });
    expect(summary.subjects).toBeGreaterThan(5);
    expect(summary.transitions.find((x) => x.from === 'D' && x.to === 'A')?.count).toBeGreaterThan(1);
    // Fresh tier (98 − 30 = 68, C) kept; the staged data (without the serious record) would have said A/98.
    expect(await tierOf(uscc)).toMatchObject({ level: 'C', score: 68 });
    const [audit] = await db.query<{ details: any }>(`SELECT details FROM audit_log WHERE action = 'TIERS_RECOMPUTED' ORDER BY id DESC LIMIT 1`);
    expect(audit.details).toMatchObject({ ruleVersion: 'v2', subjects: summary.subjects, changed: summary.changed });
  });

  it('a regional full recomputation rewrites that region only, from every page its records sit on', async () => {
    // Staging reads penalty_records in page ranges on two sessions: the subject's records are pushed between
    // other subjects' (another region), so they sit on pages far apart and a missed range would lose one.
    const inRegion = companyUscc('341181');
    const elsewhere = Array.from({ length: 3 }, () => companyUscc('341102'));
    const filler = (n: number) => Array.from({ length: n }, (_, i) => penaltyRecord({ uscc: elsewhere[i % 3], severity: 'MINOR', penaltyCategories: ['WARNING'], fineAmount: null, decisionDate: addDays(today, -20) }));
    for (const [type, days] of [['甲', -40], ['乙', -30], ['丙', -20]] as const) {
      await ingest.submit(department, [...filler(15), penaltyRecord({ uscc: inRegion, severity: 'GENERAL', violationType: type, penaltyCategories: ['WARNING'], fineAmount: null, decisionDate: addDays(today, days) })] as any);
    }
    const pages = await db.query<{ pages: number }>(`SELECT DISTINCT (r.ctid::text::point)[0]::int AS pages FROM penalty_records r JOIN credit_subjects s ON s.id = r.subject_id WHERE s.uscc = $1`, [inRegion]);
    expect(pages.length).toBe(3);
    const fresh = await tierOf(inRegion);
    expect(fresh).toMatchObject({ level: 'B', score: 70 });
    await db.query(`UPDATE subject_tiers SET score = 1, level = 'D'`);
    const summary = await t.app.get(TierRecomputeService).recomputeAll({ regionCode: '341181', chunkSize: 3 });
    expect(await tierOf(inRegion)).toEqual(fresh);
    for (const uscc of elsewhere) expect(await tierOf(uscc)).toMatchObject({ level: 'D', score: 1 });
    const [{ n }] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM credit_subjects WHERE region_code LIKE '341181%'`);
    expect(summary.subjects).toBe(n);

    // And every subject: a full run from the staged pages gives what reading each subject's records gives.
    await t.app.get(TierRecomputeService).recomputeAll({ chunkSize: 7 });
    const tiers = () => db.query('SELECT subject_id, level, score, reasons, next_review_on FROM subject_tiers ORDER BY subject_id');
    const staged = await tiers();
    await db.query(`UPDATE subject_tiers SET score = 1, level = 'D'`);
    const ids = (await db.query<{ id: string }>('SELECT id FROM credit_subjects')).map((row) => row.id);
    await db.transaction((sql) => t.app.get(TierRecomputeService).recomputeSubjects(sql, ids, 'RECOMPUTE_ALL'));
    expect(await tiers()).toEqual(staged);
    expect(staged.length).toBe(ids.length);
  });

  it('reasons stored in another JSON text (jsonb spacing and key order, as migrated) are not a change', async () => {
    const uscc = companyUscc('341124');
    await ingest.submit(department, [penaltyRecord({ uscc, severity: 'GENERAL', fineAmount: '5', decisionDate: addDays(today, -6) })] as any);
    await t.app.get(TierRecomputeService).recomputeAll();
    const stored = () =>
      db.query<{ text: string; changed_at: Date }>('SELECT t.reasons::text AS text, t.changed_at FROM subject_tiers t JOIN credit_subjects s ON s.id = t.subject_id WHERE s.uscc = $1', [uscc]);
    const [generated] = await stored();
    const migrated = `UPDATE subject_tiers SET reasons = reasons::jsonb::json WHERE reasons::text <> '[]'`;
    const [{ n }] = await db.query<{ n: number }>(`WITH u AS (${migrated} RETURNING 1) SELECT count(*)::int AS n FROM u`);
    expect(n).toBeGreaterThanOrEqual(1);
    expect((await stored())[0].text).not.toBe(generated.text);
    const historyRows = async () => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM subject_tier_history'))[0].n;
    const before = await historyRows();

    // The full run rewrites each such row in the generated text, and records no change.
    const summary = await t.app.get(TierRecomputeService).recomputeAll();
    expect(summary).toMatchObject({ changed: 0, written: n });
    expect(await stored()).toEqual([generated]);
    expect((await t.app.get(TierRecomputeService).recomputeAll()).written).toBe(0);

    // Read-your-writes path: the same reasons in another text keep changed_at and write no history row.
    await db.query(migrated);
    const id = (await db.query<{ id: string }>('SELECT id FROM credit_subjects WHERE uscc = $1', [uscc]))[0].id;
    expect((await db.transaction((sql) => t.app.get(TierRecomputeService).recomputeSubjects(sql, [id], 'SWEEP'))).changed).toBe(0);
    expect((await stored())[0].changed_at).toEqual(generated.changed_at);
    expect(await historyRows()).toBe(before);
  });

  it('the prepared read-your-writes statement gives the same tiers from a custom and a generic plan, one statement per rule set', async () => {
    const uscc = companyUscc('341104');
    await ingest.submit(department, [penaltyRecord({ uscc, severity: 'GENERAL', fineAmount: '5', decisionDate: addDays(today, -3) })] as any);
    const [{ id }] = await db.query<{ id: string }>('SELECT id FROM credit_subjects WHERE uscc = $1', [uscc]);
    const current = t.app.get(TierRecomputeService).ruleSet;
    const repository = new TierRecomputeRepository();
    const client = await db.pool.connect();
    try {
      const sql = pgExecutor(client);
      const seen = new Map<string, Set<string>>();
      // Both rule sets on one connection, alternating, each under a forced custom and a forced generic plan.
      for (const mode of ['force_custom_plan', 'force_generic_plan', 'force_custom_plan', 'force_generic_plan']) {
        for (const rules of [TIER_RULE_SET_V1, current]) {
          await client.query('BEGIN');
          await client.query(`SET LOCAL plan_cache_mode = ${mode}`);
          await repository.recomputeFresh(sql, rules, [id], 'TEST', today);
          const tier = await sql.query('SELECT level, score, rule_version, reasons FROM subject_tiers WHERE subject_id = $1', [id]);
          await client.query('ROLLBACK');
          seen.set(rules.version, (seen.get(rules.version) ?? new Set()).add(JSON.stringify(tier)));
        }
      }
      expect([...seen.values()].map((answers) => answers.size)).toEqual([1, 1]);
      expect(new Set([...seen.values()].map((answers) => [...answers][0])).size).toBe(2);
      const prepared = await sql.query<{ generic: number; custom: number }>(
        `SELECT generic_plans::int AS generic, custom_plans::int AS custom FROM pg_prepared_statements WHERE name LIKE 'tier\\_fresh\\_%'`,
      );
      // Two statements (the pushes above may have run the current one on this connection before), each having
      // run under both kinds of plan.
      expect(prepared).toHaveLength(2);
      for (const statement of prepared) expect(Math.min(statement.generic, statement.custom)).toBeGreaterThanOrEqual(2);
    } finally {
      // A failed call must not hand the pool a connection inside a transaction.
      await client.query('ROLLBACK').catch(() => undefined);
      client.release();
    }
  });

  it('the read-your-writes statement runs without bitmap or sequential scans, and the caller\'s later statements plan as before', async () => {
    const uscc = companyUscc('341105');
    await ingest.submit(department, [penaltyRecord({ uscc, severity: 'GENERAL', decisionDate: addDays(today, -4) })] as any);
    const [{ id }] = await db.query<{ id: string }>('SELECT id FROM credit_subjects WHERE uscc = $1', [uscc]);
    const repository = new TierRecomputeRepository();
    const seen: string[] = [];
    await db.transaction(async (sql) => {
      const setting = async () =>
        (await sql.query<{ on: string }>(`SELECT current_setting('enable_bitmapscan') || '/' || current_setting('enable_seqscan') AS on`))[0].on;
      // What the settings are when the evaluation itself runs (the statement prepared as tier_fresh_…).
      const watched: SqlExecutor = {
        query: (async (text: string, params?: unknown[], name?: string) => {
          if (name?.startsWith('tier_fresh_')) seen.push(await setting());
          return sql.query(text, params, name);
        }) as SqlExecutor['query'],
      };
      await repository.recomputeFresh(watched, TIER_RULE_SET_V1, [id], 'TEST', today);
      seen.push(await setting());
      // A caller that turned bitmap scans off itself keeps them off, and sequential scans on.
      await sql.query(`SELECT set_config('enable_bitmapscan', 'off', true)`);
      await repository.recomputeFresh(sql, TIER_RULE_SET_V1, [id], 'TEST', today);
      seen.push(await setting());
    });
    expect(seen).toEqual(['off/off', 'on/on', 'off/on']);
  });

  it('refuses a second full recomputation while one runs', async () => {
    const recompute = t.app.get(TierRecomputeService);
    let second: Promise<unknown> | null = null;
    await recompute.recomputeAll({
      onStaged: async () => {
        second = await recompute.recomputeAll().catch((error) => error);
      },
    });
    expect(await second).toMatchObject({ code: 'TIER_RECOMPUTE_RUNNING' });
  });
});

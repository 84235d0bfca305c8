// A full recomputation racing a read-your-writes recomputation that inserts the first tier row of a subject while
// a chunk runs: the chunk's plain INSERT meets that row (unique_violation), the chunk is retried, and the fresher
// row is kept. And a subject the staging snapshot did not see, registered with its tier row meanwhile.
import { Database } from '@credit/db';
import { addDays, todayInChina } from '@credit/domain';
import { createTestApp, TestApp } from '@credit/testing';
import { insertDepartment, insertRecords, insertSubjects } from './testing/tier-test-data';
import { TierOverridesService } from './tier-overrides.service';
import { TierRecomputeService } from './tier-recompute.service';

describe('full recomputation racing a first tier row', () => {
  let t: TestApp;
  let db: Database;

  beforeAll(async () => {
    t = await createTestApp({ RUN_WORKER_IN_PROCESS: 'false' });
    db = t.db;
  });
  afterAll(() => t.close());

  it('retries the chunk and keeps the row the concurrent transaction committed', async () => {
    const [subjectId] = await db.transaction((sql) => insertSubjects(sql, ['341103']));
    const recompute = t.app.get(TierRecomputeService);
    const overrides = t.app.get(TierOverridesService);
    let concurrent: Promise<void> | null = null;
    const summary = await recompute.recomputeAll({
      onStaged: async () => {
        // Staged without a tier row. This transaction lists the subject (D) and writes its first tier row, and
        // commits only once the chunk has had time to reach its INSERT and wait on that row's key.
        let started!: () => void;
        const written = new Promise<void>((resolve) => (started = resolve));
        concurrent = db.transaction(async (sql) => {
          await overrides.setOverride(sql, { subjectId, source: 'LISTING', sourceId: 'race-1', code: '滁失信〔2026〕9号', description: '严重失信', activeFrom: todayInChina(), activeTo: null });
          await recompute.recomputeSubjects(sql, [subjectId], 'LISTING');
          started();
          await new Promise((resolve) => setTimeout(resolve, 1_500));
        });
        await written;
      },
    });
    await concurrent;
    expect(summary.subjects).toBeGreaterThanOrEqual(1);
    const [tier] = await db.query<{ level: string }>('SELECT level FROM subject_tiers WHERE subject_id = $1', [subjectId]);
    expect(tier.level).toBe('D');
    const history = await db.query<{ level: string; cause: string }>('SELECT level, cause FROM subject_tier_history WHERE subject_id = $1', [subjectId]);
    expect(history).toEqual([{ level: 'D', cause: 'LISTING' }]);
  });

  it('keeps the tier of a subject whose registering transaction commits after staging, inside the chunks\' id range', async () => {
    const recompute = t.app.get(TierRecomputeService);
    const departmentId = await db.transaction((sql) => insertDepartment(sql, 'CZ-TIER-RACE'));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let registered!: (id: string) => void;
    const subjectIdKnown = new Promise<string>((resolve) => (registered = resolve));
    // As an ingest does: registers the subject, writes a serious record and the tier row, and commits only after
    // the full run has staged, so the staged records do not have this one.
    const late = db.transaction(async (sql) => {
      const [id] = await insertSubjects(sql, ['341103']);
      await insertRecords(sql, [
        { subjectId: id, departmentId, decisionNumber: '滁竞罚〔2026〕1号', severity: 'SERIOUS', categories: ['WARNING'], fineAmount: null, confiscatedAmount: null,
          violationType: '无证经营', decisionDate: addDays(todayInChina(), -3), revokedAt: null, repairedOn: null },
      ]);
      await recompute.recomputeSubjects(sql, [id], 'PENALTY_CREATED');
      registered(id);
      await held;
    });
    const subjectId = await subjectIdKnown;
    // A subject with a higher id commits first, so the chunks cover the late one's id although staging missed it.
    const [higher] = await db.transaction((sql) => insertSubjects(sql, ['341103']));
    expect(BigInt(higher)).toBeGreaterThan(BigInt(subjectId));
    await recompute.recomputeAll({
      onStaged: async () => {
        release();
        await late;
      },
    });
    // 100 − 30 (serious) = 70, capped at C; the staged data (no record) would have said A / 100.
    const tierOf = async (id: string) => (await db.query<{ level: string; score: number }>('SELECT level, score FROM subject_tiers WHERE subject_id = $1', [id]))[0];
    expect(await tierOf(subjectId)).toMatchObject({ level: 'C', score: 70 });
    expect(await db.query('SELECT level, cause FROM subject_tier_history WHERE subject_id = $1', [subjectId])).toEqual([{ level: 'C', cause: 'PENALTY_CREATED' }]);
    expect(await tierOf(higher)).toMatchObject({ level: 'A', score: 100 });
  });
});

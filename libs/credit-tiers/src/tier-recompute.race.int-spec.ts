// A full recomputation racing a read-your-writes recomputation that inserts the first tier row of a subject while
// a chunk runs: the chunk's plain INSERT meets that row (unique_violation), the chunk is retried, and the fresher
// row is kept.
import { Database } from '@credit/db';
import { todayInChina } from '@credit/domain';
import { createTestApp, TestApp } from '@credit/testing';
import { insertSubjects } from './testing/tier-test-data';
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
});

// Runs the generated tier SQL. Explicit set-based SQL, not the unit of work: a full recomputation touches every
// subject, and the read-your-writes path runs inside every ingest transaction.
import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { retry } from '@credit/common';
import { Database, isTransactionConflict, isUniqueViolation, pgExecutor, SqlExecutor } from '@credit/db';
import { tierRecomputeRunning } from './credit-tiers.errors';
import { IsoDate, TierRuleSet } from '@credit/domain';
import { buildTierSql, STAGE_DDL, STAGE_DROP, STAGE_INDEXES, TierSqlSet } from './tier-sql.builder';

export interface TierTransition {
  from: string;
  to: string;
  count: number;
}

export interface TierWriteOutcome {
  /** Rows of subject_tiers written. */
  written: number;
  /** Subjects whose level, score, reasons or rule version changed (one history row each). */
  changed: number;
  /** Subjects that moved from one level to another, grouped. */
  transitions: TierTransition[];
}

export interface ChunkProgress {
  chunk: number;
  chunks: number;
  subjectsDone: number;
  subjectsTotal: number;
  changed: number;
}

export interface StagedRunOptions {
  asOf: IsoDate;
  cause: string;
  /** LIKE prefix of region codes, or null for every subject. */
  regionPrefix: string | null;
  chunkSize: number;
  onProgress?: (progress: ChunkProgress) => void;
  /** Sessions evaluating chunks in parallel (each chunk is one transaction). */
  concurrency?: number;
  /** Called (and awaited) once the working tables are filled, before the first chunk. */
  onStaged?: (staged: { subjects: number; records: number; ms: number }) => void | Promise<void>;
}

export interface StagedRunOutcome extends TierWriteOutcome {
  subjects: number;
  chunks: number;
  stagedRecords: number;
  stageMs: number;
}

// Sorts and joins of one chunk (~tens of thousands of subjects) fit in memory instead of spilling to disk.
const CHUNK_WORK_MEM = '64MB';
// Session-level advisory lock key: one full recomputation at a time (the working tables have fixed names).
const RECOMPUTE_ALL_LOCK = 7_300_101;

@Injectable()
export class TierRecomputeRepository {
  private readonly cache = new Map<string, TierSqlSet>();

  sqlFor(rules: TierRuleSet): TierSqlSet {
    let set = this.cache.get(rules.version);
    if (!set) {
      set = buildTierSql(rules);
      this.cache.set(rules.version, set);
    }
    return set;
  }

  /**
   * Recomputes the given subjects inside the caller's transaction, from the records as they are now, and writes
   * every one of them. First the subjects' rows in credit_subjects are locked (FOR NO KEY UPDATE, in id order;
   * a subject a batch names always has that row, a tier row not yet), so two batches touching the same subject
   * wait for each other instead of one writing a tier computed without the other's records: the evaluation is
   * a later statement, whose snapshot includes what the other batch committed. The lock does not block foreign
   * key checks (FOR KEY SHARE), so other departments' records for the subject go in meanwhile.
   */
  async recomputeFresh(sql: SqlExecutor, rules: TierRuleSet, subjectIds: string[], cause: string, asOf: IsoDate): Promise<TierWriteOutcome> {
    const ids = [...new Set(subjectIds)].sort(compareIds);
    if (ids.length === 0) return { written: 0, changed: 0, transitions: [] };
    // One round trip for three things. (1) The lock, by one lateral lookup per id in array order, never a scan.
    // (2) JIT off for the rest of this transaction: the evaluation's estimated cost grows with the tables (the
    // planner cannot know a batch's subjects have a few records each) until it crosses jit_above_cost, and
    // compiling it then takes 0.5–2 s, for a statement that runs in tens of milliseconds. (3) Bitmap and sequential
    // scans off for the evaluation (set back below), which reaches every table by one lookup per subject: each finds
    // a row or a few, and the planner's estimates still chose other scans for them. A bitmap scan (its estimate for
    // a subject's records is several rows) builds and frees a bitmap for each subject: penalty_records' lookups for
    // 600 subjects took 4.5 ms, 2.4 by index scan. A table without statistics, such as an empty one (the overrides
    // of a platform that has listed no one yet), was scanned whole once per subject: 1.8 ms for 900 subjects, 0.3 by
    // index. Plans are made under these settings too, the connection's cached generic plan included (only this
    // method runs `fresh`).
    const [before] = await sql.query<{ bitmap: string; seq: string }>(
      `SELECT current_setting('enable_bitmapscan') AS bitmap, current_setting('enable_seqscan') AS seq,
              set_config('enable_bitmapscan', 'off', true), set_config('enable_seqscan', 'off', true), set_config('jit', 'off', true),
              (SELECT count(*) FROM unnest($1::bigint[]) AS b(id)
                CROSS JOIN LATERAL (SELECT id FROM credit_subjects s WHERE s.id = b.id FOR NO KEY UPDATE) s) AS locked`,
      [ids],
    );
    const { fresh, freshName } = this.sqlFor(rules);
    const [row] = await sql.query<TierWriteOutcome>(fresh, [asOf, ids, cause], freshName);
    // The caller's later statements plan as they would have (a failed statement ends the transaction, and the settings with it).
    if (before.bitmap !== 'off' || before.seq !== 'off') {
      await sql.query(`SELECT set_config('enable_bitmapscan', $1, true), set_config('enable_seqscan', $2, true)`, [before.bitmap, before.seq]);
    }
    return row;
  }

  /**
   * Full recomputation: stage the subjects (with the version of their tier row) and the records that matter on
   * asOf (one scan of penalty_records), then evaluate and write chunk by chunk, one transaction each, on
   * `concurrency` sessions in parallel, so memory stays bounded and progress can be shown. One run at a time.
   */
  async recomputeStaged(db: Database, rules: TierRuleSet, options: StagedRunOptions): Promise<StagedRunOutcome> {
    const sqlSet = this.sqlFor(rules);
    const coordinator = await db.pool.connect();
    const sql = pgExecutor(coordinator);
    const outcome: StagedRunOutcome = { subjects: 0, chunks: 0, stagedRecords: 0, stageMs: 0, written: 0, changed: 0, transitions: [] };
    let locked = false;
    try {
      const [{ ok }] = await sql.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [RECOMPUTE_ALL_LOCK]);
      if (!ok) throw tierRecomputeRunning();
      locked = true;
      const started = Date.now();
      await stageFromOneSnapshot(db, coordinator, sqlSet, options);
      outcome.stageMs = Date.now() - started;
      const [{ n }] = await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM tier_stage_records');
      outcome.stagedRecords = n;
      const chunks = await sql.query<{ lo: string; hi: string; n: number }>(
        `SELECT min(subject_id) AS lo, max(subject_id) AS hi, count(*)::int AS n
           FROM (SELECT subject_id, (row_number() OVER (ORDER BY subject_id) - 1) / $1 AS chunk FROM tier_stage_subjects) x
          GROUP BY chunk ORDER BY chunk`,
        [options.chunkSize],
      );
      outcome.chunks = chunks.length;
      const total = chunks.reduce((sum, chunk) => sum + chunk.n, 0);
      await options.onStaged?.({ subjects: total, records: n, ms: outcome.stageMs });
      const transitions = new Map<string, TierTransition>();
      let next = 0;
      let done = 0;
      let failed = false;
      const worker = async (): Promise<void> => {
        const client = await db.pool.connect();
        try {
          while (!failed && next < chunks.length) {
            const chunk = chunks[next++];
            const result = await inTransaction(client, async () => {
              // synchronous_commit off for the chunk only: its COMMIT does not wait for the WAL flush (~70 MB per
              // first-run chunk). A crash may lose the last chunks' commits, never half-apply one, and the run is
              // re-runnable (it rewrites whatever differs). An ingest keeps the server's setting, and its own
              // synchronous commit flushes the WAL up to its record, so every chunk it read from is durable too.
              await client.query(`SET LOCAL work_mem = '${CHUNK_WORK_MEM}'`);
              await client.query('SET LOCAL synchronous_commit = off');
              return (await client.query<TierWriteOutcome>(sqlSet.chunk, [options.asOf, chunk.lo, chunk.hi, options.cause])).rows[0];
            });
            done += 1;
            outcome.subjects += chunk.n;
            outcome.written += result.written;
            outcome.changed += result.changed;
            for (const t of result.transitions) {
              const key = `${t.from}>${t.to}`;
              const seen = transitions.get(key) ?? { from: t.from, to: t.to, count: 0 };
              seen.count += t.count;
              transitions.set(key, seen);
            }
            options.onProgress?.({ chunk: done, chunks: chunks.length, subjectsDone: outcome.subjects, subjectsTotal: total, changed: outcome.changed });
          }
        } catch (error) {
          failed = true;
          throw error;
        } finally {
          client.release();
        }
      };
      await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 1, chunks.length)) }, worker));
      outcome.transitions = [...transitions.values()].sort((a, b) => (a.from + a.to < b.from + b.to ? -1 : 1));
      return outcome;
    } finally {
      if (locked) {
        await sql.query(STAGE_DROP).catch(() => undefined);
        await sql.query('SELECT pg_advisory_unlock($1)', [RECOMPUTE_ALL_LOCK]).catch(() => undefined);
      }
      coordinator.release();
    }
  }

  /** Subjects whose next review date has come (oldest first), at most `limit`. */
  async findDue(sql: SqlExecutor, today: IsoDate, limit: number): Promise<string[]> {
    const rows = await sql.query<{ subject_id: string }>(
      'SELECT subject_id FROM subject_tiers WHERE next_review_on <= $1::date ORDER BY next_review_on, subject_id LIMIT $2',
      [today, limit],
    );
    return rows.map((row) => row.subject_id);
  }
}

/** Parts penalty_records' pages are staged in, taken in turn by the two staging sessions (even shares). */
const RECORD_STAGE_PARTS = 4;

/**
 * Fills the working tables on two sessions at once (the subjects and four page ranges of penalty_records, taken in
 * turn), both reading ONE snapshot: the coordinator's REPEATABLE READ transaction exports it, the helper's adopts
 * it. That keeps what staging the subjects before the records gave: an ingest that commits after the snapshot has
 * rewritten its subjects' tier rows (a new xmin), so the chunks keep what it wrote and never overwrite it with a
 * tier computed without its records. Then each session indexes and analyses one of the two tables.
 */
async function stageFromOneSnapshot(db: Database, coordinator: PoolClient, sqlSet: TierSqlSet, options: StagedRunOptions): Promise<void> {
  await coordinator.query(STAGE_DROP);
  for (const ddl of STAGE_DDL) await coordinator.query(ddl);
  const helper = await db.pool.connect();
  const sessions = [coordinator, helper];
  try {
    try {
      await coordinator.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
      const { snapshot, pages } = (
        await coordinator.query<{ snapshot: string; pages: string }>(
          `SELECT pg_export_snapshot() AS snapshot, pg_relation_size('penalty_records') / current_setting('block_size')::bigint AS pages`,
        )
      ).rows[0];
      if (!/^[0-9A-F-]+$/i.test(snapshot)) throw new Error(`unexpected snapshot id ${snapshot}`);
      await helper.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
      await helper.query(`SET TRANSACTION SNAPSHOT '${snapshot}'`);
      // Page ranges [bound(i), bound(i + 1)); the last one open-ended, so pages added meanwhile are not missed.
      const bound = (part: number) => (part === RECORD_STAGE_PARTS ? null : String(Math.floor((Number(pages) * part) / RECORD_STAGE_PARTS)));
      const parts: [string, unknown[]][] = [
        [sqlSet.stageSubjects, [options.regionPrefix]],
        ...Array.from({ length: RECORD_STAGE_PARTS }, (_, i): [string, unknown[]] => [sqlSet.stageRecords, [options.asOf, options.regionPrefix, bound(i), bound(i + 1)]]),
      ];
      let next = 0;
      await Promise.all(sessions.map(async (session) => {
        while (next < parts.length) await session.query(...parts[next++]);
      }));
      for (const session of sessions) await session.query('COMMIT');
    } catch (error) {
      await Promise.all(sessions.map((session) => session.query('ROLLBACK').catch(() => undefined)));
      throw error;
    }
    await Promise.all([STAGE_INDEXES.subjects, STAGE_INDEXES.records].map(async (statements, i) => {
      for (const statement of statements) await sessions[i].query(statement);
    }));
  } finally {
    helper.release();
  }
}

/**
 * One chunk transaction on the staging session. Retried: a deadlock with a concurrent ingest, and a tier row an
 * ingest inserted after the chunk's snapshot (unique_violation on the chunk's plain INSERT; the retry sees it).
 */
function inTransaction<T>(client: PoolClient, fn: () => Promise<T>, attempts = 5): Promise<T> {
  return retry(
    async () => {
      await client.query('BEGIN');
      try {
        const result = await fn();
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    },
    { attempts, retryable: (error) => isTransactionConflict(error) || isUniqueViolation(error) },
  );
}

function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

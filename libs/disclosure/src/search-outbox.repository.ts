// The outbox as set-based SQL: enqueue inside the writer's transaction, claim with SKIP LOCKED and a lease,
// ack only the version that was delivered, back off on failure.
import { Injectable } from '@nestjs/common';
import { BackoffPolicy, backoffDelay } from '@credit/common';
import type { SqlExecutor } from '@credit/db';

export interface ClaimedEntry {
  recordId: string;
  version: number;
  attempts: number;
}

export interface OutboxStats {
  /** Undelivered rows. */
  depth: number;
  /** Age in seconds of the oldest undelivered change; 0 when the outbox is drained. */
  lagSeconds: number;
  /** Rows in the dead-letter state (not in depth or lag: they wait for `search:retry`, not for the worker). */
  deadLetters: number;
}

/** A claimed entry whose document could not be built, with the reason. */
export interface PoisonEntry extends ClaimedEntry {
  error: string;
}

export interface DeadLetter {
  recordId: string;
  decisionNumber: string;
  departmentCode: string;
  attempts: number;
  lastError: string | null;
  deadAt: Date;
}

/** Retry delay after the n-th failed attempt: 1 s, 2 s, 4 s … capped at 5 minutes. */
export const OUTBOX_BACKOFF: BackoffPolicy = { baseMs: 1_000, maxMs: 300_000 };

/** OUTBOX_BACKOFF in whole seconds, as next_attempt_at = now() + n seconds takes it. */
export function backoffSeconds(attempts: number): number {
  return backoffDelay(attempts, OUTBOX_BACKOFF) / 1_000;
}

/** A pending row for each of the record ids in $1, in id order (two batches lock rows in the same order). */
const INSERT_PENDING = `INSERT INTO search_outbox AS o (record_id, version, writer_xid, enqueued_at, attempts, next_attempt_at, delivered_at, last_error)
       SELECT t.id, nextval('search_outbox_version_seq'), pg_current_xact_id(), clock_timestamp(), 0, now(), NULL, NULL
         FROM (SELECT DISTINCT unnest($1::bigint[]) AS id) t ORDER BY t.id`;

@Injectable()
export class SearchOutboxRepository {
  /**
   * Marks records changed. The version is drawn in the DO UPDATE branch, i.e. after the row lock is held, so
   * a later commit always carries a larger version than an earlier one for the same record. Ids are sorted so
   * two concurrent batches lock rows in the same order. With `skipPending`, rows already waiting are left as they
   * are (the sweep uses it: a pending row is delivered from the current state anyway). Returns the rows written.
   */
  async enqueue(sql: SqlExecutor, recordIds: string[], skipPending = false): Promise<number> {
    if (recordIds.length === 0) return 0;
    const rows = await sql.query(
      `${INSERT_PENDING}
       ON CONFLICT (record_id) DO UPDATE
          SET version = nextval('search_outbox_version_seq'), writer_xid = EXCLUDED.writer_xid,
              enqueued_at = CASE WHEN o.delivered_at IS NULL THEN o.enqueued_at ELSE EXCLUDED.enqueued_at END,
              attempts = 0, next_attempt_at = now(), delivered_at = NULL, last_error = NULL, dead_at = NULL
        WHERE NOT $2::boolean OR o.delivered_at IS NOT NULL
       RETURNING 1`,
      [recordIds, skipPending],
    );
    return rows.length;
  }

  /**
   * Marks records created in this transaction changed. No other transaction can know their ids yet, so none
   * has an outbox row for them, and a plain INSERT needs no conflict arbiter (ON CONFLICT probes the primary key
   * before each row and writes a second WAL record to confirm it): 362–433 ms against 487–549 ms for the outbox
   * rows of 20,162 new records (bench/ingest/profile.ts, three alternating pairs).
   */
  async enqueueCreated(sql: SqlExecutor, recordIds: string[]): Promise<number> {
    if (recordIds.length === 0) return 0;
    return (await sql.query(`${INSERT_PENDING} RETURNING 1`, [recordIds])).length;
  }

  /** Marks every record of these subjects changed (an approved rename). */
  async enqueueSubjects(sql: SqlExecutor, subjectIds: string[]): Promise<number> {
    const rows = await sql.query<{ id: string }>(`SELECT id::text AS id FROM penalty_records WHERE subject_id = ANY($1::bigint[])`, [subjectIds]);
    return this.enqueue(sql, rows.map((row) => row.id));
  }

  /** Claims due rows for `leaseSeconds`; another worker skips them meanwhile, and takes them over after. */
  async claim(sql: SqlExecutor, limit: number, leaseSeconds: number): Promise<ClaimedEntry[]> {
    const rows = await sql.query<{ record_id: string; version: string; attempts: number }>(
      `UPDATE search_outbox o SET next_attempt_at = now() + $2 * interval '1 second', attempts = o.attempts + 1
         FROM (SELECT record_id FROM search_outbox WHERE delivered_at IS NULL AND dead_at IS NULL AND next_attempt_at <= now()
                ORDER BY next_attempt_at, record_id LIMIT $1 FOR UPDATE SKIP LOCKED) c
        WHERE o.record_id = c.record_id
        RETURNING o.record_id::text AS record_id, o.version::text AS version, o.attempts`,
      [limit, leaseSeconds],
    );
    return rows.map((row) => ({ recordId: row.record_id, version: Number(row.version), attempts: row.attempts }));
  }

  /** Acknowledges exactly the delivered versions: a row changed meanwhile stays pending for its new version. */
  async ack(sql: SqlExecutor, entries: ClaimedEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await sql.query(
      `UPDATE search_outbox o SET delivered_at = now(), attempts = 0, last_error = NULL
         FROM unnest($1::bigint[], $2::bigint[]) AS a(id, version)
        WHERE o.record_id = a.id AND o.version = a.version`,
      [entries.map((e) => e.recordId), entries.map((e) => e.version)],
    );
  }

  async fail(sql: SqlExecutor, entries: ClaimedEntry[], error: string): Promise<void> {
    if (entries.length === 0) return;
    await sql.query(
      `UPDATE search_outbox o SET next_attempt_at = now() + a.delay * interval '1 second', last_error = left($4, 500)
         FROM unnest($1::bigint[], $2::bigint[], $3::int[]) AS a(id, version, delay)
        WHERE o.record_id = a.id AND o.version = a.version`,
      [entries.map((e) => e.recordId), entries.map((e) => e.version), entries.map((e) => backoffSeconds(e.attempts)), error],
    );
  }

  /**
   * Entries whose document could not be built: back off like a failure, and after `maxAttempts` attempts move to
   * the dead-letter state so one poison record stops coming back forever. Only the claimed version is touched.
   */
  async failPoison(sql: SqlExecutor, entries: PoisonEntry[], maxAttempts: number): Promise<number> {
    if (entries.length === 0) return 0;
    const rows = await sql.query<{ dead: boolean }>(
      `UPDATE search_outbox o SET last_error = left(a.error, 500),
              dead_at = CASE WHEN o.attempts >= $5 THEN now() END,
              next_attempt_at = now() + a.delay * interval '1 second'
         FROM unnest($1::bigint[], $2::bigint[], $3::int[], $4::text[]) AS a(id, version, delay, error)
        WHERE o.record_id = a.id AND o.version = a.version
       RETURNING o.dead_at IS NOT NULL AS dead`,
      [entries.map((e) => e.recordId), entries.map((e) => e.version), entries.map((e) => backoffSeconds(e.attempts)), entries.map((e) => e.error), maxAttempts],
    );
    return rows.filter((row) => row.dead).length;
  }

  async stats(sql: SqlExecutor): Promise<OutboxStats> {
    const [row] = await sql.query<{ depth: number; lag: number | null; dead: number }>(
      `SELECT count(*) FILTER (WHERE dead_at IS NULL)::int AS depth,
              extract(epoch FROM now() - min(enqueued_at) FILTER (WHERE dead_at IS NULL))::float8 AS lag,
              count(*) FILTER (WHERE dead_at IS NOT NULL)::int AS dead
         FROM search_outbox WHERE delivered_at IS NULL`,
    );
    return { depth: row.depth, lagSeconds: Math.max(0, row.lag ?? 0), deadLetters: row.dead };
  }

  /** The dead letters, oldest first, with what an operator needs to find the record. */
  async deadLetters(sql: SqlExecutor, limit: number): Promise<DeadLetter[]> {
    const rows = await sql.query<{ record_id: string; decision_number: string; department_code: string; attempts: number; last_error: string | null; dead_at: Date }>(
      `SELECT o.record_id::text AS record_id, r.decision_number, d.code AS department_code, o.attempts, o.last_error, o.dead_at
         FROM search_outbox o JOIN penalty_records r ON r.id = o.record_id JOIN departments d ON d.id = r.department_id
        WHERE o.dead_at IS NOT NULL AND o.delivered_at IS NULL
        ORDER BY o.dead_at, o.record_id LIMIT $1`,
      [limit],
    );
    return rows.map((row) => ({
      recordId: row.record_id,
      decisionNumber: row.decision_number,
      departmentCode: row.department_code,
      attempts: row.attempts,
      lastError: row.last_error,
      deadAt: row.dead_at,
    }));
  }

  /** Makes dead letters due again (all of them, or the given record ids); returns the record ids revived. */
  async retryDeadLetters(sql: SqlExecutor, recordIds: string[] | null): Promise<string[]> {
    const rows = await sql.query<{ record_id: string }>(
      `UPDATE search_outbox SET dead_at = NULL, attempts = 0, next_attempt_at = now(), last_error = NULL
        WHERE dead_at IS NOT NULL AND delivered_at IS NULL AND ($1::bigint[] IS NULL OR record_id = ANY($1::bigint[]))
       RETURNING record_id::text AS record_id`,
      [recordIds],
    );
    return rows.map((row) => row.record_id).sort((a, b) => Number(a) - Number(b));
  }

  /** The snapshot of the caller's transaction, for changedSince to tell what a rebuild did not see. */
  async currentSnapshot(sql: SqlExecutor): Promise<string> {
    const [{ snapshot }] = await sql.query<{ snapshot: string }>('SELECT pg_current_snapshot()::text AS snapshot');
    return snapshot;
  }

  /** Rows whose latest change a rebuild's snapshot did not see, in record order. */
  async changedSince(sql: SqlExecutor, snapshot: string, afterId: string, limit: number): Promise<{ id: string; version: number }[]> {
    const rows = await sql.query<{ id: string; version: string }>(
      `SELECT record_id::text AS id, version::text AS version FROM search_outbox
        WHERE NOT pg_visible_in_snapshot(writer_xid, $1::pg_snapshot) AND record_id > $2::bigint
        ORDER BY record_id LIMIT $3`,
      [snapshot, afterId, limit],
    );
    return rows.map((row) => ({ id: row.id, version: Number(row.version) }));
  }
}

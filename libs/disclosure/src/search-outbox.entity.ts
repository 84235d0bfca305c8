import { BigIntType, Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * Transactional outbox of the search index (检索索引发件箱): one row per penalty record, upserted in the same
 * transaction as every change that can alter its public projection (created, updated, revoked, repaired,
 * expiry swept). `version` is drawn from `search_outbox_version_seq` under the row lock, so versions grow in
 * commit order per record and serve as the index's external version. A delivered row stays (delivered_at set)
 * as the record's last indexed version: reindexing reads it to version the documents it rebuilds, and
 * `writer_xid` tells which changes a rebuild's snapshot did not see.
 *
 * Measured against an outbox derived from a change sequence on the records themselves: pushes of 50,000 new
 * records (bench/ingest, three rounds of two pushes, the variants alternating) took 4.45 s with these rows, 4.28 s
 * with a `change_seq` column on penalty_records instead (a sequence default and a btree index), and 4.25 s with no
 * outbox at all. So the rows cost ~4 % of a push, and a sequence on the records would save about that. Not adopted
 * for it: a sequence value is drawn before its transaction commits, so a reader must hold back at the oldest
 * writer still running (as `writer_xid` lets a rebuild do); attempts, backoff and dead letters, kept per row here,
 * would need a table of their own; and the indexed version would move onto the record.
 */
@Entity({ tableName: 'search_outbox' })
@Index({
  name: 'search_outbox_pending_idx',
  expression: 'create index "search_outbox_pending_idx" on "search_outbox" ("next_attempt_at", "record_id") where "delivered_at" is null and "dead_at" is null',
})
export class SearchOutboxEntry {
  @PrimaryKey({ type: new BigIntType('string'), autoincrement: false })
  recordId!: string;

  @Property({ type: new BigIntType('string') }) version!: string;
  /** Transaction that wrote the latest change (pg_current_xact_id()). */
  @Property({ columnType: 'xid8' }) writerXid!: string;
  /** When the oldest undelivered change was written: index lag is measured from it. */
  @Property({ type: 'timestamptz' }) enqueuedAt!: Date;
  @Property({ default: 0 }) attempts!: number;
  @Property({ type: 'timestamptz' }) nextAttemptAt!: Date;
  @Property({ type: 'timestamptz', nullable: true }) deliveredAt!: Date | null;
  @Property({ length: 500, nullable: true }) lastError!: string | null;
  /**
   * Dead-letter state (死信): set when the record's document could not be built OUTBOX_MAX_ATTEMPTS times. The
   * row is no longer claimed or counted in the lag; `search:dead-letters` lists it and `search:retry` (or any new
   * change to the record) makes it due again.
   */
  @Property({ type: 'timestamptz', nullable: true }) deadAt!: Date | null;
}

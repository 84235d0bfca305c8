import { Migration } from '@mikro-orm/migrations';

/** The search outbox's dead-letter state: a poison record stops being claimed after OUTBOX_MAX_ATTEMPTS. */
export class Migration20261203220000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "search_outbox" add column "dead_at" timestamptz null;`);
    this.addSql(`drop index "search_outbox_pending_idx";`);
    this.addSql(`create index "search_outbox_pending_idx" on "search_outbox" ("next_attempt_at", "record_id") where "delivered_at" is null and "dead_at" is null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "search_outbox_pending_idx";`);
    this.addSql(`create index "search_outbox_pending_idx" on "search_outbox" ("next_attempt_at", "record_id") where "delivered_at" is null;`);
    this.addSql(`alter table "search_outbox" drop column "dead_at";`);
  }
}

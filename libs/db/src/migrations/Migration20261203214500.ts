import { Migration } from '@mikro-orm/migrations';

/**
 * Audit chain, second hash scheme: every column (hash_version 2), and signed checkpoints of the chain head kept
 * outside audit_log. Rows written before keep hash_version 1 and stay verifiable as they were hashed: re-chaining
 * them here would make whatever they hold now (tampered or not) the signed truth.
 */
export class Migration20261203214500 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "audit_log" add column "hash_version" smallint not null default 1;`);
    this.addSql(`create table "audit_checkpoints" ("id" bigserial primary key, "created_at" timestamptz not null, "last_id" bigint not null, "row_count" bigint not null, "head_hash" varchar(64) not null, "mac" varchar(64) not null);`);
    this.addSql(`create or replace function audit_log_append_only() returns trigger language plpgsql as $$
      begin
        raise exception '% is append-only (% refused)', tg_table_name, tg_op using errcode = 'insufficient_privilege';
      end $$;`);
    // Hand-written: append-only like audit_log (the application role is granted INSERT and SELECT only; this
    // also stops the owner's own mistakes).
    this.addSql(`create trigger audit_checkpoints_no_update_delete before update or delete on audit_checkpoints
      for each row execute function audit_log_append_only();`);
    this.addSql(`create trigger audit_checkpoints_no_truncate before truncate on audit_checkpoints
      for each statement execute function audit_log_append_only();`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "audit_checkpoints" cascade;');
    this.addSql('alter table "audit_log" drop column if exists "hash_version";');
  }

}

import { Migration } from '@mikro-orm/migrations';

/**
 * The audit log is append-only: UPDATE, DELETE and TRUNCATE raise an error for every role (the application
 * connects as one role, often the owner, so a GRANT alone would not hold). Only someone who can disable the
 * trigger can rewrite history, and `audit:verify` then finds the break in the hash chain.
 */
export class Migration20261128121243 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create function audit_log_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'audit_log is append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
      end $$;`);
    this.addSql(`create trigger audit_log_no_update_delete before update or delete on audit_log
      for each row execute function audit_log_append_only();`);
    this.addSql(`create trigger audit_log_no_truncate before truncate on audit_log
      for each statement execute function audit_log_append_only();`);
  }

  override async down(): Promise<void> {
    this.addSql('drop trigger if exists audit_log_no_truncate on audit_log;');
    this.addSql('drop trigger if exists audit_log_no_update_delete on audit_log;');
    this.addSql('drop function if exists audit_log_append_only();');
  }
}

import { Migration } from '@mikro-orm/migrations';

/**
 * subject_tiers and subject_tier_history checked against credit_subjects once per statement, not once per row.
 *
 * A foreign key runs one lookup-and-lock query per inserted row. A first full recomputation inserts a tier row
 * for every subject and a history row for most, and those per-row checks were a quarter of its chunk statements
 * (bench/tiers/profile.ts, 300k subjects: 98 ms + 54 ms of a 645 ms chunk). The triggers below keep each
 * guarantee the two constraints gave, set-based:
 * - an inserted row must name an existing subject, and that subject is locked FOR KEY SHARE until the inserting
 *   transaction ends (as the foreign key's check does), so a concurrent DELETE of it waits and cannot orphan the
 *   row; a missing subject raises foreign_key_violation (23503), as before;
 * - deleting a subject deletes its tier and history rows (was ON DELETE CASCADE);
 * - changing a subject's id carries the change over (was ON UPDATE CASCADE), and TRUNCATE credit_subjects empties
 *   both tables (a foreign key made the truncation include them).
 * Deleting or renumbering subjects (nothing in the platform does either) is refused outside READ COMMITTED: there
 * the cascade's snapshot could miss a tier row committed meanwhile.
 * Rows already stored are unchanged.
 */
export class Migration20261205020000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "subject_tiers" drop constraint "subject_tiers_subject_id_foreign";`);
    this.addSql(`alter table "subject_tier_history" drop constraint "subject_tier_history_subject_id_foreign";`);
    this.addSql(`create function require_credit_subjects() returns trigger language plpgsql as ${REQUIRE_CREDIT_SUBJECTS_BODY}`);
    this.addSql(`create function require_credit_subject_of_row() returns trigger language plpgsql as $$
begin
  perform 1 from credit_subjects s where s.id = new.subject_id for key share of s;
  if not found then
${missingSubject('new.subject_id')}
  end if;
  return null;
end $$;`);
    for (const table of TABLES) {
      this.addSql(`create trigger ${table}_subject_exists_on_insert after insert on "${table}"
        referencing new table as new_rows for each statement execute function require_credit_subjects();`);
      // The platform never changes subject_id; should anything do so, the new id is checked row by row (the
      // WHEN clause keeps every other update free of it).
      this.addSql(`create trigger ${table}_subject_exists_on_update after update on "${table}"
        for each row when (old.subject_id is distinct from new.subject_id) execute function require_credit_subject_of_row();`);
    }
    this.addSql(`create function cascade_credit_subject_delete_to_tiers() returns trigger language plpgsql as $$
begin
${READ_COMMITTED_ONLY}
  delete from subject_tier_history h using old_subjects o where h.subject_id = o.id;
  delete from subject_tiers t using old_subjects o where t.subject_id = o.id;
  return null;
end $$;`);
    this.addSql(`create trigger credit_subjects_delete_tiers after delete on credit_subjects
      referencing old table as old_subjects for each statement execute function cascade_credit_subject_delete_to_tiers();`);
    this.addSql(`create function cascade_credit_subject_id_to_tiers() returns trigger language plpgsql as $$
begin
${READ_COMMITTED_ONLY}
  update subject_tier_history set subject_id = new.id where subject_id = old.id;
  update subject_tiers set subject_id = new.id where subject_id = old.id;
  return null;
end $$;`);
    this.addSql(`create trigger credit_subjects_id_to_tiers after update of id on credit_subjects
      for each row when (old.id is distinct from new.id) execute function cascade_credit_subject_id_to_tiers();`);
    // TRUNCATE credit_subjects took the tier tables with it (a referenced table cannot be truncated alone). When
    // the same statement named them they are empty by now, and truncating them again would fail (in use).
    this.addSql(`create function cascade_credit_subject_truncate_to_tiers() returns trigger language plpgsql as $$
begin
  if exists (select 1 from subject_tier_history) or exists (select 1 from subject_tiers) then
    truncate subject_tier_history, subject_tiers;
  end if;
  return null;
end $$;`);
    this.addSql(`create trigger credit_subjects_truncate_tiers after truncate on credit_subjects
      for each statement execute function cascade_credit_subject_truncate_to_tiers();`);
  }

  override async down(): Promise<void> {
    this.addSql('drop trigger if exists credit_subjects_truncate_tiers on credit_subjects;');
    this.addSql('drop trigger if exists credit_subjects_id_to_tiers on credit_subjects;');
    this.addSql('drop trigger if exists credit_subjects_delete_tiers on credit_subjects;');
    for (const table of TABLES) {
      this.addSql(`drop trigger if exists ${table}_subject_exists_on_update on "${table}";`);
      this.addSql(`drop trigger if exists ${table}_subject_exists_on_insert on "${table}";`);
    }
    this.addSql('drop function if exists cascade_credit_subject_truncate_to_tiers();');
    this.addSql('drop function if exists cascade_credit_subject_id_to_tiers();');
    this.addSql('drop function if exists cascade_credit_subject_delete_to_tiers();');
    this.addSql('drop function if exists require_credit_subject_of_row();');
    this.addSql('drop function if exists require_credit_subjects();');
    this.addSql(`alter table "subject_tiers" add constraint "subject_tiers_subject_id_foreign" foreign key ("subject_id") references "credit_subjects" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "subject_tier_history" add constraint "subject_tier_history_subject_id_foreign" foreign key ("subject_id") references "credit_subjects" ("id") on update cascade on delete cascade;`);
  }
}

const TABLES = ['subject_tiers', 'subject_tier_history'] as const;

/** require_credit_subjects()'s body as created here; Migration20261206100000's down puts it back. */
export const REQUIRE_CREDIT_SUBJECTS_BODY = `$$
declare
  wanted bigint;
  locked bigint;
  missing bigint;
begin
  select count(distinct subject_id) into wanted from new_rows;
  select count(*) into locked from (
    select 1 from credit_subjects s where s.id in (select subject_id from new_rows) for key share of s
  ) l;
  if locked <> wanted then
    select min(n.subject_id) into missing from new_rows n
     where not exists (select 1 from credit_subjects s where s.id = n.subject_id);
${missingSubject('missing')}
  end if;
  return null;
end $$;`;

/** The foreign key's error (23503, with the key in the detail) for the subject id `key`, an expression. */
export function missingSubject(key: string): string {
  return `    raise exception 'insert or update on table "%" names a credit subject that does not exist', tg_table_name
      using errcode = 'foreign_key_violation', detail = format('Key (subject_id)=(%s) is not present in table "credit_subjects".', ${key});`;
}

/**
 * The cascades cannot see rows committed after their transaction's snapshot (a foreign key checks them against a
 * current one): outside READ COMMITTED such a row would be left behind, so the change is refused there.
 */
const READ_COMMITTED_ONLY = `  if current_setting('transaction_isolation') <> 'read committed' then
    raise exception 'credit subjects can be deleted or renumbered only in a READ COMMITTED transaction (their tier rows follow them)'
      using errcode = 'feature_not_supported';
  end if;`;

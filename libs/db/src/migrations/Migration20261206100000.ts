import { Migration } from '@mikro-orm/migrations';

/**
 * The set-based subject check of subject_tiers and subject_tier_history inserts (Migration20261205020000) probes
 * credit_subjects by primary key once per distinct subject of the statement, in one query, instead of counting the
 * distinct subjects and then locking them through a semi-join the planner was free to run as a hash join over a
 * scan of the whole table.
 *
 * The planner took that scan while the table was small enough for it to look cheaper, and PL/pgSQL keeps a plan
 * for the session, for each table the trigger is on, until something invalidates it (an ANALYZE of
 * credit_subjects, DDL). On 18,767 subjects, an insert of 300 tier history
 * rows (an ingest batch's size) scanned all of them. 200 such inserts, alternately, in a rolled-back transaction
 * that held the subjects first as the ingest does: 5.1–5.7 ms each with the old check, 2.4–2.9 ms with this one,
 * 1.7 ms with none. Inserting a row for each of the 18,767 subjects in one statement took 653–783 ms against 697–742 ms. On
 * the tier bench's 1,000,000 subjects the old check already probed by key, and a full recomputation took as long
 * with either (first runs 25.2 and 29.5 s against 29.9 and 27.3 s, alternately).
 *
 * The probes keep to the primary key however small the table was when the session planned them (the function runs
 * with enable_seqscan off), so the check's work follows the rows inserted, not the table's size. Only a refused
 * insert reads more: naming the smallest missing id reads the whole primary key once.
 *
 * Guarantees unchanged: each subject is locked FOR KEY SHARE until the inserting transaction ends, a missing one
 * raises foreign_key_violation (23503) naming the smallest missing id, and a null subject_id is not the check's to
 * refuse (as with a foreign key; both columns are NOT NULL).
 */
export class Migration20261206100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(requireCreditSubjects(`select count(*), count(l.id) into wanted, locked
    from (select distinct subject_id from new_rows where subject_id is not null) n
    left join lateral (select s.id from credit_subjects s where s.id = n.subject_id for key share of s) l on true;`, 'set enable_seqscan = off'));
  }

  override async down(): Promise<void> {
    this.addSql(requireCreditSubjects(`select count(distinct subject_id) into wanted from new_rows;
  select count(*) into locked from (
    select 1 from credit_subjects s where s.id in (select subject_id from new_rows) for key share of s
  ) l;`, ''));
  }
}

/**
 * The trigger function, with `lockSubjects` setting `wanted` (distinct subjects inserted) and `locked` (found and
 * locked), and `settings` applied while it runs. Up turns enable_seqscan off there: PL/pgSQL keeps a plan made when
 * credit_subjects was small (a first ingest into a new database), and a probe planned then as a scan of its few rows
 * would scan every row for each subject once the table has grown.
 */
function requireCreditSubjects(lockSubjects: string, settings: string): string {
  return `create or replace function require_credit_subjects() returns trigger language plpgsql ${settings} as $$
declare
  wanted bigint;
  locked bigint;
  missing bigint;
begin
  ${lockSubjects}
  if locked <> wanted then
    select min(n.subject_id) into missing from new_rows n
     where not exists (select 1 from credit_subjects s where s.id = n.subject_id);
    raise exception 'insert or update on table "%" names a credit subject that does not exist', tg_table_name
      using errcode = 'foreign_key_violation', detail = format('Key (subject_id)=(%s) is not present in table "credit_subjects".', missing);
  end if;
  return null;
end $$;`;
}

import { Migration } from '@mikro-orm/migrations';
import { missingSubject, REQUIRE_CREDIT_SUBJECTS_BODY } from './Migration20261205020000';

/**
 * The set-based subject check of subject_tiers and subject_tier_history inserts (Migration20261205020000) probes
 * credit_subjects by primary key once per distinct subject of the statement, in one query, instead of counting the
 * distinct subjects and then locking them through a semi-join the planner was free to run as a hash join over a
 * scan of the whole table.
 *
 * The planner took that scan while the table was small enough for it to look cheaper, and PL/pgSQL keeps a plan
 * for the session, for each table the trigger is on, until something invalidates it (an ANALYZE of
 * credit_subjects, DDL). On 18,767 subjects, an insert of 300 tier history rows (an ingest batch's size) scanned
 * all of them. 200 such inserts, alternately, in a rolled-back transaction that held the subjects first as the
 * ingest does: 2.7–2.8 ms each with the old check, 1.6 ms with this one, 1.2 ms with none. One statement inserting
 * a row for each of the 18,767 subjects, five times: 499–529 ms with the old check (its hash join), 535–576 ms with
 * this one. On the tier bench's 1,000,000 subjects the old check already probed by key, and a full recomputation
 * took as long with either (first runs 25.2 and 29.5 s against 29.9 and 27.3 s, alternately).
 *
 * The probes keep to the primary key however small the table was when the session planned them (the function runs
 * with enable_seqscan off), so the check's work follows the rows inserted, never the table's size; the same probes
 * find the smallest missing id of a refused insert (the old function looked for it in a second query).
 *
 * Guarantees unchanged: each subject is locked FOR KEY SHARE until the inserting transaction ends, a missing one
 * raises foreign_key_violation (23503) naming the smallest missing id, and a null subject_id is not the check's to
 * refuse (as with a foreign key; both columns are NOT NULL).
 */
export class Migration20261206100000 extends Migration {
  override async up(): Promise<void> {
    // enable_seqscan off while the function runs: PL/pgSQL keeps a plan made when credit_subjects was small (a
    // first ingest into a new database), and a probe planned then as a scan of its few rows would scan every row
    // for each subject once the table has grown. The same probes name the smallest missing subject.
    this.addSql(`create or replace function require_credit_subjects() returns trigger language plpgsql set enable_seqscan = off as $$
declare
  missing bigint;
begin
  select min(n.subject_id) filter (where l.id is null) into missing
    from (select distinct subject_id from new_rows where subject_id is not null) n
    left join lateral (select s.id from credit_subjects s where s.id = n.subject_id for key share of s) l on true;
  if missing is not null then
${missingSubject('missing')}
  end if;
  return null;
end $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`create or replace function require_credit_subjects() returns trigger language plpgsql as ${REQUIRE_CREDIT_SUBJECTS_BODY}`);
  }
}


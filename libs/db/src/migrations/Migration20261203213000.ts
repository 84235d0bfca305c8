import { Migration } from '@mikro-orm/migrations';

/**
 * Departments publish only as themselves or as an authority an admin granted (department_reporting_authorities);
 * a pushed name for a known subject becomes a PENDING name change for review instead of a rename.
 */
export class Migration20261203213000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "department_reporting_authorities" ("id" bigserial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "department_id" bigint not null, "authority_uscc" varchar(18) not null, "authority_name" varchar(200) not null);`);
    this.addSql(`alter table "department_reporting_authorities" add constraint "department_reporting_authorities_grant_unique" unique ("department_id", "authority_uscc");`);
    this.addSql(`alter table "department_reporting_authorities" add constraint "department_reporting_authorities_department_id_foreign" foreign key ("department_id") references "departments" ("id") on update cascade on delete cascade;`);

    // Every existing row is a rename ingest already applied: APPROVED, proposed when it happened.
    this.addSql(`alter table "subject_name_changes" add column "status" varchar(16) not null default 'APPROVED', add column "proposed_by_department_id" bigint null, add column "decision_number" varchar(128) null, add column "proposed_at" timestamptz not null default now();`);
    this.addSql(`update "subject_name_changes" set "proposed_at" = "changed_at";`);
    this.addSql(`alter table "subject_name_changes" alter column "changed_at" drop default, alter column "changed_at" drop not null;`);
    this.addSql(`create unique index "subject_name_changes_pending_unique" on "subject_name_changes" ("subject_id", "new_name") where "status" = 'PENDING';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "subject_name_changes_pending_unique";`);
    this.addSql(`delete from "subject_name_changes" where "status" <> 'APPROVED';`);
    this.addSql(`update "subject_name_changes" set "changed_at" = "proposed_at" where "changed_at" is null;`);
    this.addSql(`alter table "subject_name_changes" alter column "changed_at" set default now(), alter column "changed_at" set not null;`);
    this.addSql(`alter table "subject_name_changes" drop column "status", drop column "proposed_by_department_id", drop column "decision_number", drop column "proposed_at";`);
    this.addSql(`drop table if exists "department_reporting_authorities" cascade;`);
  }

}

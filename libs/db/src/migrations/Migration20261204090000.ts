import { Migration } from '@mikro-orm/migrations';

/**
 * Working days (工作日): the years of the working calendar an admin loaded; the list types' objection window
 * unit and answer deadline; each objection's answer day; the warning a weekends-only deadline carries.
 * Existing list types keep calendar days (their objectionDays were entered as 自然日).
 */
export class Migration20261204090000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "working_calendar_years" ("id" bigserial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "year" int not null, "sources" jsonb not null, "holidays" date[] not null, "workdays" date[] not null, "loaded_by" varchar(200) not null);`);
    this.addSql(`alter table "working_calendar_years" add constraint "working_calendar_years_year_unique" unique ("year");`);
    this.addSql(`alter table "list_types" add column "objection_day_unit" varchar(16) not null default 'CALENDAR', add column "objection_answer_days" int null;`);
    this.addSql(`alter table "list_types" add constraint "list_types_objection_unit_valid" check (objection_day_unit = 'WORKING' or objection_day_unit = 'CALENDAR');`);
    this.addSql(`alter table "list_types" add constraint "list_types_objection_answer_days_valid" check (objection_answer_days is null or objection_answer_days >= 1);`);
    this.addSql(`alter table "listings" add column "objection_deadline_warning" varchar(500) null;`);
    this.addSql(`alter table "listing_objections" add column "answer_due" date null, add column "answer_due_warning" varchar(500) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "listing_objections" drop column "answer_due", drop column "answer_due_warning";`);
    this.addSql(`alter table "listings" drop column "objection_deadline_warning";`);
    this.addSql(`alter table "list_types" drop constraint "list_types_objection_answer_days_valid";`);
    this.addSql(`alter table "list_types" drop constraint "list_types_objection_unit_valid";`);
    this.addSql(`alter table "list_types" drop column "objection_day_unit", drop column "objection_answer_days";`);
    this.addSql(`drop table if exists "working_calendar_years" cascade;`);
  }
}

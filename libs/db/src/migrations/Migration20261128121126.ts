import { Migration } from '@mikro-orm/migrations';

export class Migration20261128121126 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "joint_punishment_checks" ("id" bigserial primary key, "department_id" bigint not null, "uscc" varchar(18) not null, "subject_id" bigint null, "scenario" varchar(16) not null, "listed" boolean not null, "listing_ids" bigint[] not null, "measure_codes" text[] not null, "checked_on" date not null, "checked_at" timestamptz not null default now());`);
    this.addSql(`create index "joint_punishment_checks_checked_on_department_id_index" on "joint_punishment_checks" ("checked_on", "department_id");`);

    this.addSql(`create table "list_types" ("id" bigserial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "code" varchar(64) not null, "name" varchar(200) not null, "legal_basis" text not null, "designating_department_codes" text[] not null, "term_months" int not null, "earliest_removal_months" int not null, "objection_days" int not null, constraint list_types_terms_valid check (term_months >= 1 and objection_days >= 1 and earliest_removal_months >= 0 and earliest_removal_months <= term_months), constraint list_types_designating_not_empty check (cardinality(designating_department_codes) >= 1), constraint list_types_legal_basis_not_blank check (btrim(legal_basis) <> ''));`);
    this.addSql(`alter table "list_types" add constraint "list_types_code_unique" unique ("code");`);

    this.addSql(`create table "listings" ("id" bigserial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "subject_id" bigint not null, "list_type_id" bigint not null, "proposing_department_id" bigint not null, "decision_document_number" varchar(128) not null, "reasons" text not null, "legal_basis" text not null, "status" varchar(16) not null, "proposed_on" date not null, "notice_date" date null, "objection_deadline" date null, "listed_on" date null, "expires_on" date null, "removed_on" date null, "removal_reason" varchar(24) null, "removal_note" varchar(1000) null, "open_objections" int not null default 0);`);
    this.addSql(`create index "listings_list_type_id_index" on "listings" ("list_type_id");`);
    this.addSql(`create index "listings_listed_listed_on_index" on "listings" ("listed_on" desc, "id" desc) where "status" = 'LISTED';`);
    this.addSql(`create index "listings_listed_expires_on_index" on "listings" ("expires_on") where "status" = 'LISTED';`);
    this.addSql(`create unique index "listings_one_open_per_subject_type" on "listings" ("subject_id", "list_type_id") where "status" <> 'REMOVED';`);
    this.addSql(`create index "listings_subject_id_status_index" on "listings" ("subject_id", "status");`);
    this.addSql(`alter table "listings" add constraint "listings_proposing_department_id_decision_documen_b4d97_unique" unique ("proposing_department_id", "decision_document_number");`);

    this.addSql(`create table "listing_objections" ("id" bigserial primary key, "listing_id" bigint not null, "content" text not null, "status" varchar(16) not null, "filed_on" date not null, "filed_by" varchar(200) not null, "reply" text null, "resolved_on" date null, "resolved_by" varchar(200) null, "created_at" timestamptz not null default now());`);
    this.addSql(`create index "listing_objections_listing_id_index" on "listing_objections" ("listing_id");`);

    this.addSql(`create table "listing_suggestions" ("id" bigserial primary key, "subject_id" bigint not null, "penalty_record_id" bigint not null, "list_type_id" bigint not null, "department_id" bigint not null, "status" varchar(16) not null default 'OPEN', "listing_id" bigint null, "created_at" timestamptz not null default now());`);
    this.addSql(`create index "listing_suggestions_department_id_id_index" on "listing_suggestions" ("department_id", "id");`);
    this.addSql(`alter table "listing_suggestions" add constraint "listing_suggestions_penalty_record_id_list_type_id_unique" unique ("penalty_record_id", "list_type_id");`);

    this.addSql(`create table "listing_penalty_records" ("listing_id" bigint not null, "penalty_record_id" bigint not null, constraint "listing_penalty_records_pkey" primary key ("listing_id", "penalty_record_id"));`);
    this.addSql(`create index "listing_penalty_records_penalty_record_id_index" on "listing_penalty_records" ("penalty_record_id");`);

    this.addSql(`create table "punishment_measures" ("id" bigserial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "code" varchar(64) not null, "list_type_id" bigint not null, "description" text not null, "legal_basis" text not null, "executing_department_codes" text[] not null, "scenarios" text[] not null, constraint punishment_measures_scenarios_not_empty check (cardinality(scenarios) >= 1), constraint punishment_measures_executing_not_empty check (cardinality(executing_department_codes) >= 1), constraint punishment_measures_legal_basis_not_blank check (btrim(legal_basis) <> ''));`);
    this.addSql(`alter table "punishment_measures" add constraint "punishment_measures_code_unique" unique ("code");`);
    this.addSql(`create index "punishment_measures_list_type_id_index" on "punishment_measures" ("list_type_id");`);

    this.addSql(`create table "measure_feedback" ("id" bigserial primary key, "check_id" bigint not null, "measure_id" bigint not null, "listing_id" bigint not null, "applied" boolean not null, "note" varchar(1000) null, "recorded_at" timestamptz not null default now());`);
    this.addSql(`create index "measure_feedback_measure_id_index" on "measure_feedback" ("measure_id");`);
    this.addSql(`alter table "measure_feedback" add constraint "measure_feedback_check_id_measure_id_unique" unique ("check_id", "measure_id");`);

    this.addSql(`alter table "joint_punishment_checks" add constraint "joint_punishment_checks_department_id_foreign" foreign key ("department_id") references "departments" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "joint_punishment_checks" add constraint "joint_punishment_checks_subject_id_foreign" foreign key ("subject_id") references "credit_subjects" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "listings" add constraint "listings_subject_id_foreign" foreign key ("subject_id") references "credit_subjects" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "listings" add constraint "listings_list_type_id_foreign" foreign key ("list_type_id") references "list_types" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "listings" add constraint "listings_proposing_department_id_foreign" foreign key ("proposing_department_id") references "departments" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "listing_objections" add constraint "listing_objections_listing_id_foreign" foreign key ("listing_id") references "listings" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "listing_suggestions" add constraint "listing_suggestions_subject_id_foreign" foreign key ("subject_id") references "credit_subjects" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "listing_suggestions" add constraint "listing_suggestions_penalty_record_id_foreign" foreign key ("penalty_record_id") references "penalty_records" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "listing_suggestions" add constraint "listing_suggestions_list_type_id_foreign" foreign key ("list_type_id") references "list_types" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "listing_suggestions" add constraint "listing_suggestions_department_id_foreign" foreign key ("department_id") references "departments" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "listing_suggestions" add constraint "listing_suggestions_listing_id_foreign" foreign key ("listing_id") references "listings" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "listing_penalty_records" add constraint "listing_penalty_records_listing_id_foreign" foreign key ("listing_id") references "listings" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "listing_penalty_records" add constraint "listing_penalty_records_penalty_record_id_foreign" foreign key ("penalty_record_id") references "penalty_records" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "punishment_measures" add constraint "punishment_measures_list_type_id_foreign" foreign key ("list_type_id") references "list_types" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "measure_feedback" add constraint "measure_feedback_check_id_foreign" foreign key ("check_id") references "joint_punishment_checks" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "measure_feedback" add constraint "measure_feedback_measure_id_foreign" foreign key ("measure_id") references "punishment_measures" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "measure_feedback" add constraint "measure_feedback_listing_id_foreign" foreign key ("listing_id") references "listings" ("id") on update cascade on delete restrict;`);
  }

  override async down(): Promise<void> {
    // Reverse of up(): the blacklist tables, dependants first (dropTables is off for generated diffs).
    for (const table of ['measure_feedback', 'joint_punishment_checks', 'listing_suggestions', 'listing_objections', 'listing_penalty_records', 'listings', 'punishment_measures', 'list_types']) {
      this.addSql(`drop table if exists "${table}";`);
    }
  }

}

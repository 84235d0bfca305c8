import { Migration } from '@mikro-orm/migrations';

/** Platform foundation: users, departments and keys, subjects, penalty records and versions, audit log. */
export class Migration20261128120419 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "audit_log" ("id" bigserial primary key, "occurred_at" timestamptz not null default now(), "actor_type" varchar(16) not null, "actor_id" varchar(64) null, "actor_name" varchar(200) null, "action" varchar(64) not null, "target_type" varchar(32) not null, "target_id" varchar(128) not null, "before_hash" varchar(64) null, "after_hash" varchar(64) null, "details" jsonb null, "prev_hash" varchar(64) not null, "row_hash" varchar(64) not null);`);
    this.addSql(`create index "audit_log_target_type_target_id_index" on "audit_log" ("target_type", "target_id");`);

    this.addSql(`create table "credit_subjects" ("id" bigserial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "subject_key" varchar(80) not null, "uscc" varchar(18) null, "name" varchar(200) not null, "subject_type" varchar(24) not null, "region_code" varchar(6) null, "category" varchar(2) null);`);
    this.addSql(`alter table "credit_subjects" add constraint "credit_subjects_subject_key_unique" unique ("subject_key");`);
    this.addSql(`create index "credit_subjects_uscc_index" on "credit_subjects" ("uscc");`);
    this.addSql(`create index "credit_subjects_region_code_id_index" on "credit_subjects" ("region_code", "id");`);

    this.addSql(`create table "departments" ("id" bigserial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "code" varchar(64) not null, "name" varchar(200) not null, "uscc" varchar(18) not null, "region_code" varchar(6) not null);`);
    this.addSql(`alter table "departments" add constraint "departments_code_unique" unique ("code");`);

    this.addSql(`create table "department_api_keys" ("id" bigserial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "department_id" bigint not null, "prefix" varchar(32) not null, "secret_hash" varchar(64) not null, "expires_at" timestamptz null, "revoked_at" timestamptz null, "last_used_at" timestamptz null);`);
    this.addSql(`alter table "department_api_keys" add constraint "department_api_keys_prefix_unique" unique ("prefix");`);
    this.addSql(`create index "department_api_keys_department_id_index" on "department_api_keys" ("department_id");`);

    this.addSql(`create table "penalty_records" ("id" bigserial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "department_id" bigint not null, "decision_number" varchar(128) not null, "subject_id" bigint not null, "party_name" varchar(200) not null, "party_type" varchar(24) not null, "uscc" varchar(18) null, "registration_number" varchar(64) null, "legal_representative" varchar(200) null, "id_type" varchar(32) null, "id_number_encrypted" text null, "id_number_hash" varchar(64) null, "id_number_masked" varchar(64) null, "party_birth_date" date null, "violation_type" varchar(200) not null, "violation_facts" text not null, "legal_basis" text not null, "penalty_categories" text[] not null, "penalty_content" text not null, "fine_amount" numeric(18,6) null, "confiscated_amount" numeric(18,6) null, "license_info" varchar(500) null, "decision_date" date not null, "valid_until" date null, "public_until" date null, "authority_name" varchar(200) not null, "authority_uscc" varchar(18) not null, "data_source_name" varchar(200) null, "data_source_uscc" varchar(18) null, "severity" varchar(16) not null, "severity_derived" boolean not null default false, "remarks" varchar(1000) null, "status" varchar(16) not null default 'ACTIVE', "version" int not null default 1, "content_hash" varchar(64) not null, "revoked_at" timestamptz null, "revoke_reason" varchar(1000) null);`);
    this.addSql(`create index "penalty_records_id_number_hash_index" on "penalty_records" ("id_number_hash");`);
    this.addSql(`create index "penalty_records_subject_id_decision_date_index" on "penalty_records" ("subject_id", "decision_date");`);
    this.addSql(`alter table "penalty_records" add constraint "penalty_records_department_id_decision_number_unique" unique ("department_id", "decision_number");`);

    this.addSql(`create table "penalty_record_versions" ("id" bigserial primary key, "record_id" bigint not null, "version" int not null, "content" jsonb not null, "content_hash" varchar(64) not null, "valid_from" timestamptz not null, "superseded_at" timestamptz not null default now());`);
    this.addSql(`alter table "penalty_record_versions" add constraint "penalty_record_versions_record_id_version_unique" unique ("record_id", "version");`);

    this.addSql(`create table "subject_name_changes" ("id" bigserial primary key, "subject_id" bigint not null, "previous_name" varchar(200) not null, "new_name" varchar(200) not null, "changed_at" timestamptz not null default now());`);
    this.addSql(`create index "subject_name_changes_subject_id_changed_at_index" on "subject_name_changes" ("subject_id", "changed_at");`);

    this.addSql(`create table "users" ("id" bigserial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "username" varchar(64) not null, "password_hash" varchar(255) not null, "role" text check ("role" in ('ADMIN', 'REGULATOR')) not null, "region_code" varchar(6) null, "disabled_at" timestamptz null);`);
    this.addSql(`alter table "users" add constraint "users_username_unique" unique ("username");`);

    this.addSql(`alter table "department_api_keys" add constraint "department_api_keys_department_id_foreign" foreign key ("department_id") references "departments" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "penalty_records" add constraint "penalty_records_department_id_foreign" foreign key ("department_id") references "departments" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "penalty_records" add constraint "penalty_records_subject_id_foreign" foreign key ("subject_id") references "credit_subjects" ("id") on update cascade on delete restrict;`);
  }

  override async down(): Promise<void> {
    for (const table of ['penalty_record_versions', 'penalty_records', 'subject_name_changes', 'credit_subjects', 'department_api_keys', 'departments', 'users', 'audit_log']) {
      this.addSql(`drop table if exists "${table}" cascade;`);
    }
  }
}

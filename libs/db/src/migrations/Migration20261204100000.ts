import { Migration } from '@mikro-orm/migrations';

/**
 * 双随机、一公开 (issue 14): the inspection-item catalogue, plans with their secret seed apart, the frozen
 * candidates and selections of each draw, inspectors with their conflicts (回避), assignments, results and the
 * published copy the public search reads. Ids in arrays (departments, items, inspectors) are text[] of bigint ids.
 * inspection_candidates (not an entity) has no keys on purpose, only a BRIN index on plan_id: a draw writes up to
 * millions of rows in one INSERT … SELECT from credit_subjects itself (a key's b-tree or a per-row foreign-key
 * check would cost more than the insert), and the list is a frozen record that must outlive a subject.
 */
export class Migration20261204100000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "inspection_items" ("id" bigserial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "code" varchar(64) not null, "name" varchar(200) not null, "legal_basis" varchar(2000) not null, "created_by" varchar(200) not null);`);
    this.addSql(`alter table "inspection_items" add constraint "inspection_items_code_unique" unique ("code");`);

    this.addSql(`create table "inspection_plans" ("id" bigserial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "name" varchar(200) not null, "year" int not null, "region_code" varchar(6) not null, "subject_types" text[] not null, "industry_codes" text[] not null, "department_ids" text[] not null, "item_ids" text[] not null, "strata" jsonb not null, "exclusion_months" int not null, "planned_start" date not null, "planned_end" date not null, "status" varchar(16) not null, "created_by" varchar(200) not null, "seed_commitment" varchar(64) null, "published_at" timestamptz null, "seed" varchar(64) null, "drawn_at" timestamptz null, "draw_day" date null, "candidate_list_hash" varchar(64) null, "candidate_count" integer null, "draw_strata" jsonb null, "completed_on" date null, "publication_due" date null);`);
    this.addSql(`create index "inspection_plans_region_code_year_index" on "inspection_plans" ("region_code", "year");`);
    this.addSql(`alter table "inspection_plans" add constraint "inspection_plans_status_valid" check (status = 'DRAFT' or status = 'PUBLISHED' or status = 'DRAWN' or status = 'ASSIGNED' or status = 'COMPLETED');`);
    this.addSql(`alter table "inspection_plans" add constraint "inspection_plans_dates_valid" check (planned_start <= planned_end and exclusion_months >= 0 and exclusion_months <= 120);`);

    this.addSql(`create table "inspection_candidates" ("plan_id" bigint not null, "subject_id" bigint not null, "uscc" varchar(18) not null, "tier" varchar(1) not null, constraint "inspection_candidates_tier_valid" check (tier = 'A' or tier = 'B' or tier = 'C' or tier = 'D'));`);
    this.addSql(`create index "inspection_candidates_plan_id_brin" on "inspection_candidates" using brin ("plan_id");`);

    this.addSql(`create table "inspection_plan_seeds" ("plan_id" bigint not null, "seed" varchar(64) not null, constraint "inspection_plan_seeds_pkey" primary key ("plan_id"));`);

    this.addSql(`create table "inspection_published_results" ("id" bigint not null, "plan_id" bigint not null, "plan_name" varchar(200) not null, "plan_year" int not null, "region_code" varchar(6) null, "department_ids" text[] not null, "department_names" varchar(500) not null, "uscc" varchar(18) null, "subject_name" varchar(200) not null, "subject_type" varchar(24) not null, "category" varchar(32) not null, "findings" varchar(4000) not null, "inspected_on" date not null, "published_on" date not null, "tokens" text[] not null, constraint "inspection_published_results_pkey" primary key ("id"));`);
    this.addSql(`create index "inspection_published_results_plan_id_index" on "inspection_published_results" ("plan_id");`);
    this.addSql(`create index "inspection_published_results_uscc_index" on "inspection_published_results" ("uscc");`);
    this.addSql(`create index "inspection_published_results_tokens_index" on "inspection_published_results" using gin ("tokens");`);
    this.addSql(`create index "inspection_published_results_plan_year_region_code_index" on "inspection_published_results" ("plan_year", "region_code");`);

    this.addSql(`create table "inspection_results" ("id" bigserial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "plan_id" bigint not null, "subject_id" bigint not null, "category" varchar(32) not null, "findings" varchar(4000) not null, "inspected_on" date not null, "inspector_ids" text[] not null, "publication_due" date not null, "recorded_by_id" bigint not null);`);
    this.addSql(`create index "inspection_results_subject_id_index" on "inspection_results" ("subject_id");`);
    this.addSql(`alter table "inspection_results" add constraint "inspection_results_plan_id_subject_id_unique" unique ("plan_id", "subject_id");`);

    this.addSql(`create table "inspection_selections" ("plan_id" bigint not null, "subject_id" bigint not null, "uscc" varchar(18) not null, "tier" varchar(1) not null, "rank" int not null, "digest" varchar(64) not null, "draw_day" date not null, constraint "inspection_selections_pkey" primary key ("plan_id", "subject_id"));`);
    this.addSql(`create index "inspection_selections_subject_id_draw_day_index" on "inspection_selections" ("subject_id", "draw_day");`);

    this.addSql(`create table "inspectors" ("id" bigserial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "name" varchar(100) not null, "certificate_number" varchar(64) not null, "department_id" bigint not null, "region_code" varchar(6) not null, "conflict_usccs" text[] not null, "conflict_region_codes" text[] not null, "active" boolean not null default true);`);
    this.addSql(`alter table "inspectors" add constraint "inspectors_certificate_number_unique" unique ("certificate_number");`);
    this.addSql(`create index "inspectors_department_id_index" on "inspectors" ("department_id");`);

    this.addSql(`create table "inspection_assignments" ("plan_id" bigint not null, "subject_id" bigint not null, "inspector_id" bigint not null, constraint "inspection_assignments_pkey" primary key ("plan_id", "subject_id", "inspector_id"));`);
    this.addSql(`create index "inspection_assignments_inspector_id_index" on "inspection_assignments" ("inspector_id");`);

    this.addSql(`alter table "inspection_plan_seeds" add constraint "inspection_plan_seeds_plan_id_foreign" foreign key ("plan_id") references "inspection_plans" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "inspection_published_results" add constraint "inspection_published_results_plan_id_foreign" foreign key ("plan_id") references "inspection_plans" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "inspection_results" add constraint "inspection_results_plan_id_foreign" foreign key ("plan_id") references "inspection_plans" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "inspection_results" add constraint "inspection_results_subject_id_foreign" foreign key ("subject_id") references "credit_subjects" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "inspection_results" add constraint "inspection_results_recorded_by_id_foreign" foreign key ("recorded_by_id") references "departments" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "inspection_selections" add constraint "inspection_selections_plan_id_foreign" foreign key ("plan_id") references "inspection_plans" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "inspection_selections" add constraint "inspection_selections_subject_id_foreign" foreign key ("subject_id") references "credit_subjects" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "inspectors" add constraint "inspectors_department_id_foreign" foreign key ("department_id") references "departments" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "inspection_assignments" add constraint "inspection_assignments_plan_id_foreign" foreign key ("plan_id") references "inspection_plans" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "inspection_assignments" add constraint "inspection_assignments_inspector_id_foreign" foreign key ("inspector_id") references "inspectors" ("id") on update cascade on delete restrict;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "inspection_published_results", "inspection_results", "inspection_assignments", "inspectors", "inspection_selections", "inspection_candidates", "inspection_plan_seeds", "inspection_plans", "inspection_items" cascade;`);
  }
}

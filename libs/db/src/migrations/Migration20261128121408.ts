import { Migration } from '@mikro-orm/migrations';

/** Credit tiers (信用风险分类): current assessment per subject, its history, and overrides owned by other capabilities. */
export class Migration20261128121408 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "subject_tiers" ("subject_id" bigint not null, "level" text check ("level" in ('A', 'B', 'C', 'D')) not null, "score" smallint not null, "rule_version" varchar(16) not null, "reasons" jsonb not null, "computed_at" timestamptz not null, "next_review_on" date null, "changed_at" timestamptz not null, "region_code" varchar(6) null, "subject_type" varchar(24) not null, constraint "subject_tiers_pkey" primary key ("subject_id"));`);
    this.addSql(`create index "subject_tiers_next_review_on_index" on "subject_tiers" ("next_review_on") where "next_review_on" is not null;`);
    this.addSql(`create index "subject_tiers_region_pattern_index" on "subject_tiers" ("region_code" varchar_pattern_ops, "level", "subject_id");`);
    this.addSql(`create index "subject_tiers_changed_at_subject_id_index" on "subject_tiers" ("changed_at", "subject_id");`);
    this.addSql(`create index "subject_tiers_level_subject_id_index" on "subject_tiers" ("level", "subject_id");`);

    this.addSql(`create table "subject_tier_history" ("id" bigserial primary key, "subject_id" bigint not null, "level" text check ("level" in ('A', 'B', 'C', 'D')) not null, "score" smallint not null, "rule_version" varchar(16) not null, "reasons" jsonb not null, "cause" varchar(32) not null, "valid_from" timestamptz not null, "valid_to" timestamptz null);`);
    this.addSql(`create index "subject_tier_history_subject_id_valid_from_index" on "subject_tier_history" ("subject_id", "valid_from");`);

    this.addSql(`create table "subject_tier_overrides" ("id" bigserial primary key, "subject_id" bigint not null, "source" varchar(32) not null, "source_id" varchar(64) not null, "code" varchar(128) not null, "description" varchar(500) not null, "active_from" date not null, "active_to" date null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now());`);
    this.addSql(`create index "subject_tier_overrides_subject_id_index" on "subject_tier_overrides" ("subject_id");`);
    this.addSql(`alter table "subject_tier_overrides" add constraint "subject_tier_overrides_source_source_id_unique" unique ("source", "source_id");`);

    this.addSql(`alter table "subject_tiers" add constraint "subject_tiers_subject_id_foreign" foreign key ("subject_id") references "credit_subjects" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "subject_tier_history" add constraint "subject_tier_history_subject_id_foreign" foreign key ("subject_id") references "credit_subjects" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "subject_tier_overrides" add constraint "subject_tier_overrides_subject_id_foreign" foreign key ("subject_id") references "credit_subjects" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    for (const table of ['subject_tier_overrides', 'subject_tier_history', 'subject_tiers']) {
      this.addSql(`drop table if exists "${table}" cascade;`);
    }
  }
}

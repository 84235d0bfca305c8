import { Migration } from '@mikro-orm/migrations';

export class Migration20261128122106 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "credit_repairs" ("id" bigserial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "record_id" bigint not null, "approved_on" date not null, "commitment" text not null, "approved_by_id" bigint not null);`);
    this.addSql(`alter table "credit_repairs" add constraint "credit_repairs_record_id_unique" unique ("record_id");`);

    this.addSql(`create table "public_disclosures" ("record_id" bigint not null, "version" bigint not null, "withdrawn" boolean not null default false, "party_type" varchar(24) null, "party_name" varchar(200) null, "uscc" varchar(18) null, "legal_representative" varchar(200) null, "decision_number" varchar(128) null, "violation_type" varchar(200) null, "violation_facts" text null, "legal_basis" text null, "penalty_categories" text[] null, "penalty_content" text null, "fine_amount" numeric(18,6) null, "confiscated_amount" numeric(18,6) null, "decision_date" date null, "published_from" date null, "published_until" date null, "authority_name" varchar(200) null, "department_code" varchar(64) null, "department_name" varchar(200) null, "region_code" varchar(6) null, "severity" varchar(16) null, "tokens" bigint[] not null default '{}', "indexed_at" timestamptz not null default now(), constraint "public_disclosures_pkey" primary key ("record_id"));`);
    this.addSql(`create index "public_disclosures_until_idx" on "public_disclosures" ("published_until") where not "withdrawn";`);
    this.addSql(`create index "public_disclosures_newest_idx" on "public_disclosures" ("decision_date" desc, "record_id" desc) where not "withdrawn";`);
    this.addSql(`create index "public_disclosures_tokens_gin" on "public_disclosures" using gin ("tokens");`);

    this.addSql(`create table "search_outbox" ("record_id" bigint not null, "version" bigint not null, "writer_xid" xid8 not null, "enqueued_at" timestamptz not null, "attempts" int not null default 0, "next_attempt_at" timestamptz not null, "delivered_at" timestamptz null, "last_error" varchar(500) null, constraint "search_outbox_pkey" primary key ("record_id"));`);
    this.addSql(`create index "search_outbox_pending_idx" on "search_outbox" ("next_attempt_at", "record_id") where "delivered_at" is null;`);

    this.addSql(`alter table "credit_repairs" add constraint "credit_repairs_record_id_foreign" foreign key ("record_id") references "penalty_records" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "credit_repairs" add constraint "credit_repairs_approved_by_id_foreign" foreign key ("approved_by_id") references "departments" ("id") on update cascade on delete restrict;`);

    // Hand-written: the external versions of the search index (entities cannot declare a standalone sequence).
    this.addSql(`create sequence "search_outbox_version_seq" as bigint;`);
    // Hand-written: per-bigram statistics (10,000 most common elements) so the planner knows a frequent word
    // from a rare one and picks the newest-first walk or the GIN bitmap accordingly.
    this.addSql(`alter table "public_disclosures" alter column "tokens" set statistics 1000;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop sequence if exists "search_outbox_version_seq";`);
    this.addSql(`drop table if exists "search_outbox" cascade;`);
    this.addSql(`drop table if exists "public_disclosures" cascade;`);
    this.addSql(`drop table if exists "credit_repairs" cascade;`);
  }

}

import { Migration } from '@mikro-orm/migrations';

/** Withdrawal notices in the PostgreSQL search index: the day a published decision was revoked and why. */
export class Migration20261203231000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "public_disclosures" add column "withdrawn_on" date null, add column "withdrawal_reason" varchar(1000) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "public_disclosures" drop column "withdrawn_on", drop column "withdrawal_reason";`);
  }
}

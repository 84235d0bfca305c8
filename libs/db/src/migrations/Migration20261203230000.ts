import { Migration } from '@mikro-orm/migrations';

/**
 * What a department states about one penalty beyond the 双公示 items, each read by the publication rules:
 * the day of the act (a minor's age), that a party of unknown birth date was an adult, that a 轻微 penalty is
 * to be published (信用修复管理办法 2026: at most 3 months), and that the penalty may not be repaired early.
 */
export class Migration20261203230000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "penalty_records"
      add column "act_date" date null,
      add column "party_adult_confirmed" boolean not null default false,
      add column "publish_minor" boolean not null default false,
      add column "not_repairable" boolean not null default false;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "penalty_records"
      drop column "act_date", drop column "party_adult_confirmed", drop column "publish_minor", drop column "not_repairable";`);
  }
}

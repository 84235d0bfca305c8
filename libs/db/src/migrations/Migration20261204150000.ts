import { Migration } from '@mikro-orm/migrations';

/**
 * Tier reasons stored once: an open subject_tier_history row (the assessment in force) keeps no reasons, they
 * are its subject_tiers row's; closing the row copies them in. Existing rows keep theirs (reads coalesce).
 */
export class Migration20261204150000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "subject_tier_history" alter column "reasons" drop not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(
      `update "subject_tier_history" h set "reasons" = coalesce(t."reasons", '[]'::jsonb) from "subject_tiers" t where t."subject_id" = h."subject_id" and h."reasons" is null;`,
    );
    this.addSql(`update "subject_tier_history" set "reasons" = '[]'::jsonb where "reasons" is null;`);
    this.addSql(`alter table "subject_tier_history" alter column "reasons" set not null;`);
  }
}

import { Migration } from '@mikro-orm/migrations';

/**
 * Tier reasons as json instead of jsonb: the recomputation builds them as JSON text, and json keeps that text as
 * written (validated) where jsonb parsed it all again, a fifth of a first full recomputation (bench/tiers).
 * Nothing queries inside the reasons. Rows converted here keep jsonb's spacing and key order; the recomputation
 * compares reasons as jsonb when their texts differ, so they are not taken for changes.
 */
export class Migration20261204210000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "subject_tiers" alter column "reasons" type json using "reasons"::json;`);
    this.addSql(`alter table "subject_tier_history" alter column "reasons" type json using "reasons"::json;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "subject_tiers" alter column "reasons" type jsonb using "reasons"::jsonb;`);
    this.addSql(`alter table "subject_tier_history" alter column "reasons" type jsonb using "reasons"::jsonb;`);
  }
}

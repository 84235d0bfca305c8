import { Migration } from '@mikro-orm/migrations';

/**
 * public_disclosures.token_signature: a bit per token key (key mod 1024), which a search walking the newest-first
 * indexes tests before the exact `arraycontains(tokens, …)` (token-signature.ts): most walked rows lack a searched
 * key and are dismissed by the bit test alone. Added without a value: rows written before it are tested by the
 * array alone, as before, until rewritten or rebuilt (`npm run cli -- search:reindex`).
 */
export class Migration20261205210000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "public_disclosures" add column "token_signature" bit(1024) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "public_disclosures" drop column "token_signature";`);
  }
}

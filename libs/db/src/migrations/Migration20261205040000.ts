import { Migration } from '@mikro-orm/migrations';

/**
 * Newest-first indexes of public_disclosures within a department, a severity and a county (region code): a search
 * filtered by one of them walks only that filter's rows, newest first, and tests the other keys on them
 * (buildSearchSql's walk scope). For a word within a county the GIN lookup intersected two long posting lists
 * (假冒 in 341102: 155k and 125k entries for 19,274 matches, ~20 ms); the walk reads ~1,300 rows (~5 ms).
 * search:reindex re-creates them on the table it builds, from these definitions.
 */
export class Migration20261205040000 extends Migration {
  override async up(): Promise<void> {
    for (const [name, column] of SCOPES) {
      this.addSql(`create index "public_disclosures_${name}_newest_idx" on "public_disclosures" ("${column}", "decision_date" desc, "record_id" desc) where not "withdrawn";`);
    }
  }

  override async down(): Promise<void> {
    for (const [name] of SCOPES) this.addSql(`drop index if exists "public_disclosures_${name}_newest_idx";`);
  }
}

const SCOPES = [
  ['department', 'department_code'],
  ['severity', 'severity'],
  ['region', 'region_code'],
] as const;

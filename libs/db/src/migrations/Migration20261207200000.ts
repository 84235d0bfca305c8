import { Migration } from '@mikro-orm/migrations';

/** The newest-first indexes of public_disclosures: the whole table's, and each filter scope's (Migration20261205040000). */
const NEWEST_INDEXES: [name: string, keyColumns: string][] = [
  ['public_disclosures_newest_idx', `"decision_date" desc, "record_id" desc`],
  ['public_disclosures_department_newest_idx', `"department_code", "decision_date" desc, "record_id" desc`],
  ['public_disclosures_severity_newest_idx', `"severity", "decision_date" desc, "record_id" desc`],
  ['public_disclosures_region_newest_idx', `"region_code", "decision_date" desc, "record_id" desc`],
];
const SIGNED = `include ("published_from", "published_until", "token_signature")`;
/**
 * Writers are locked out first, searches not (EXCLUSIVE). Each CREATE INDEX would take SHARE anyway, but the drops
 * then need ACCESS EXCLUSIVE: a writer that had come in between the two would hold its lock while waiting for ours,
 * and we for its, a deadlock. The search index's writers take their lock with their first statement (an upsert), so
 * none holds one while it waits here; searches finish, and the drops go through.
 */
const LOCK_OUT_WRITES = `lock table "public_disclosures" in exclusive mode;`;
/** A name for the new index while the old one still has its own (PostgreSQL names are at most 63 bytes). */
const building = (name: string) => name.replace(/_idx$/, '_signed');

/**
 * The newest-first indexes of public_disclosures carry each row's token signature and publication dates (INCLUDE),
 * so a walk tests them on the index alone (an index-only scan) and reads from the table only the rows whose
 * signature may hold every searched key (buildSearchSql's walk). Before, every walked row was read from the table
 * first: 排放's sample read ~2,100 rows for its 201 matches (4.9 ms), now ~2,100 index entries, and the matches (and
 * ~5 others) twice (2.5 ms). On the bench's 1,000,000 rows the whole table's index grows from 30 to 187 MB and a
 * scope's from 39 to 197 MB, ~11 s for the four to build. Each is built under another name first, with the table
 * locked against writes while searches go on; the old ones are dropped last, since a drop locks searches out too,
 * until the migration commits. search:reindex copies the live table's index definitions onto the table it builds.
 */
export class Migration20261207200000 extends Migration {
  override async up(): Promise<void> {
    this.recreate(`${SIGNED} `);
  }

  override async down(): Promise<void> {
    this.recreate('');
  }

  /** Every newest-first index built again with `include` (an INCLUDE clause and a space, or nothing), then swapped in. */
  private recreate(include: string): void {
    this.addSql(LOCK_OUT_WRITES);
    for (const [name, keys] of NEWEST_INDEXES) this.addSql(`create index "${building(name)}" on "public_disclosures" (${keys}) ${include}where not "withdrawn";`);
    for (const [name] of NEWEST_INDEXES) {
      this.addSql(`drop index "${name}";`);
      this.addSql(`alter index "${building(name)}" rename to "${name}";`);
    }
  }
}

import { Migration } from '@mikro-orm/migrations';

/**
 * Drops the btree on penalty_records.id_number_hash. No query selects by it: a natural person's records are
 * reached through their subject, whose subject_key (`P:` + the same keyed hash) has a unique index. Every
 * record insert paid an entry in it, NULL for the organisations that are most records.
 */
export class Migration20261205150000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop index if exists "penalty_records_id_number_hash_index";`);
  }

  override async down(): Promise<void> {
    this.addSql(`create index "penalty_records_id_number_hash_index" on "penalty_records" ("id_number_hash");`);
  }
}

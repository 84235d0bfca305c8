// A new version of the PostgreSQL index, built beside the live table and swapped in by renaming, in one
// transaction: readers see the old table or the new one, never a half-built one. The build table starts with
// only its primary key (bulk loading is several times faster without the GIN index); the live table's other
// indexes are re-created from their own definitions at commit, so the migrations stay the single source of truth.
// Its columns are the live table's, in the order of column-layout.ts.
import { Logger } from '@nestjs/common';
import type { Database, SqlExecutor } from '@credit/db';
import type { IndexBuild, IndexOperation } from '../search-index.port';
import { createWithLayout } from './column-layout';
import { applyToTable } from './postgres-index.writes';

const BUILD_SUFFIX = '_build';
/** Below this share of pages marked all-visible after the build's VACUUM, the reindex says so. */
const ALL_VISIBLE_ENOUGH = 0.99;
const logger = new Logger('SearchIndexBuild');
const OLD_SUFFIX = '_old';

interface IndexDefinition {
  name: string;
  definition: string;
  primary: boolean;
}

export class PostgresIndexBuild implements IndexBuild {
  private constructor(
    private readonly db: Database,
    private readonly live: string,
    readonly name: string,
  ) {}

  static async start(db: Database, live: string): Promise<PostgresIndexBuild> {
    const name = `${live}${BUILD_SUFFIX}`;
    await db.query(`DROP TABLE IF EXISTS ${name}`);
    await createWithLayout(db, live, name);
    await db.query(`ALTER TABLE ${name} ADD CONSTRAINT ${name}_pkey PRIMARY KEY (record_id)`);
    // The live table's triggers too (the token signature is computed by one), before the first row goes in.
    const triggers = await db.query<{ definition: string }>(
      `SELECT pg_get_triggerdef(oid) AS definition FROM pg_trigger WHERE tgrelid = to_regclass($1) AND NOT tgisinternal ORDER BY tgname`,
      [live],
    );
    for (const { definition } of triggers) await db.query(onTable(definition, live, name));
    return new PostgresIndexBuild(db, live, name);
  }

  async apply(ops: IndexOperation[]): Promise<void> {
    await applyToTable(this.db, this.name, ops);
  }

  async commit(): Promise<void> {
    const indexes = await indexesOf(this.db, this.live);
    for (const index of indexes.filter((i) => !i.primary)) {
      const definition = index.definition.replace(
        /^(CREATE (?:UNIQUE )?INDEX )(\S+)( ON (?:ONLY )?)(\S+)/,
        (_m, create: string, _name: string, on: string, table: string) => `${create}${index.name}${BUILD_SUFFIX}${on}${table.replace(new RegExp(`${this.live}$`), this.name)}`,
      );
      // A GIN build over millions of rows is several times faster with room to sort in memory. Committed
      // synchronously, so that the log is flushed up to here, the copies' commits with it: VACUUM (below) cannot mark a
      // row visible to all while its inserting commit may not be on disk, and with synchronous_commit off (the test
      // servers run so) the last copies' may not be.
      await this.db.transaction(async (sql) => {
        await sql.query(`SET LOCAL maintenance_work_mem = '512MB'`);
        await sql.query(`SET LOCAL synchronous_commit = on`);
        await sql.query(definition);
      });
    }
    // VACUUM too, not only ANALYZE: it marks the new table's pages all-visible, without which every index-only scan
    // (the newest-first walks, through the token signature those indexes hold) reads each walked row from the table.
    // Autovacuum would not do it soon: after a reindex the table sees no inserts, and one it started during the
    // copies found their rows not yet visible to all. On the bench's 1,000,000 documents, 233,068 pages and none
    // all-visible after the swap; 餐饮 with a category walked 1,236 rows for its page with a heap fetch each.
    await this.db.query(`VACUUM (ANALYZE) ${this.name}`);
    // A transaction open since before the last copies (a long report, a replica's feedback) keeps VACUUM from marking
    // their pages; nothing fails, but the walks read those rows from the table until the table is vacuumed again.
    const [{ pages, visible }] = await this.db.query<{ pages: number; visible: number }>(`SELECT relpages AS pages, relallvisible AS visible FROM pg_class WHERE oid = $1::regclass`, [this.name]);
    if (visible < pages * ALL_VISIBLE_ENOUGH) {
      logger.warn(`VACUUM marked ${visible} of ${pages} pages of ${this.name} all-visible (a transaction open meanwhile holds the rest back): run VACUUM (ANALYZE) ${this.live} once it has ended`);
    }
    await this.db.transaction(async (sql) => {
      // Readers wait for the few milliseconds of the renames instead of seeing a missing table.
      await sql.query(`LOCK TABLE ${this.live} IN ACCESS EXCLUSIVE MODE`);
      // The live indexes again, under the lock: a migration that changed one after the copies were begun (it waited
      // for nothing of ours) would otherwise be undone by the swap, silently. Nothing is swapped; the build is left
      // for the caller to abort, and a new reindex copies the definitions as they are now.
      if (JSON.stringify(await indexesOf(sql, this.live)) !== JSON.stringify(indexes)) {
        throw new Error(`the indexes of ${this.live} changed while ${this.name}'s were being built (a migration ran meanwhile): run search:reindex again`);
      }
      await sql.query(`DROP TABLE IF EXISTS ${this.live}${OLD_SUFFIX}`);
      await sql.query(`ALTER TABLE ${this.live} RENAME TO ${this.live}${OLD_SUFFIX}`);
      for (const index of indexes) await sql.query(`ALTER INDEX ${index.name} RENAME TO ${truncate(index.name + OLD_SUFFIX)}`);
      await sql.query(`ALTER TABLE ${this.name} RENAME TO ${this.live}`);
      await sql.query(`ALTER INDEX ${this.name}_pkey RENAME TO ${this.live}_pkey`);
      for (const index of indexes.filter((i) => !i.primary)) await sql.query(`ALTER INDEX ${index.name}${BUILD_SUFFIX} RENAME TO ${index.name}`);
      await sql.query(`DROP TABLE ${this.live}${OLD_SUFFIX}`);
    });
  }

  async abort(): Promise<void> {
    await this.db.query(`DROP TABLE IF EXISTS ${this.name}`);
  }

}

/** A table's indexes, by name, with their definitions (pg_get_indexdef). */
function indexesOf(sql: Pick<SqlExecutor, 'query'>, table: string): Promise<IndexDefinition[]> {
  return sql.query<IndexDefinition>(
    `SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS definition, i.indisprimary AS primary
       FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
      WHERE i.indrelid = to_regclass($1) ORDER BY c.relname`,
    [table],
  );
}

/** A trigger's definition (pg_get_triggerdef) on another table: its `ON [schema.]table` names `table` instead. */
export function onTable(definition: string, from: string, to: string): string {
  const moved = definition.replace(new RegExp(`( ON (?:"?\\w+"?\\.)?)"?${from}"?( )`), `$1${to}$2`);
  if (moved === definition) throw new Error(`cannot move trigger to ${to}: ${definition}`);
  return moved;
}

function truncate(identifier: string): string {
  return identifier.slice(0, 63);
}

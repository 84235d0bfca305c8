// search:reindex's swap (PostgresIndexBuild.commit) copies the live table's index definitions onto the table it built,
// then swaps the two under a lock. A migration that changes a live index in between would be undone by the swap: the
// commit checks the definitions again under its lock and refuses, leaving the live table as the migration left it.
import { Logger } from '@nestjs/common';
import { Database } from '@credit/db';
import { contractDoc } from '../search-index.contract';
import { PostgresSearchIndex } from './postgres-search.index';
import { searchDatabasesOfSuite } from './testing/search-databases';

const indexNames = async (db: Database, table: string) =>
  (await db.query<{ name: string }>(`SELECT indexrelid::regclass::text AS name FROM pg_index WHERE indrelid = $1::regclass ORDER BY 1`, [table])).map((row) => row.name);

describe('PostgreSQL search: a reindex whose live indexes changed while it built', () => {
  const suite = searchDatabasesOfSuite();

  it('swaps in a table whose pages are all visible, so a walk of a newest-first index reads the index alone', async () => {
    const { db } = suite;
    const index = new PostgresSearchIndex(db);
    const build = await index.beginBuild();
    const docs = Array.from({ length: 300 }, () => contractDoc());
    await build.apply(docs.map((doc) => ({ op: 'upsert' as const, version: 1, doc })));
    try {
      await build.commit();
      const plan = await db.transaction(async (sql) => {
        await sql.query('SET LOCAL enable_seqscan = off');
        await sql.query('SET LOCAL enable_bitmapscan = off');
        return sql.query<{ 'QUERY PLAN': string }>(
          `EXPLAIN (ANALYZE, COSTS OFF) SELECT record_id FROM public_disclosures WHERE NOT withdrawn AND published_until >= '2000-01-01' ORDER BY decision_date DESC, record_id DESC LIMIT 100`,
        );
      });
      const lines = plan.map((row) => row['QUERY PLAN']);
      expect(lines.join('\n')).toMatch(/Index Only Scan using public_disclosures_newest_idx/);
      expect(lines.find((line) => line.includes('Heap Fetches'))?.trim()).toBe('Heap Fetches: 0');
      // and the planner knows it (it prices index-only scans by pg_class.relallvisible)
      const [table] = await db.query<{ pages: number; visible: number }>(`SELECT relpages AS pages, relallvisible AS visible FROM pg_class WHERE oid = 'public_disclosures'::regclass`);
      expect(table.pages).toBeGreaterThan(1);
      expect(table.visible).toBe(table.pages);
    } finally {
      await db.query('TRUNCATE public_disclosures');
    }
  });

  it('says so when a transaction open meanwhile kept VACUUM from marking the pages', async () => {
    const { db } = suite;
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const holder = await db.pool.connect();
    try {
      // A snapshot taken before the copies: their rows are not yet visible to all while it lasts.
      await holder.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
      await holder.query('SELECT 1');
      const build = await new PostgresSearchIndex(db).beginBuild();
      await build.apply(Array.from({ length: 300 }, () => contractDoc()).map((doc) => ({ op: 'upsert' as const, version: 1, doc })));
      await build.commit();
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^VACUUM marked 0 of \d+ pages of public_disclosures_build all-visible/));
    } finally {
      await holder.query('ROLLBACK');
      holder.release();
      warn.mockRestore();
      await db.query('TRUNCATE public_disclosures');
    }
  });

  it('refuses to swap, keeps the live table and its new index, and the next reindex copies that index too', async () => {
    const { db } = suite;
    const index = new PostgresSearchIndex(db);
    const docs = Array.from({ length: 5 }, () => contractDoc());
    await index.apply(docs.map((doc) => ({ op: 'upsert' as const, version: 1, doc })));
    const build = await index.beginBuild();
    await build.apply(docs.slice(0, 3).map((doc) => ({ op: 'upsert' as const, version: 2, doc })));
    // A migration commits its new index while the copies of the old ones are being built (before the VACUUM that
    // follows them).
    const query = db.query.bind(db);
    const during = jest.spyOn(db, 'query').mockImplementation(async (text: string, ...rest: unknown[]) => {
      if (text.startsWith('VACUUM (ANALYZE) public_disclosures_build')) await query('CREATE INDEX public_disclosures_migrated_idx ON public_disclosures (uscc)');
      return query(text, ...(rest as [unknown[]?, string?]));
    });
    try {
      await expect(build.commit()).rejects.toThrow(/the indexes of public_disclosures changed while public_disclosures_build's were being built/);
    } finally {
      during.mockRestore();
    }
    expect(await indexNames(db, 'public_disclosures')).toContain('public_disclosures_migrated_idx');
    const [{ rows }] = await db.query<{ rows: number }>('SELECT count(*)::int AS rows FROM public_disclosures');
    expect(rows).toBe(docs.length);
    await build.abort();

    const again = await index.beginBuild();
    await again.apply(docs.slice(0, 3).map((doc) => ({ op: 'upsert' as const, version: 2, doc })));
    await again.commit();
    expect(await indexNames(db, 'public_disclosures')).toContain('public_disclosures_migrated_idx');
    const [{ swapped }] = await db.query<{ swapped: number }>('SELECT count(*)::int AS swapped FROM public_disclosures');
    expect(swapped).toBe(3);
  });
});

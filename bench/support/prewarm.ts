// Before a benchmark's phases: the search table, its TOAST table and every index of both in memory, as on a server
// that has been answering searches for a while. A plain scan of the table does not do that: a table larger than a
// quarter of shared_buffers is read through a small ring of buffers (PostgreSQL's bulk-read strategy), so only
// the OS cache kept it, and the indexes were not read at all. The head mix then ran warm (its 64 queries touch the
// same pages every round) while the long tail paid for first reads: on a restarted bench server the tail's
// searches one at a time took 8.70 ms on average (p99 89 ms, slowest 1,069 ms) on the first pass and 5.22 ms
// (p99 23, slowest 82) on the second, with no block read from outside shared_buffers on the second.
import { errorMessage } from '@credit/common';
import type { Database } from '@credit/db';

/** Reads the table and its indexes into shared_buffers (or only the OS cache, when they do not fit); says how. */
export async function prewarmTable(db: Database, table: string): Promise<string> {
  try {
    await db.query('CREATE EXTENSION IF NOT EXISTS pg_prewarm');
  } catch (error) {
    // A sequential scan even on a search reader's session (enable_seqscan=off would read the primary key instead).
    await db.transaction(async (sql) => {
      await sql.query('SET LOCAL enable_seqscan = on');
      await sql.query(`SELECT count(*) FROM ${table}`);
    });
    return `pg_prewarm is not available (${errorMessage(error)}): the table was scanned once, which fills the OS cache only; its indexes are cold`;
  }
  const relations = `SELECT c.oid, c.oid::regclass::text AS name FROM pg_class c
     WHERE c.oid IN (SELECT $1::regclass UNION ALL SELECT reltoastrelid FROM pg_class WHERE oid = $1::regclass)
        OR c.oid IN (SELECT indexrelid FROM pg_index WHERE indrelid IN (SELECT $1::regclass UNION ALL SELECT reltoastrelid FROM pg_class WHERE oid = $1::regclass))`;
  const [{ bytes, buffers }] = await db.query<{ bytes: string; buffers: string }>(
    `SELECT sum(pg_relation_size(r.oid))::text AS bytes, (SELECT setting::bigint * 8192 FROM pg_settings WHERE name = 'shared_buffers')::text AS buffers FROM (${relations}) r`,
    [table],
  );
  // Relations larger than the buffer pool would only evict their own first blocks: those go to the OS cache.
  const mode = Number(bytes) <= Number(buffers) ? 'buffer' : 'read';
  const warmed = await db.query<{ name: string; blocks: string }>(`SELECT r.name, pg_prewarm(r.oid, $2) AS blocks FROM (${relations}) r ORDER BY r.name`, [table, mode]);
  const blocks = warmed.reduce((sum, row) => sum + Number(row.blocks), 0);
  const where = mode === 'buffer' ? 'shared_buffers' : `the OS cache (they exceed shared_buffers, ${Math.round(Number(buffers) / 2 ** 20)} MB)`;
  return `pg_prewarm read ${blocks} blocks (${Math.round((blocks * 8192) / 2 ** 20)} MB) of ${warmed.length} relations (${table}, its TOAST table and their indexes) into ${where}`;
}

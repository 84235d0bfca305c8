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
  // The table, its TOAST table (none when reltoastrelid is 0) and the indexes of both, read once with their sizes.
  const relations = await db.query<{ oid: string; bytes: string }>(
    `WITH owned AS (SELECT $1::regclass::oid AS oid UNION ALL SELECT reltoastrelid FROM pg_class WHERE oid = $1::regclass AND reltoastrelid <> 0)
     SELECT r.oid::text AS oid, pg_relation_size(r.oid)::text AS bytes
       FROM (SELECT oid FROM owned UNION ALL SELECT indexrelid FROM pg_index WHERE indrelid IN (SELECT oid FROM owned)) r`,
    [table],
  );
  const [{ buffers }] = await db.query<{ buffers: string }>(`SELECT pg_size_bytes(current_setting('shared_buffers'))::text AS buffers`);
  const bytes = relations.reduce((sum, relation) => sum + Number(relation.bytes), 0);
  // Relations larger than the buffer pool would only evict their own first blocks: those go to the OS cache.
  const mode = bytes <= Number(buffers) ? 'buffer' : 'read';
  const warmed = await db.query<{ blocks: string }>('SELECT pg_prewarm(oid, $2) AS blocks FROM unnest($1::oid[]) AS oid', [relations.map((relation) => relation.oid), mode]);
  const blocks = warmed.reduce((sum, row) => sum + Number(row.blocks), 0);
  const where = mode === 'buffer' ? 'shared_buffers' : `the OS cache (they exceed shared_buffers, ${Math.round(Number(buffers) / 2 ** 20)} MB)`;
  return `pg_prewarm read ${blocks} blocks (${Math.round((blocks * 8192) / 2 ** 20)} MB) of ${relations.length} relations (${table}, its TOAST table and their indexes) into ${where}`;
}

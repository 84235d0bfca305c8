// Version-guarded writes to one index table (the live one, or a build beside it), shared by both.
import type { Database } from '@credit/db';
import type { IndexOperation } from '../search-index.port';
import { tombstoneSql, toWriteRow, upsertSql } from './postgres-search.rows';

/** Keeps, per id, only the operation with the highest version (one statement cannot touch a row twice). */
export function latestPerId(ops: IndexOperation[]): IndexOperation[] {
  const byId = new Map<string, IndexOperation>();
  for (const op of ops) {
    const id = op.op === 'upsert' ? op.doc.id : op.id;
    const seen = byId.get(id);
    if (!seen || seen.version < op.version) byId.set(id, op);
  }
  return [...byId.values()];
}

/** Applies version-guarded writes to one table (the live one, or a build beside it). */
export async function applyToTable(db: Database, table: string, ops: IndexOperation[]): Promise<void> {
  const latest = latestPerId(ops);
  const upserts = latest.filter((op): op is Extract<IndexOperation, { op: 'upsert' }> => op.op === 'upsert');
  const deletes = latest.filter((op): op is Extract<IndexOperation, { op: 'delete' }> => op.op === 'delete');
  if (upserts.length === 0 && deletes.length === 0) return;
  await db.transaction(async (sql) => {
    if (upserts.length > 0) await sql.query(upsertSql(table), [JSON.stringify(upserts.map((op) => toWriteRow(op.doc, op.version)))]);
    if (deletes.length > 0) await sql.query(tombstoneSql(table), [deletes.map((op) => op.id), deletes.map((op) => op.version)]);
  });
}

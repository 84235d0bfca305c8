// candidateListHash (libs/domain/src/inspections/inspection-draw.ts) of a frozen candidate list, computed where
// the rows are, without building the canonical text in the database: the canonical lines "<USCC>,<tier>\n" in
// USCC byte order are exactly what `COPY (SELECT uscc || ',' || tier … ORDER BY uscc COLLATE "C") TO STDOUT`
// writes in text format (one column, every row ending in one LF), so its byte stream goes straight into an
// incremental node:crypto SHA-256. COPY of a read-only query may run with parallel workers (a parallel sort under
// a Gather Merge), where string_agg(… ORDER BY …) sorts in one process and then hashes a ~20 MB string.
//
// Text-format COPY escapes a backslash, tab, CR or LF inside a value with a backslash; USCCs are [0-9A-Z], but
// should a stored one hold such a byte, the stream would differ from the canonical lines. A backslash in the
// stream is the sign of that (every escape starts with one), and then the hash is taken in SQL instead.
import { createHash } from 'node:crypto';
import type { PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import type { SqlExecutor } from '@credit/db';

const BACKSLASH = 0x5c;

/** The hash through COPY, or null when the stream held an escape (use candidateListHashInSql then). */
export async function candidateListHashByCopy(client: PoolClient, planId: string): Promise<string | null> {
  // COPY takes no parameters: the plan id is a bigint written by BigInt (throws on anything else).
  const id = BigInt(planId).toString();
  const stream = client.query(copyTo(`COPY (SELECT uscc || ',' || tier FROM inspection_candidates WHERE plan_id = ${id} ORDER BY uscc COLLATE "C") TO STDOUT`));
  const hash = createHash('sha256');
  let escaped = false;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    if (!escaped && chunk.includes(BACKSLASH)) escaped = true;
    hash.update(chunk);
  }
  return escaped ? null : hash.digest('hex');
}

/** The hash in one SQL statement: string_agg of the canonical lines in USCC byte order, then sha256. */
export async function candidateListHashInSql(sql: SqlExecutor, planId: string): Promise<string> {
  const [row] = await sql.query<{ hash: string }>(
    `SELECT encode(sha256(convert_to(coalesce(string_agg(uscc || ',' || tier || E'\\n', '' ORDER BY uscc COLLATE "C"), ''), 'UTF8')), 'hex') AS hash
       FROM inspection_candidates WHERE plan_id = $1::bigint`,
    [planId],
  );
  return row.hash;
}

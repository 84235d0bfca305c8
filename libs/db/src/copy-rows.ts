// COPY FROM STDIN in the text format, for a batch written inside a transaction: the server parses each field with
// its type's input function, without the array literals and the projection an INSERT … SELECT FROM unnest(…) goes
// through (into the table itself, or into a staging table an INSERT … ON CONFLICT then reads).
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/**
 * Sends `data` (rows of COPY's text format: tab-separated fields, NULL as \\N, backslash, tab and line breaks
 * escaped, each row ended by a line break; a string, or its UTF-8 bytes) to
 * `COPY table (columns) FROM STDIN`.
 */
export async function copyRows(client: PoolClient, table: string, columns: string, data: string | Buffer): Promise<void> {
  await pipeline(Readable.from([data]), client.query(copyFrom(`COPY ${table} (${columns}) FROM STDIN`)));
}

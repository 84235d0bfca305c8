// COPY FROM STDIN in the text format, for a batch written inside a transaction whose rows need none of INSERT's
// expressions: the server parses each field with its type's input function, without the array literals and the
// projection an INSERT … SELECT FROM unnest(…) goes through.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

const NEEDS_ESCAPE = /[\\\t\n\r]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** One field of COPY's text format: NULL as \N, and backslash, tab and line breaks escaped. */
export function copyField(value: string | boolean | number | null): string {
  if (value === null) return '\\N';
  const text = String(value);
  return NEEDS_ESCAPE.test(text) ? text.replace(/[\\\t\n\r]/g, (char) => ESCAPES[char]) : text;
}

/**
 * Sends `data` (rows of tab-separated copyField values, each ended by a newline; a string, or its UTF-8 bytes) to
 * `COPY table (columns) FROM STDIN`.
 */
export async function copyRows(client: PoolClient, table: string, columns: string, data: string | Buffer): Promise<void> {
  await pipeline(Readable.from([data]), client.query(copyFrom(`COPY ${table} (${columns}) FROM STDIN`)));
}

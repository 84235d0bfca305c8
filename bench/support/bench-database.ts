// Benchmarks run against their own fresh database on the server in BENCH_DATABASE_URL (an admin URL; default:
// the local PostgreSQL), migrated like production.
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { ORM_ENTITIES } from '@credit/bootstrap';
import { migrateDatabase } from '@credit/db';
import { BENCH_POSTGRES_SETTINGS } from '../search/bench-postgres';

export const BENCH_ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * BENCH_DB_SUFFIX is appended to every bench database name, so runs side by side on one server (a "before"
 * run and a helper's, say) each get their own database instead of dropping each other's. `template`: a copy of
 * that database (on the same server, with no one connected to it) instead of an empty one.
 */
export async function freshBenchDatabase(baseName: string, template?: string): Promise<string> {
  const name = `${baseName}${process.env.BENCH_DB_SUFFIX ?? ''}`;
  const source = template ?? 'template0';
  for (const plain of [name, source]) if (!/^[a-z_][a-z0-9_]*$/.test(plain)) throw new Error(`not a plain database name: ${plain}`);
  const admin = new Client({ connectionString: BENCH_ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name} ENCODING 'UTF8' TEMPLATE ${source}`);
  await admin.end();
  const url = new URL(BENCH_ADMIN_URL);
  url.pathname = `/${name}`;
  // A copy of another bench's database is brought up to this checkout's migrations like any other.
  await migrateDatabase(url.toString(), ORM_ENTITIES);
  return url.toString();
}

export function writeResult(name: string, result: Record<string, unknown>): string {
  const file = path.resolve(__dirname, '..', 'results', `${name}.json`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify({ ...result, measuredAt: new Date().toISOString() }, null, 2)}\n`);
  return file;
}

/** The server a result was measured on: its version and the settings that shape what writes and reads cost. */
export async function serverSettings(url: string): Promise<Record<string, string>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string; setting: string }>('SELECT name, current_setting(name) AS setting FROM unnest($1::text[]) AS name', [
      ['server_version', ...Object.keys(BENCH_POSTGRES_SETTINGS)],
    ]);
    return Object.fromEntries(rows.map((row) => [row.name, row.setting]));
  } finally {
    await client.end();
  }
}

// Each integration test file gets its own database, cloned from the migrated template made in globalSetup.
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

function adminUrl(): string {
  const url = process.env.TEST_PG_ADMIN_URL;
  if (!url) throw new Error('TEST_PG_ADMIN_URL is unset: run integration tests through jest (globalSetup)');
  return url;
}

export function urlForDatabase(database: string): string {
  const parsed = new URL(adminUrl());
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** The same database as the application role (credit_app: no DDL on the owner's tables, audit log append-only). */
export function appUrlFor(url: string): string {
  const parsed = new URL(url);
  parsed.username = process.env.TEST_PG_APP_ROLE ?? 'credit_app';
  parsed.password = process.env.TEST_PG_APP_PASSWORD ?? '';
  return parsed.toString();
}

export interface TestDatabase {
  name: string;
  /** As the provider's superuser, which also owns the tables (migrated as it). */
  url: string;
  /** As the application role. */
  appUrl: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const template = process.env.TEST_TEMPLATE_DB as string;
  // The parent pid ties leftovers to this run, so teardown can drop what a crashed file left behind.
  const name = `credit_t_${process.env.TEST_RUN_ID}_${randomBytes(4).toString('hex')}`;
  await withAdmin(async (client) => {
    for (let attempt = 1; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
        return;
      } catch (error) {
        // "source database is being accessed by other users": another file is cloning right now.
        if (attempt >= 20 || (error as { code?: string }).code !== '55006') throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      }
    }
  });
  return {
    name,
    url: urlForDatabase(name),
    appUrl: appUrlFor(urlForDatabase(name)),
    drop: () => withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).then(() => undefined)),
  };
}

async function withAdmin<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

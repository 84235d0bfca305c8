// Each integration test file gets its own database, cloned from the migrated template made in globalSetup.
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { BackoffPolicy, retry } from '@credit/common';

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

/** Files that clone at the same moment come back at different moments. */
const TEMPLATE_BUSY_BACKOFF: BackoffPolicy = { baseMs: 100, maxMs: 2_000, jitter: 0.5 };

export async function createTestDatabase(): Promise<TestDatabase> {
  const template = process.env.TEST_TEMPLATE_DB as string;
  // The parent pid ties leftovers to this run, so teardown can drop what a crashed file left behind.
  const name = `credit_t_${process.env.TEST_RUN_ID}_${randomBytes(4).toString('hex')}`;
  await withAdmin(async (client) => {
    // "source database is being accessed by other users" (55006): another file is cloning right now.
    await retry(() => client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`), {
      attempts: 20,
      ...TEMPLATE_BUSY_BACKOFF,
      retryable: (error) => (error as { code?: string }).code === '55006',
    });
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

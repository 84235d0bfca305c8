// `npm run bench [-- name …]`: runs the benchmarks one after another (default: all). Each prints its figures
// and writes bench/results/<name>.json. They need a PostgreSQL server: BENCH_DATABASE_URL (an admin URL),
// default postgres://postgres@127.0.0.1:5432/postgres. A benchmark is a folder with a run.ts; a second run of
// one folder is named folder:variant and lives in VARIANTS. After each run, when bench/results/before/ holds
// the same result measured by earlier code, the headline figures of both are printed side by side.
//
// BENCH_SERVER=production: one embedded PostgreSQL started with the settings of a production server of the target
// size (bench/search/bench-postgres.ts, the server the search bench starts for itself; data in BENCH_SEARCH_PGDATA,
// default <tmp>/credit-bench-search-pg) serves every benchmark of the run, in place of BENCH_DATABASE_URL. A
// default-configured server (128 MB of buffers, 4 MB of WAL buffers, 1 GB between checkpoints) spends the write
// benchmarks' time on evicting buffers and on the full-page images of forced checkpoints.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startBenchPostgres } from './search/bench-postgres';
import { apiNodeFlags } from './support/api-node-flags';
import { beforeAfterTable } from './support/before-after';

interface Run {
  file: string;
  /** The result file it writes (bench/results/<result>.json). */
  result: string;
  env?: Record<string, string>;
}

/** Runs that are not a folder's run.ts as it stands (`npm run bench -- load:abuse`). */
const VARIANTS: Record<string, Run> = {
  'load:abuse': { file: path.join('load', 'abuse.ts'), result: 'load-abuse' },
  'portal:1m': { file: path.join('portal', 'scale.ts'), result: 'portal-1m' },
  'tiers:300k': { file: path.join('tiers', 'run.ts'), result: 'tiers-300k', env: { BENCH_SUBJECTS: '300000', BENCH_RECORDS: '900000' } },
};
/** Names that stand for several runs: the tier target holds at 300k and at 1M subjects. */
const GROUPS: Record<string, string[]> = { tiers: ['tiers:300k', 'tiers:1m'] };

const runs = new Map<string, Run>();
for (const name of fs.readdirSync(__dirname)) if (fs.existsSync(path.join(__dirname, name, 'run.ts'))) runs.set(name, { file: path.join(name, 'run.ts'), result: name });
runs.set('tiers:1m', { file: path.join('tiers', 'run.ts'), result: 'tiers', env: { BENCH_SUBJECTS: '1000000', BENCH_RECORDS: '3000000' } });
runs.delete('tiers');
for (const [name, run] of Object.entries(VARIANTS)) runs.set(name, run);
const available = [...runs.keys(), ...Object.keys(GROUPS)].sort();
const requested = process.argv.slice(2);
const chosen = (requested.length > 0 ? requested : [...runs.keys()].sort()).flatMap((name) => GROUPS[name] ?? [name]);
const root = path.resolve(__dirname, '..');
const unknown = chosen.find((name) => !runs.has(name));
if (unknown !== undefined) {
  console.error(`unknown benchmark "${unknown}"; available: ${available.join(', ')}`);
  process.exit(2);
}

async function main(): Promise<number> {
  const server = process.env.BENCH_SERVER === 'production' ? await startBenchPostgres(process.env.BENCH_SEARCH_PGDATA ?? path.join(os.tmpdir(), 'credit-bench-search-pg')) : null;
  if (server) console.log(`BENCH_SERVER=production: an embedded PostgreSQL with production settings at ${server.url}`);
  try {
    for (const name of chosen) {
      const run = runs.get(name) as Run;
      console.log(`\n=== bench/${name} ===`);
      const env = { ...process.env, ...(server ? { BENCH_DATABASE_URL: server.url } : {}), ...run.env };
      // Asynchronous, so this process can stop the server however a run ends. With the API's V8 flags: the
      // ingest and tier benchmarks run the API in their own process.
      const status = await new Promise<number | null>((resolve) => {
        spawn(process.execPath, [...apiNodeFlags(), '-r', './tools/register.js', path.join('bench', run.file)], { stdio: 'inherit', cwd: root, env }).once('exit', resolve);
      });
      if (status !== 0) return status ?? 1;
      const table = beforeAfterTable(path.join(__dirname, 'results'), run.result, server !== null);
      if (table) console.log(`\n${table}`);
    }
    return 0;
  } finally {
    await server?.stop();
  }
}

main().then((code) => process.exit(code), (error) => {
  console.error(error);
  process.exit(1);
});

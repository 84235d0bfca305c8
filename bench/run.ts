// `npm run bench [-- name …]`: runs the benchmarks one after another (default: all). Each prints its figures
// and writes bench/results/<name>.json. They need a PostgreSQL server: BENCH_DATABASE_URL (an admin URL),
// default postgres://postgres@127.0.0.1:5432/postgres. A benchmark is a folder with a run.ts; a second run of
// one folder is named folder:variant and lives in VARIANTS. After each run, when bench/results/before/ holds
// the same result measured by earlier code, the headline figures of both are printed side by side.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
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
for (const name of chosen) {
  const run = runs.get(name);
  if (run === undefined) {
    console.error(`unknown benchmark "${name}"; available: ${available.join(', ')}`);
    process.exit(2);
  }
  console.log(`\n=== bench/${name} ===`);
  const env = { ...process.env, ...run.env };
  const result = spawnSync(process.execPath, ['-r', './tools/register.js', path.join('bench', run.file)], { stdio: 'inherit', cwd: root, env });
  if (result.status !== 0) process.exit(result.status ?? 1);
  const table = beforeAfterTable(path.join(__dirname, 'results'), run.result);
  if (table) console.log(`\n${table}`);
}

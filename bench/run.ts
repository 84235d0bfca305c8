// `npm run bench [-- name …]`: runs the benchmarks one after another (default: all). Each prints its figures
// and writes bench/results/<name>.json. They need a PostgreSQL server: BENCH_DATABASE_URL (an admin URL),
// default postgres://postgres@127.0.0.1:5432/postgres. A benchmark is a folder with a run.ts; a second run of
// one folder is named folder:variant and lives in VARIANTS.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Runs that are not a folder's run.ts (`npm run bench -- load:abuse`). */
const VARIANTS: Record<string, string> = { 'load:abuse': path.join('load', 'abuse.ts'), 'portal:1m': path.join('portal', 'scale.ts') };

const scripts = new Map<string, string>();
for (const name of fs.readdirSync(__dirname)) if (fs.existsSync(path.join(__dirname, name, 'run.ts'))) scripts.set(name, path.join(name, 'run.ts'));
for (const [name, file] of Object.entries(VARIANTS)) scripts.set(name, file);
const available = [...scripts.keys()].sort();
const requested = process.argv.slice(2);
const chosen = requested.length > 0 ? requested : available;
for (const name of chosen) {
  const file = scripts.get(name);
  if (file === undefined) {
    console.error(`unknown benchmark "${name}"; available: ${available.join(', ')}`);
    process.exit(2);
  }
  console.log(`\n=== bench/${name} ===`);
  const result = spawnSync(process.execPath, ['-r', './tools/register.js', path.join('bench', file)], { stdio: 'inherit', cwd: path.resolve(__dirname, '..') });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

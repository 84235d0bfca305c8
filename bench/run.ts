// `npm run bench [-- name …]`: runs the benchmarks one after another (default: all). Each prints its figures
// and writes bench/results/<name>.json. They need a PostgreSQL server: BENCH_DATABASE_URL (an admin URL),
// default postgres://postgres@127.0.0.1:5432/postgres.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const available = fs.readdirSync(__dirname).filter((name) => fs.existsSync(path.join(__dirname, name, 'run.ts')));
const requested = process.argv.slice(2);
const chosen = requested.length > 0 ? requested : available;
for (const name of chosen) {
  if (!available.includes(name)) {
    console.error(`unknown benchmark "${name}"; available: ${available.join(', ')}`);
    process.exit(2);
  }
  console.log(`\n=== bench/${name} ===`);
  const result = spawnSync(process.execPath, ['-r', './tools/register.js', path.join('bench', name, 'run.ts')], { stdio: 'inherit', cwd: path.resolve(__dirname, '..') });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

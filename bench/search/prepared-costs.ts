// What prepared statements would save per search: every variant of the bench's mix (full page), run on one
// connection as the adapter runs it (an unnamed statement: parsed, analysed and planned each time) and as a named
// prepared statement planned afresh for its parameters (plan_cache_mode = force_custom_plan: a generic plan is
// wrong for these searches, see SEARCH_SESSION_OPTIONS). Prints the backend's CPU and the client's wall time per
// search for each, alternating rounds (PROFILE_SHAPE: full, count or page). Usage:
// PROFILE_DATABASE_URL=postgres://…/credit_bench_search node -r ./tools/register.js bench/search/prepared-costs.ts
import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { loadTokenStats, searchReaderUrl } from '@credit/search';
import { Database } from '@credit/db';
import { cpuSecondsOf } from '../support/process-cpu';
import { searchSql, Shape } from './explain';
import { percentile } from './load-phases';
import { buildVariants } from './queries';

const ROUNDS = Number(process.env.PROFILE_ROUNDS ?? 6);
const REPEAT = Number(process.env.PROFILE_REPEAT ?? 10);
const SHAPE = (process.env.PROFILE_SHAPE ?? 'full') as Shape;

async function main(): Promise<void> {
  const url = process.env.PROFILE_DATABASE_URL;
  if (!url) throw new Error('PROFILE_DATABASE_URL: a database bench/search loaded');
  const db = new Database(url, 1);
  const stats = await loadTokenStats(db);
  const statements = (await buildVariants(db)).map((variant) => searchSql(variant.variables, stats, SHAPE));
  await db.close();
  const client = new Client({ connectionString: searchReaderUrl(url) });
  await client.connect();
  await client.query('SET plan_cache_mode = force_custom_plan');
  const [{ pid }] = (await client.query('SELECT pg_backend_pid() AS pid')).rows;
  const texts = new Set(statements.map((s) => s.text));
  console.log(`${statements.length} statements, ${texts.size} distinct texts, ${Math.round(statements.reduce((n, s) => n + s.text.length, 0) / statements.length)} characters each on average`);
  const run = async (named: boolean) => {
    const cpu = cpuSecondsOf(pid) as number;
    const start = process.hrtime.bigint();
    for (let i = 0; i < REPEAT; i++) {
      for (const { text, params } of statements) {
        const name = named ? `s${createHash('sha1').update(text).digest('hex').slice(0, 16)}` : undefined;
        await client.query({ name, text, values: params });
      }
    }
    const count = REPEAT * statements.length;
    return { cpuMs: (((cpuSecondsOf(pid) as number) - cpu) * 1000) / count, wallMs: Number(process.hrtime.bigint() - start) / 1e6 / count };
  };
  await run(true); // parse every named statement once, and warm the cache
  await run(false);
  const results: Record<'unnamed' | 'prepared', { cpuMs: number; wallMs: number }[]> = { unnamed: [], prepared: [] };
  for (let round = 0; round < ROUNDS; round++) {
    results.unnamed.push(await run(false));
    results.prepared.push(await run(true));
  }
  for (const [mode, runs] of Object.entries(results)) {
    console.log(`${mode.padEnd(9)} backend CPU ${percentile(runs.map((r) => r.cpuMs), 50).toFixed(3)} ms, wall ${percentile(runs.map((r) => r.wallMs), 50).toFixed(3)} ms per search (medians of ${ROUNDS} rounds of ${REPEAT} × ${statements.length})`);
  }
  await client.end();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

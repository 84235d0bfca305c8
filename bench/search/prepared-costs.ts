// What the search's prepared statements save (SEARCH_SESSION_OPTIONS: one prepared statement per text, generic
// plans, today's date in the text): every search of the sample run on one connection as before (`unnamed`: parsed
// and planned for its values each time, plan_cache_mode = force_custom_plan), as the adapter runs a text it has
// not named (`generic`: an unnamed statement on a search reader connection, planned generically on each run), and
// as it runs a named one (`prepared`: planned once, generic). Checks all three give the same page and the same
// sample (as a set: its order is the plan's), then prints the backend's CPU and the client's wall time per search
// over alternating rounds, and the searches the prepared generic plan made slowest. Usage:
// PROFILE_DATABASE_URL=postgres://…/credit_bench_search node -r ./tools/register.js bench/search/prepared-costs.ts
// (PROFILE_TAIL=n: n searches of the long tail instead of the head mix; PROFILE_SHAPE: full, count or page).
import { Client } from 'pg';
import { preparedStatementName } from '@credit/db';
import { searchReaderUrl } from '@credit/search';
import { cpuSecondsOf } from '../support/process-cpu';
import { searchSql } from './explain';
import { percentile } from './load-phases';
import { profileSession } from './long-tail';

const ROUNDS = Number(process.env.PROFILE_ROUNDS ?? 6);
const REPEAT = Number(process.env.PROFILE_REPEAT ?? 10);
type Mode = 'unnamed' | 'generic' | 'prepared';
const MODES: Mode[] = ['unnamed', 'generic', 'prepared'];
type Statement = { text: string; params: unknown[] };

async function main(): Promise<void> {
  const url = process.env.PROFILE_DATABASE_URL;
  if (!url) throw new Error('PROFILE_DATABASE_URL: a database bench/search loaded');
  const session = await profileSession(url, 0);
  const statements: Statement[] = session.variants.map((variant) => searchSql(variant.variables, session.stats, session.shape));
  await session.db.close();
  const clients = {} as Record<Mode, { client: Client; pid: number }>;
  for (const mode of MODES) {
    const client = new Client({ connectionString: searchReaderUrl(url) });
    await client.connect();
    if (mode === 'unnamed') await client.query('SET plan_cache_mode = force_custom_plan');
    clients[mode] = { client, pid: (await client.query('SELECT pg_backend_pid() AS pid')).rows[0].pid };
  }
  const once = (mode: Mode, { text, params }: Statement) =>
    clients[mode].client.query({ name: mode === 'prepared' ? preparedStatementName('search', text) : undefined, text, values: params });

  let differing = 0;
  for (const statement of statements) {
    const [a, ...others] = [(await once('unnamed', statement)).rows[0], (await once('generic', statement)).rows[0], (await once('prepared', statement)).rows[0]];
    // The facets are counted from the sample: the same sample set gives the same facets, whatever its order.
    if (others.some((b) => JSON.stringify(a.hits) !== JSON.stringify(b.hits) || JSON.stringify(a.facets) !== JSON.stringify(b.facets) || a.sampled !== b.sampled)) differing++;
  }
  console.log(`${statements.length} searches (${session.shape}), ${new Set(statements.map((s) => s.text)).size} distinct texts; answers differing: ${differing}`);

  const run = async (mode: Mode) => {
    const cpu = cpuSecondsOf(clients[mode].pid) as number;
    const start = process.hrtime.bigint();
    for (let i = 0; i < REPEAT; i++) for (const statement of statements) await once(mode, statement);
    const count = REPEAT * statements.length;
    return { cpuMs: (((cpuSecondsOf(clients[mode].pid) as number) - cpu) * 1000) / count, wallMs: Number(process.hrtime.bigint() - start) / 1e6 / count };
  };
  const results: Record<Mode, { cpuMs: number; wallMs: number }[]> = { unnamed: [], generic: [], prepared: [] };
  for (let round = 0; round < ROUNDS; round++) for (const mode of MODES) results[mode].push(await run(mode));
  for (const [mode, runs] of Object.entries(results)) {
    console.log(`${mode.padEnd(9)} backend CPU ${percentile(runs.map((r) => r.cpuMs), 50).toFixed(3)} ms, wall ${percentile(runs.map((r) => r.wallMs), 50).toFixed(3)} ms per search (medians of ${ROUNDS} rounds of ${REPEAT} × ${statements.length})`);
  }

  // Per search, the median wall time of three alternating runs: the ones the generic plan made slowest.
  const each: ({ i: number } & Record<Mode, number>)[] = [];
  for (const [i, statement] of statements.entries()) {
    const times: Record<Mode, number[]> = { unnamed: [], generic: [], prepared: [] };
    for (let k = 0; k < 3; k++) {
      for (const mode of MODES) {
        const start = process.hrtime.bigint();
        await once(mode, statement);
        times[mode].push(Number(process.hrtime.bigint() - start) / 1e6);
      }
    }
    each.push({ i, unnamed: percentile(times.unnamed, 50), generic: percentile(times.generic, 50), prepared: percentile(times.prepared, 50) });
  }
  each.sort((x, y) => y.prepared / y.unnamed - x.prepared / x.unnamed);
  const total = (mode: Mode) => each.reduce((sum, e) => sum + e[mode], 0).toFixed(1);
  console.log(`each search once (median of 3): ${total('unnamed')} ms unnamed, ${total('generic')} ms generic, ${total('prepared')} ms prepared; slowest prepared relative to unnamed:`);
  for (const e of each.slice(0, 5)) console.log(`  ${(e.prepared / e.unnamed).toFixed(2)}×  ${e.unnamed.toFixed(2)} → ${e.prepared.toFixed(2)} ms (generic ${e.generic.toFixed(2)})  ${JSON.stringify(session.variants[e.i].variables).slice(0, 90)}`);
  for (const { client } of Object.values(clients)) await client.end();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

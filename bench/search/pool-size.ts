// The search readers' pool size (SEARCH_READER_POOL): the raw SQL of the bench's full page from closed-loop clients
// on pools of different sizes, in the order given (alternate them: this machine drifts by 10-20 % over minutes),
// each after a 2-s warm-up in which every connection prepares the statements. Prints queries per second and the
// database's CPU per query, to show whether more backends than cores cost the database more per search.
// Usage: PROFILE_DATABASE_URL=postgres://…/credit_bench_search [POOL_PLAN=10x50,4x50,1x1] [POOL_SECONDS=15] \
//   node -r ./tools/register.js bench/search/pool-size.ts   (POOL_PLAN: pool size x clients, comma-separated)
import { Pool } from 'pg';
import { searchReaderUrl } from '@credit/search';
import { databaseServerCpu } from '../support/process-cpu';
import { searchSql } from './explain';
import { closedLoop, SqlStatement } from './load-phases';
import { profileSession } from './long-tail';

async function phase(url: string, statements: SqlStatement[], serverCpu: () => number | null, size: number, clients: number, seconds: number) {
  const pool = new Pool({ connectionString: searchReaderUrl(url), max: size });
  await closedLoop(pool, statements, clients, 2);
  const before = serverCpu();
  const client = process.cpuUsage();
  const done = (await closedLoop(pool, statements, clients, seconds)).length;
  const after = serverCpu();
  const used = process.cpuUsage(client);
  await pool.end();
  const perQuery = (ms: number) => Number((ms / done).toFixed(3));
  return {
    pool: size,
    clients,
    queriesPerSecond: Math.round(done / seconds),
    databaseCpuMsPerQuery: before === null || after === null ? null : perQuery((after - before) * 1000),
    clientCpuMsPerQuery: perQuery((used.user + used.system) / 1000),
  };
}

async function main(): Promise<void> {
  const url = process.env.PROFILE_DATABASE_URL;
  if (!url) throw new Error('PROFILE_DATABASE_URL: a database bench/search loaded');
  const { db, stats, shape, variants } = await profileSession(url, 0);
  try {
    const serverCpu = await databaseServerCpu(db);
    const statements = variants.map((variant) => searchSql(variant.variables, stats, shape));
    const seconds = Number(process.env.POOL_SECONDS ?? 15);
    for (const step of (process.env.POOL_PLAN ?? '10x50,4x50,1x1,4x50,10x50').split(',')) {
      const [size, clients] = step.split('x').map(Number);
      if (!(Number.isInteger(size) && size > 0 && Number.isInteger(clients) && clients > 0)) throw new Error(`POOL_PLAN: "${step}" is not <pool size>x<clients>`);
      console.log(JSON.stringify(await phase(url, statements, serverCpu, size, clients, seconds)));
    }
  } finally {
    await db.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

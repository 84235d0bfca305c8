// bench/portal at scale (`npm run bench -- portal:1m`): the portal's budgets on the 1M-disclosure database that
// bench/search loaded (credit_bench_search in its embedded PostgreSQL, BENCH_SEARCH_PGDATA, default
// <tmp>/credit-bench-search-pg; run `BENCH_SEARCH_REUSE=1 npm run bench -- search` first if it is missing).
// Nothing is loaded here: the cluster is started, the API runs as its own process in production mode against
// that database (it applies any migration the database lacks at start), with the search result cache off, and
// for a company name from the data set, a two-character word and a filter-only page it measures the results
// page's bytes and GET /search?… against the searchDisclosures call for the same fields and facets,
// alternating, in the same run (budget ≤ 1.5×). BENCH_PORTAL_ROUNDS (100).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { Database } from '@credit/db';
import { startApiProcess } from '../support/api-process';
import { writeResult } from '../support/bench-database';
import { prewarmTable } from '../support/prewarm';
import { startBenchPostgres } from '../search/bench-postgres';
import { compare, pageBytes, PortalQuery, round, textQuery } from './compare';

const NAME = 'credit_bench_search';
const ROUNDS = Number(process.env.BENCH_PORTAL_ROUNDS ?? 100);
const PG_DATA = process.env.BENCH_SEARCH_PGDATA ?? path.join(os.tmpdir(), 'credit-bench-search-pg');
/** 天长市, one of the eight counties bench/search spreads its subjects over (word-lists.ts). */
const FILTER_REGION = '341181';

const log = (line: string) => process.stdout.write(`${line}\n`);
const load = () => os.loadavg().map((v) => round(v));

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(PG_DATA, 'postgres', 'PG_VERSION'))) {
    throw new Error(`no bench cluster in ${PG_DATA}: run \`npm run bench -- search\` first (it loads the 1M disclosures)`);
  }
  const loadAverage: Record<string, number[]> = { start: load() };
  log(`load average (1/5/15 min) at start: ${loadAverage.start.join('/')} on ${os.cpus().length} CPUs`);
  const pg = await startBenchPostgres(PG_DATA);
  try {
    const target = new URL(pg.url);
    target.pathname = `/${NAME}`;
    const url = target.toString();
    const before = await inspect(url);
    log(`${NAME} in ${PG_DATA}: ${before.documents} published documents, ${before.migrations} migrations applied`);
    if (before.documents < 100_000) throw new Error(`${NAME} holds ${before.documents} documents, not the 1M bench/search loads`);

    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-portal-1m-'));
    const api = await startApiProcess(
      {
        DATABASE_URL: url, DATA_DIR: dataDir, LOG_LEVEL: 'warn', ADMIN_PASSWORD: 'bench-operator-passphrase',
        // No background jobs over the 1M records while measuring; every request reaches PostgreSQL.
        RUN_WORKER_IN_PROCESS: 'false', RATE_LIMIT_ANONYMOUS_PER_MINUTE: '1000000', SEARCH_CACHE_TTL_MS: '0', SEARCH_BACKEND: 'postgres',
      },
      dataDir,
      300_000,
    );
    try {
      const after = await inspect(url);
      log(`API process ${api.pid} ready on ${api.origin}; migrations applied: ${before.migrations} before start, ${after.migrations} after`);
      // The whole index in the buffer pool, as on a server that has been answering searches for a while (after the
      // API's start, whose migrations may have rewritten the table).
      const warm = new Database(url, 1);
      const prewarm = await prewarmTable(warm, 'public_disclosures').finally(() => warm.close());
      log(`prewarm: ${prewarm}`);
      const queries: PortalQuery[] = [
        textQuery(before.companyName),
        textQuery('食品'),
        { label: `region=${FILTER_REGION} (no query)`, params: { region: FILTER_REGION }, variables: { filter: { regionCode: FILTER_REGION } } },
      ];
      const timings: Record<string, unknown>[] = [];
      for (const query of queries) {
        const bytes = await pageBytes(api.origin, query);
        const t = await compare(api.origin, query, ROUNDS);
        timings.push({ ...t, bytes });
        log(`"${query.label}" (${t.hits}${t.hitsIsLowerBound ? '+' : ''} hits): /search median ${t.portalMedianMs} ms (p90 ${t.portalP90Ms}), searchDisclosures median ${t.graphqlMedianMs} ms (p90 ${t.graphqlP90Ms}) → ratio ${t.ratio}× (budget 1.5×); page ${bytes.total} B = HTML ${bytes.html} + CSS ${bytes.css} + JS ${bytes.js} (budget 100 KB)`);
        loadAverage[`after "${query.label}"`] = load();
      }
      log(`load average (1/5/15 min): ${Object.entries(loadAverage).map(([at, v]) => `${at} ${v.join('/')}`).join(', ')}`);
      const file = writeResult('portal-1m', {
        database: { name: NAME, dataDir: PG_DATA, documents: before.documents, migrationsBefore: before.migrations, migrationsAfter: after.migrations },
        rounds: ROUNDS, searchCacheTtlMs: 0, prewarm, timings,
        cpus: os.cpus().length, node: process.version, loadAverage,
      });
      log(`written to ${path.relative(path.resolve(__dirname, '..', '..'), file)}`);
    } finally {
      log(`API process stopped (${await api.stop()})`);
    }
  } finally {
    await pg.stop();
    log('bench PostgreSQL stopped');
  }
}

/** The published documents, the applied migrations, and a company name from the data set (one fixed row). */
async function inspect(url: string): Promise<{ documents: number; migrations: number; companyName: string }> {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    const [{ documents }] = (await db.query(`SELECT count(*)::int AS documents FROM public_disclosures WHERE NOT withdrawn`)).rows;
    const [{ migrations }] = (await db.query(`SELECT count(*)::int AS migrations FROM mikro_orm_migrations`)).rows;
    const rows = (await db.query(`SELECT party_name FROM public_disclosures WHERE NOT withdrawn ORDER BY record_id OFFSET 4241 LIMIT 1`)).rows;
    return { documents, migrations, companyName: rows[0]?.party_name ?? '' };
  } finally {
    await db.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

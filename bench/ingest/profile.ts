// bench/ingest/profile.ts: where one ingest batch spends its time. Calls PenaltyIngestService.submit in process
// (no HTTP, no GraphQL), one batch at a time, and sums the wall time of every SQL statement (and COPY) run inside the
// ingest transactions (by the first words of its text); what is left is JavaScript and round trips.
// `BENCH_RECORDS=20000 node -r ./tools/register.js bench/ingest/profile.ts` (add --cpu-prof for a V8 profile;
// PROFILE_EXPLAIN=n for the plans of the n-th batch's statements). PROFILE_TEMPLATE=<database> pushes into a copy of
// that database instead of an empty one: PROFILE_TEMPLATE=credit_bench_tiers, after bench/tiers on the same server,
// pushes into 1,000,000 subjects with 3,000,000 records and their tiers (the demo's subjects are new to it).
import './production-env';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { finished, Writable } from 'node:stream';
import { Client, type PoolClient } from 'pg';
import pino from 'pino';
import { SYSTEM_ACTOR } from '@credit/audit';
import { CatalogueService, seedBlacklistCatalogue } from '@credit/blacklist';
import { DepartmentPrincipal, loadConfig, loadSecrets } from '@credit/common';
import { Database, SqlExecutor } from '@credit/db';
import { PenaltyRecordDraft } from '@credit/domain';
import { DepartmentsService } from '@credit/departments';
import { PenaltyIngestService } from '@credit/penalties';
import { createApi } from '../../apps/api/src/create-api';
import { departmentUscc, generateDemoData } from '../../apps/cli/src/demo/demo-data.generator';
import { DEMO_DEPARTMENTS } from '../../apps/cli/src/demo/demo-vocabulary';
import { freshBenchDatabase } from '../support/bench-database';

const TOTAL = Number(process.env.BENCH_RECORDS ?? 20_000);
const timings = new Map<string, { ms: number; calls: number }>();
// PROFILE_EXPLAIN=n prints the plan (EXPLAIN ANALYZE, rolled back) of every statement of the n-th batch. A named
// (prepared) statement is explained as its text, so this shows a custom plan and its planning time, not the
// cached generic plan the connection may be running.
const EXPLAIN_BATCH = Number(process.env.PROFILE_EXPLAIN ?? -1);
let explainNow = false;

function timeStatements(): void {
  const original = Database.prototype.transaction;
  Database.prototype.transaction = function <T>(this: Database, fn: (sql: SqlExecutor, client: PoolClient) => Promise<T>, attempts?: number): Promise<T> {
    return original.call(this, (sql: SqlExecutor, client: PoolClient) => {
      const timed: SqlExecutor = {
        query: async (text: string, params?: unknown[], statementName?: string) => {
          if (explainNow && !/^\s*(SET|SELECT pg_advisory)/.test(text)) {
            // Run it once under EXPLAIN ANALYZE and undo that, then for real below.
            await sql.query('SAVEPOINT explain');
            const plan = await sql.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, params);
            await sql.query('ROLLBACK TO SAVEPOINT explain');
            process.stdout.write(`\n${plan.map((row) => row['QUERY PLAN'].slice(0, 220)).join('\n')}\n`);
          }
          const started = process.hrtime.bigint();
          try {
            return await sql.query(text, params, statementName);
          } finally {
            record(text, started);
          }
        },
      } as SqlExecutor;
      return fn(timed, timedCopies(client));
    }, attempts) as Promise<T>;
  } as typeof original;
}

/** Adds the time since `started` to the statement's entry (keyed by its first words). */
function record(text: string, started: bigint): void {
  const key = text.replace(/\s+/g, ' ').trim().slice(0, 70);
  const entry = timings.get(key) ?? { ms: 0, calls: 0 };
  entry.ms += Number(process.hrtime.bigint() - started) / 1e6;
  entry.calls += 1;
  timings.set(key, entry);
}

/** The transaction's client with every COPY FROM it is given (insertNew's) timed until its stream has ended. */
function timedCopies(client: PoolClient): PoolClient {
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property !== 'query') return Reflect.get(target, property, receiver);
      return (config: unknown, ...rest: unknown[]) => {
        const started = process.hrtime.bigint();
        const result = (target.query as (...args: unknown[]) => unknown).call(target, config, ...rest);
        if (config instanceof Writable) finished(config, () => record(String((config as Writable & { text?: string }).text ?? 'COPY'), started));
        return result;
      };
    },
  });
}

async function main(): Promise<void> {
  const template = process.env.PROFILE_TEMPLATE || undefined;
  const url = await freshBenchDatabase('credit_bench_ingest_profile', template);
  if (template) await describeBackground(url, template);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'credit-prof-'));
  const env = { NODE_ENV: 'production', DATA_DIR: dataDir, LOG_LEVEL: 'silent', RUN_WORKER_IN_PROCESS: 'false' };
  const app = await createApi({ config: { ...loadConfig(env), databaseUrl: url }, secrets: loadSecrets(dataDir, env), databaseUrl: url }, pino({ level: 'silent' }));
  await app.init();
  await seedBlacklistCatalogue(app.get(CatalogueService), SYSTEM_ACTOR);
  const data = generateDemoData({ entities: Math.ceil(TOTAL / 1.1) + 100, seed: 1 });
  const batches: { principal: DepartmentPrincipal; records: PenaltyRecordDraft[] }[] = [];
  for (const d of DEMO_DEPARTMENTS) {
    const { department } = await app.get(DepartmentsService).create({ code: d.code, name: d.name, uscc: departmentUscc(d.org), regionCode: '341100' }, SYSTEM_ACTOR);
    const principal: DepartmentPrincipal = { kind: 'DEPARTMENT', departmentId: department.id, departmentCode: d.code, departmentName: d.name, regionCode: '341100', apiKeyId: '0' };
    const records = data.recordsByDepartment.get(d.code) ?? [];
    for (let i = 0; i < records.length; i += 1000) batches.push({ principal, records: records.slice(i, i + 1000) });
  }
  timeStatements();
  const ingest = app.get(PenaltyIngestService);
  let records = 0;
  const started = Date.now();
  for (const [n, batch] of batches.entries()) {
    if (records >= TOTAL) break;
    explainNow = n === EXPLAIN_BATCH;
    await ingest.submit(batch.principal, batch.records);
    records += batch.records.length;
  }
  const totalMs = Date.now() - started;
  const sqlMs = [...timings.values()].reduce((sum, t) => sum + t.ms, 0);
  process.stdout.write(`${records} records in ${totalMs} ms (${Math.round((records / totalMs) * 1000)} records/s); SQL ${Math.round(sqlMs)} ms, the rest ${Math.round(totalMs - sqlMs)} ms\n`);
  for (const [key, t] of [...timings].sort((a, b) => b[1].ms - a[1].ms)) process.stdout.write(`${t.ms.toFixed(0).padStart(8)} ms ${String(t.calls).padStart(5)}×  ${key}\n`);
  await app.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

/** What the copied database held before the push, its statistics fresh (the copy keeps the template's). */
async function describeBackground(url: string, template: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('VACUUM ANALYZE');
    const { rows } = await client.query<Record<string, string>>(
      'SELECT (SELECT count(*) FROM credit_subjects) AS subjects, (SELECT count(*) FROM penalty_records) AS records, (SELECT count(*) FROM subject_tiers) AS tiers',
    );
    process.stdout.write(`pushing into a copy of ${template}: ${Object.entries(rows[0]).map(([what, n]) => `${Number(n).toLocaleString()} ${what}`).join(', ')}\n`);
  } finally {
    await client.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

// bench/ingest: pushes N records (default 200,000) through submitPenaltyRecords over HTTP in batches of 1,000
// (validation, idempotency, subjects, audit and every same-transaction listener included), then, in the same
// run, COPYs exactly the rows that produced into the same (emptied) tables, and prints both rates and the ratio.
// Target (DESIGN.md §5): GraphQL ingest ≥ 40% of COPY.
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { Client } from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import pino from 'pino';
import { UsersService } from '@credit/auth';
import { SYSTEM_ACTOR } from '@credit/audit';
import { loadConfig, loadSecrets } from '@credit/common';
import { DepartmentsService } from '@credit/departments';
import { PenaltyRecordDraft } from '@credit/domain';
import { createApi } from '../../apps/api/src/create-api';
import { generateDemoData } from '../../apps/cli/src/demo/demo-data.generator';
import { freshBenchDatabase, writeResult } from '../support/bench-database';

const TOTAL = Number(process.env.BENCH_RECORDS ?? 200_000);
const BATCH = 1000;
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 2);
// Tables a push writes to, in an order COPY can refill them without breaking foreign keys.
const TABLES = ['credit_subjects', 'penalty_records'];

const SUBMIT = `mutation($records: [PenaltyRecordInput!]!) { submitPenaltyRecords(records: $records) { created updated unchanged rejected } }`;

async function main(): Promise<void> {
  const url = await freshBenchDatabase('credit_bench_ingest');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'credit-bench-'));
  const env = { NODE_ENV: 'production', DATA_DIR: dataDir, LOG_LEVEL: 'silent', RUN_WORKER_IN_PROCESS: 'false' };
  const runtime = { config: { ...loadConfig(env), databaseUrl: url }, secrets: loadSecrets(dataDir, env), databaseUrl: url };
  const app = await createApi(runtime, pino({ level: 'silent' }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address() as { port: number };
  const endpoint = `http://127.0.0.1:${address.port}/graphql`;
  await app.get(UsersService).ensureAdmin('admin', 'bench-admin-password');

  // Records: the demo generator's realistic Chinese records, re-numbered to reach TOTAL, split over CLIENTS departments.
  const drafts = allDrafts(TOTAL);
  const keys: string[] = [];
  for (let c = 0; c < CLIENTS; c++) {
    const { apiKey } = await app.get(DepartmentsService).create({ code: `BENCH-${c}`, name: `基准测试部门${c}`, uscc: '113411000030000142', regionCode: '341100' }, SYSTEM_ACTOR);
    keys.push(apiKey);
  }
  const batches: { key: string; records: PenaltyRecordDraft[] }[] = [];
  for (let i = 0; i < drafts.length; i += BATCH) batches.push({ key: keys[(i / BATCH) % CLIENTS], records: drafts.slice(i, i + BATCH) });
  const bodies = batches.map((batch) => ({ key: batch.key, body: JSON.stringify({ query: SUBMIT, variables: { records: batch.records } }) }));

  process.stdout.write(`pushing ${drafts.length} records in ${batches.length} batches of ${BATCH} with ${CLIENTS} concurrent clients…\n`);
  let created = 0;
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: CLIENTS }, async () => {
    while (next < bodies.length) {
      const { key, body } = bodies[next++];
      const response = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': key }, body });
      const json = (await response.json()) as { data?: { submitPenaltyRecords: { created: number; rejected: number } }; errors?: unknown };
      if (!json.data) throw new Error(`push failed: ${JSON.stringify(json.errors)}`);
      created += json.data.submitPenaltyRecords.created;
    }
  }));
  const graphqlSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  await app.close();

  const copySeconds = await copySameRows(url);
  const graphqlRate = created / graphqlSeconds;
  const copyRate = created / copySeconds;
  const ratio = graphqlRate / copyRate;
  const file = writeResult('ingest', { records: created, batchSize: BATCH, clients: CLIENTS, graphqlSeconds, graphqlRowsPerSecond: Math.round(graphqlRate), copySeconds, copyRowsPerSecond: Math.round(copyRate), ratio: Number(ratio.toFixed(3)), target: 0.4 });
  process.stdout.write(`submitPenaltyRecords: ${created} rows in ${graphqlSeconds.toFixed(1)} s = ${Math.round(graphqlRate)} rows/s\n`);
  process.stdout.write(`COPY of the same rows:  ${created} rows in ${copySeconds.toFixed(1)} s = ${Math.round(copyRate)} rows/s\n`);
  process.stdout.write(`ratio: ${(ratio * 100).toFixed(1)}% of COPY (target ≥ 40%)  → ${file}\n`);
  fs.rmSync(dataDir, { recursive: true, force: true });
}

function allDrafts(total: number): PenaltyRecordDraft[] {
  const out: PenaltyRecordDraft[] = [];
  for (let seed = 1; out.length < total; seed++) {
    const data = generateDemoData({ entities: 20_000, seed });
    for (const records of data.recordsByDepartment.values()) {
      for (const record of records) {
        if (out.length >= total) break;
        out.push({ ...record, decisionNumber: `基准〔${seed}〕${out.length}号` });
      }
    }
  }
  return out;
}

/** Dumps what the pushes stored, empties the tables, and times COPY FROM of exactly those rows. */
async function copySameRows(url: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const dumps = new Map<string, Buffer>();
  for (const table of TABLES) {
    const chunks: Buffer[] = [];
    const stream = client.query(copyTo(`COPY ${table} TO STDOUT (FORMAT binary)`));
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    dumps.set(table, Buffer.concat(chunks));
  }
  await client.query(`TRUNCATE ${[...TABLES, 'penalty_record_versions', 'subject_name_changes'].join(', ')} CASCADE`);
  await client.query('CHECKPOINT');
  const started = process.hrtime.bigint();
  await client.query('BEGIN');
  for (const table of TABLES) await pipeline(Readable.from([dumps.get(table) as Buffer]), client.query(copyFrom(`COPY ${table} FROM STDIN (FORMAT binary)`)));
  await client.query('COMMIT');
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await client.end();
  return seconds;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

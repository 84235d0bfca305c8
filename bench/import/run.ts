// bench/import: a 100,000-row 双公示 XLSX (BENCH_IMPORT_ROWS) imported through PenaltyImportService (streamed
// read, mapping, batches of 1,000 through PenaltyIngestService.submit), and, in the same run on a fresh
// database each time, the same records pushed straight into PenaltyIngestService.submit in batches of 1,000
// (what submitPenaltyRecords does below GraphQL). BENCH_IMPORT_ROUNDS rounds (default 3) alternate the order;
// prints the median rates, the ratio (target: import ≥ 80% of the direct push), CPU per row and the import's
// peak memory, and writes bench/results/import.json.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import pino from 'pino';
import { SYSTEM_ACTOR } from '@credit/audit';
import { DepartmentPrincipal, loadConfig, loadSecrets } from '@credit/common';
import { DepartmentsService } from '@credit/departments';
import { PenaltyImportService } from '@credit/imports';
import { PenaltyIngestService } from '@credit/penalties';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApi } from '../../apps/api/src/create-api';
import { BENCH_ADMIN_URL, freshBenchDatabase, writeResult } from '../support/bench-database';
import { BENCH_DEPARTMENT, benchDrafts } from './bench-rows';

const TOTAL = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
/** Several rounds on a shared machine: the medians are reported. */
const ROUNDS = Number(process.env.BENCH_IMPORT_ROUNDS ?? 3);
const BATCH = 1000;
const DATABASE = 'credit_bench_import';
const MB = 1024 * 1024;

async function boot(url: string, dataDir: string): Promise<{ app: NestFastifyApplication; department: DepartmentPrincipal }> {
  const env = { NODE_ENV: 'production', DATA_DIR: dataDir, LOG_LEVEL: 'silent', RUN_WORKER_IN_PROCESS: 'false' };
  const runtime = { config: { ...loadConfig(env), databaseUrl: url }, secrets: loadSecrets(dataDir, env), databaseUrl: url };
  const app = await createApi(runtime, pino({ level: 'silent' }));
  await app.init();
  const { department } = await app.get(DepartmentsService).create(BENCH_DEPARTMENT, SYSTEM_ACTOR);
  return { app, department: { kind: 'DEPARTMENT', departmentId: department.id, departmentCode: department.code, departmentName: department.name, regionCode: department.regionCode, apiKeyId: 'bench' } };
}

interface PhaseResult {
  seconds: number;
  /** CPU of this process (all its threads: the XLSX reader's worker included), per row. */
  cpuMicrosPerRow: number;
}

interface MemoryFigures {
  baselineRss: number;
  peakRss: number;
  peakHeap: number;
}

/** The file import on a fresh database; samples memory while it runs when asked (the first, in a fresh process). */
async function importPhase(file: string, work: string, memory: MemoryFigures | null): Promise<PhaseResult> {
  const booted = await boot(await freshBenchDatabase(DATABASE), work);
  const figures = memory ?? { baselineRss: 0, peakRss: 0, peakHeap: 0 };
  figures.baselineRss = process.memoryUsage().rss;
  const sample = () => {
    const usage = process.memoryUsage();
    figures.peakRss = Math.max(figures.peakRss, usage.rss);
    figures.peakHeap = Math.max(figures.peakHeap, usage.heapUsed);
  };
  const sampler = setInterval(sample, 50);
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  const summary = await booted.app.get(PenaltyImportService).import(booted.department, file, { onProgress: sample, reportPath: path.join(work, 'errors.csv') });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const used = process.cpuUsage(cpu);
  clearInterval(sampler);
  await booted.app.close();
  if (summary.created !== TOTAL) throw new Error(`import created ${summary.created} of ${TOTAL} (rejected ${summary.rejected}; see ${summary.errorReportPath})`);
  return { seconds, cpuMicrosPerRow: (used.user + used.system) / TOTAL };
}

/** The same records straight into PenaltyIngestService.submit, batches of 1,000, on a fresh database. */
async function pushPhase(work: string): Promise<PhaseResult> {
  const booted = await boot(await freshBenchDatabase(DATABASE), work);
  const ingest = booted.app.get(PenaltyIngestService);
  let created = 0;
  let elapsed = 0n;
  let cpuMicros = 0;
  for (const chunk of benchDrafts(TOTAL)) {
    // Only the submits are measured: generating the drafts is the client's work, not the platform's.
    const cpu = process.cpuUsage();
    const started = process.hrtime.bigint();
    for (let i = 0; i < chunk.length; i += BATCH) created += (await ingest.submit(booted.department, chunk.slice(i, i + BATCH))).created;
    elapsed += process.hrtime.bigint() - started;
    const used = process.cpuUsage(cpu);
    cpuMicros += used.user + used.system;
  }
  await booted.app.close();
  if (created !== TOTAL) throw new Error(`direct push created ${created} of ${TOTAL}`);
  return { seconds: Number(elapsed) / 1e9, cpuMicrosPerRow: cpuMicros / TOTAL };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];

async function main(): Promise<void> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'credit-bench-import-'));
  try {
    await measure(work);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

async function measure(work: string): Promise<void> {
  const file = path.join(work, `penalties-${TOTAL}.xlsx`);
  process.stdout.write(`writing a ${TOTAL}-row workbook…\n`);
  const made = spawnSync(process.execPath, ['-r', './tools/register.js', 'bench/import/make-workbook.ts', file, String(TOTAL)], { stdio: 'inherit', cwd: path.resolve(__dirname, '../..') });
  if (made.status !== 0) throw new Error('could not write the workbook');
  const fileMb = fs.statSync(file).size / MB;

  // Rounds alternate which side goes first, so a neighbour's load or a warm cache favours neither. Memory is
  // measured in round 1, whose import runs first in this process (the workbook was written by a child).
  const memory: MemoryFigures = { baselineRss: 0, peakRss: 0, peakHeap: 0 };
  let maxRssAfterFirstImport = 0;
  const imports: PhaseResult[] = [];
  const pushes: PhaseResult[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const order = round % 2 === 1 ? (['import', 'push'] as const) : (['push', 'import'] as const);
    for (const phase of order) {
      process.stdout.write(`round ${round}: ${phase === 'import' ? `importing ${path.basename(file)} (${fileMb.toFixed(1)} MB)` : `pushing the same ${TOTAL} records through PenaltyIngestService.submit`}…\n`);
      if (phase === 'import') {
        imports.push(await importPhase(file, work, round === 1 ? memory : null));
        if (round === 1) maxRssAfterFirstImport = process.resourceUsage().maxRSS * 1024;
      }
      else pushes.push(await pushPhase(work));
    }
    const ratio = pushes[round - 1].seconds / imports[round - 1].seconds;
    process.stdout.write(`round ${round}: import ${imports[round - 1].seconds.toFixed(1)} s, direct ${pushes[round - 1].seconds.toFixed(1)} s, ratio ${(ratio * 100).toFixed(1)}%\n`);
  }
  await dropDatabase();

  const importSeconds = median(imports.map((r) => r.seconds));
  const pushSeconds = median(pushes.map((r) => r.seconds));
  const importRate = TOTAL / importSeconds;
  const pushRate = TOTAL / pushSeconds;
  // Each round's two phases ran close together, under the same neighbours: their ratio is the robust figure.
  const ratio = median(imports.map((r, i) => pushes[i].seconds / r.seconds));
  const result = {
    rows: TOTAL, batchSize: BATCH, rounds: ROUNDS, fileMegabytes: Number(fileMb.toFixed(1)),
    importSeconds: Number(importSeconds.toFixed(2)), importRowsPerSecond: Math.round(importRate),
    directPushSeconds: Number(pushSeconds.toFixed(2)), directPushRowsPerSecond: Math.round(pushRate),
    ratio: Number(ratio.toFixed(3)), target: 0.8,
    perRound: imports.map((r, i) => ({ importSeconds: Number(r.seconds.toFixed(2)), directPushSeconds: Number(pushes[i].seconds.toFixed(2)), ratio: Number((pushes[i].seconds / r.seconds).toFixed(3)) })),
    cpuMicrosPerRow: { import: Math.round(median(imports.map((r) => r.cpuMicrosPerRow))), directPush: Math.round(median(pushes.map((r) => r.cpuMicrosPerRow))) },
    memory: {
      baselineRssMb: Math.round(memory.baselineRss / MB), importPeakRssMb: Math.round(memory.peakRss / MB),
      maxRssAfterFirstImportMb: Math.round(maxRssAfterFirstImport / MB), importPeakHeapUsedMb: Math.round(memory.peakHeap / MB),
    },
    loadAverage: os.loadavg().map((value) => Number(value.toFixed(2))),
  };
  const out = writeResult('import', result);
  process.stdout.write(`file import:   ${TOTAL} rows in ${importSeconds.toFixed(1)} s = ${Math.round(importRate)} rows/s (median of ${ROUNDS})\n`);
  process.stdout.write(`direct submit: ${TOTAL} rows in ${pushSeconds.toFixed(1)} s = ${Math.round(pushRate)} rows/s (median of ${ROUNDS})\n`);
  process.stdout.write(`ratio: ${(ratio * 100).toFixed(1)}% of the direct push (median of the rounds' ratios; target ≥ 80%); CPU per row ${result.cpuMicrosPerRow.import} µs vs ${result.cpuMicrosPerRow.directPush} µs\n`);
  process.stdout.write(`memory: RSS ${result.memory.baselineRssMb} MB before the import, peak ${result.memory.importPeakRssMb} MB during it (heap peak ${result.memory.importPeakHeapUsedMb} MB); load average ${result.loadAverage.join(' ')}  → ${out}\n`);
}

async function dropDatabase(): Promise<void> {
  const admin = new Client({ connectionString: BENCH_ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await admin.end();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

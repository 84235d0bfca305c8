// Before and after in the same session (issue 15): bench/results/before/<result>.json keeps what the code before
// a change measured on this machine (with its commit), and bench/run.ts prints the headline figures of both
// after each run, side by side. A before file is an older checkout's bench/results/<result>.json, copied into
// bench/results/before/ with a "commit" field naming that checkout.
import fs from 'node:fs';
import path from 'node:path';

type Json = Record<string, unknown>;

/** The figures of the table, per result file: a label and a dotted path into the result. */
const HEADLINES: Record<string, [label: string, path: string][]> = {
  search: [
    ['full page req/s', 'load.graphql.requestsPerSecond'],
    ['full page p50 ms', 'load.graphql.p50'],
    ['full page p99 ms', 'load.graphql.p99'],
    ['full page raw SQL q/s', 'load.rawSql.requestsPerSecond'],
    ['full page GraphQL/SQL p50', 'load.ratioP50'],
    ['full page GraphQL/SQL p99', 'load.ratioP99'],
    ['page only req/s', 'pageOnly.graphql.requestsPerSecond'],
    ['page only p99 ms', 'pageOnly.graphql.p99'],
    ['page only raw SQL q/s', 'pageOnly.rawSql.requestsPerSecond'],
    ['page only GraphQL/SQL p50', 'pageOnly.ratioP50'],
    ['cached head req/s', 'cachedGraphql.requestsPerSecond'],
    ['cached head p99 ms', 'cachedGraphql.p99'],
    ['long tail req/s', 'longTail.requestsPerSecond'],
    ['long tail cache hit rate', 'longTail.cacheHitRate'],
  ],
  ingest: [
    ['records/s', 'graphqlRecordsPerSecond'],
    ['rows written per record', 'rowsPerRecord'],
    ['÷ COPY of every row written', 'ratio'],
    ['÷ COPY of the records alone', 'recordsOnlyRatio'],
    ['Node CPU s', 'cpuSeconds.node'],
    ['PostgreSQL CPU s', 'cpuSeconds.postgres'],
    ['load average at start', 'loadAverage.start.0'],
  ],
  tiers: [
    ['subjects', 'subjects'],
    ['bare aggregate, first s', 'baseline.firstSeconds'],
    ['full recompute, first s', 'full.firstSeconds'],
    ['first run ÷ bare', 'ratio.first'],
    ['re-run ÷ bare', 'ratio.rerun'],
    ['first run ÷ bare, server CPU', 'serverCpuSeconds.ratioFirst'],
    ['load average at start', 'loadAverage.start.0'],
  ],
};

function pick(result: Json, dotted: string): unknown {
  return dotted.split('.').reduce<unknown>((value, key) => (value !== null && typeof value === 'object' ? (value as Json)[key] : undefined), result);
}

function show(value: unknown): string {
  if (typeof value === 'number') return Number.isInteger(value) ? value.toLocaleString('en') : value.toFixed(value >= 10 ? 1 : 3);
  return value === undefined || value === null ? '—' : String(value);
}

/** The buffer pool of the server a result was measured on: a default server and a production one are not compared. */
function bufferPool(result: Json): string {
  return show(pick(result, 'server.shared_buffers') ?? pick(result, 'server.settings.shared_buffers'));
}

/**
 * The side-by-side table for one result file, or null when there is no before to compare with. Runs on the
 * production-settings server (BENCH_SERVER=production) compare with bench/results/before/production/ when it holds
 * the result, so both sides were measured on the same kind of server.
 */
export function beforeAfterTable(resultsDir: string, resultName: string, production = false): string | null {
  const headlines = HEADLINES[resultName.replace(/-\d+k$/, '')];
  const productionBefore = path.join(resultsDir, 'before', 'production', `${resultName}.json`);
  const beforeFile = production && fs.existsSync(productionBefore) ? productionBefore : path.join(resultsDir, 'before', `${resultName}.json`);
  const afterFile = path.join(resultsDir, `${resultName}.json`);
  if (!headlines || !fs.existsSync(afterFile)) return null;
  const after = JSON.parse(fs.readFileSync(afterFile, 'utf8')) as Json;
  const inRun = inRunBefore(after);
  if (!inRun && !fs.existsSync(beforeFile)) return null;
  const before = inRun ?? (JSON.parse(fs.readFileSync(beforeFile, 'utf8')) as Json);
  const width = Math.max(...headlines.map(([label]) => label.length));
  const lines = [
    `before (${show(before.commit)}, ${show(before.measuredAt)}, shared_buffers ${bufferPool(before)}) → after (${show(after.measuredAt)}, shared_buffers ${bufferPool(after)}):`,
    ...headlines.map(([label, dotted]) => `  ${label.padEnd(width)}  ${show(pick(before, dotted)).padStart(10)}  →  ${show(pick(after, dotted)).padStart(10)}`),
  ];
  return lines.join('\n');
}

/**
 * The before a search run measured itself (BENCH_SEARCH_BASELINE_ROOT: the other checkout's API in the same ABBA run,
 * on the same server and data), in the shape of a result file, so its figures stand beside the run's own rather than
 * a before/ file from another day. The raw SQL phase is shared by both sides, so its rows show only after. Null
 * when the run had no baseline.
 */
function inRunBefore(after: Json): Json | null {
  const baseline = after.baseline as Json | null | undefined;
  if (!baseline || typeof baseline !== 'object' || !baseline.graphql) return null;
  return {
    commit: `${String(baseline.commit ?? baseline.root)}, same run`,
    measuredAt: after.measuredAt,
    server: after.server,
    load: { graphql: baseline.graphql },
    pageOnly: { graphql: baseline.page },
    cachedGraphql: baseline.cachedGraphql,
    longTail: baseline.longTail,
  };
}

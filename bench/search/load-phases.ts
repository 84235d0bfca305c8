// One load phase of bench/search: 50 closed-loop clients for BENCH_SEARCH_SECONDS, over GraphQL (autocannon) or as
// raw SQL (a pg pool the size of the API's search readers). Besides latency and throughput, each phase reports
// the CPU every part spent per request: the API process, the database server (when it runs on this machine) and
// this process (the load generator, or the raw SQL client). On a machine whose cores all three share, their sum
// is what one request costs, and the cores divided by it the most any run could answer.
import type { ChildProcess } from 'node:child_process';
import os from 'node:os';
import autocannon from 'autocannon';
import { Pool } from 'pg';
import { preparedStatementName } from '@credit/db';
import { loadConfig } from '@credit/common';
import { searchReaderUrl } from '@credit/search';
import { cpuSecondsOf } from '../support/process-cpu';

export const SECONDS = Number(process.env.BENCH_SEARCH_SECONDS ?? 20);
/**
 * Unmeasured load before the first measured phase of each API process and of each raw SQL pool
 * (BENCH_SEARCH_WARMUP_SECONDS, default 30; 0 measures from a cold start as runs before 2026-12-07 did). A server runs
 * for weeks; a 15-s phase of a fresh API measured mostly its JIT compiling the search path and its new connections
 * preparing and planning every statement: the same full page, same API and data, measured 369 req/s and 2.21 ms of API
 * CPU a request in a process's first 15 s, 522 req/s and 1.07 ms after 5 s of load, 600 req/s and 0.88 ms after 30 s.
 */
export const WARMUP_SECONDS = Number(process.env.BENCH_SEARCH_WARMUP_SECONDS ?? 30);
export const CONNECTIONS = 50;

export interface LoadFigures {
  p50: number;
  p90: number;
  p99: number;
  requestsPerSecond: number;
  requests: number;
  errors: number;
  /** The API process's CPU (user + system) per request over the phase, in ms; null for raw SQL or off Linux. */
  apiCpuMsPerRequest?: number | null;
  /** The database server's CPU (postmaster and every backend) per request, in ms; null when it is not on this machine. */
  databaseCpuMsPerRequest?: number | null;
  /** This process's CPU per request, in ms: autocannon for GraphQL, the pg client for raw SQL. */
  clientCpuMsPerRequest?: number;
  /** The machine's cores divided by the CPU one request took (API + database + client): a ceiling on throughput. */
  cpuBoundRequestsPerSecond?: number | null;
  /** What the errors were: answers with GraphQL errors or a non-200 status, and requests that got no answer in time. */
  errorKinds?: { answered: number; timeouts: number; firstAnswer: string | null };
}

/** This checkout's CPU per request (the API's, or the database's) over the baseline's, same run: < 1 is cheaper. */
export function cpuRatio(mine: LoadFigures, baseline: LoadFigures, of: 'apiCpuMsPerRequest' | 'databaseCpuMsPerRequest' = 'apiCpuMsPerRequest'): number | null {
  const [a, b] = [mine[of], baseline[of]];
  return a && b ? round(a / b) : null;
}

/** The CPU one request took, API + database + client, in ms; null without the database's share. */
function cpuMsPerRequest(f: Pick<LoadFigures, 'apiCpuMsPerRequest' | 'databaseCpuMsPerRequest' | 'clientCpuMsPerRequest'>): number | null {
  return f.databaseCpuMsPerRequest == null ? null : f.databaseCpuMsPerRequest + (f.apiCpuMsPerRequest ?? 0) + (f.clientCpuMsPerRequest ?? 0);
}

/** Reads the CPU the parts of a phase used, from its start to `done(requests)`. */
function cpuMeter(serverCpu: () => number | null, apiPid?: number) {
  const api = apiPid === undefined ? null : cpuSecondsOf(apiPid);
  const server = serverCpu();
  const client = process.cpuUsage();
  return (requests: number) => {
    const perRequest = (before: number | null, after: number | null) => (before === null || after === null || requests === 0 ? null : round(((after - before) * 1000) / requests));
    const used = process.cpuUsage(client);
    const clientCpuMsPerRequest = requests === 0 ? 0 : round((used.user + used.system) / 1000 / requests);
    const apiCpuMsPerRequest = apiPid === undefined ? null : perRequest(api, cpuSecondsOf(apiPid));
    const databaseCpuMsPerRequest = perRequest(server, serverCpu());
    const total = cpuMsPerRequest({ apiCpuMsPerRequest, databaseCpuMsPerRequest, clientCpuMsPerRequest });
    return { apiCpuMsPerRequest, databaseCpuMsPerRequest, clientCpuMsPerRequest, cpuBoundRequestsPerSecond: total ? Math.round((os.cpus().length * 1000) / total) : null };
  };
}

export async function loadGraphql(api: { port: number; child: ChildProcess }, nextVariables: () => Record<string, unknown>, query: string, serverCpu: () => number | null, seconds = SECONDS): Promise<LoadFigures> {
  const meter = cpuMeter(serverCpu, api.child.pid);
  let errors = 0;
  let firstAnswer: string | null = null;
  const result = await autocannon({
    url: `http://127.0.0.1:${api.port}/graphql`,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        // Round-robin over the mix, across connections: every connection sees every kind of query.
        setupRequest: (request: any) => ({ ...request, body: JSON.stringify({ query, variables: nextVariables() }) }),
        onResponse: (status: number, body: string) => {
          if (status !== 200 || body.includes('"errors"')) {
            errors++;
            firstAnswer ??= `${status} ${body.slice(0, 300)}`;
          }
        },
      },
    ],
  } as any);
  // CPU per answered request: steadier than throughput on a machine the database shares.
  const cpu = meter(result.requests.total);
  return { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, requestsPerSecond: Math.round(result.requests.average), requests: result.requests.total, errors: errors + result.errors + result.non2xx,
    ...cpu,
    errorKinds: { answered: errors, timeouts: result.timeouts, firstAnswer },
  };
}

/**
 * SEARCH_READER_POOL as this checkout's API reads it (the API inherits this process's environment), the variable
 * alone: another variable the bench does not use cannot fail the phase after the long load.
 */
export function searchReaderPool(): number {
  return loadConfig({ SEARCH_READER_POOL: process.env.SEARCH_READER_POOL }).searchReaderPool;
}

export type SqlStatement = { text: string; params: unknown[] };

/**
 * Closed-loop clients round robin over the statements on the pool until `seconds` have passed (every client sees
 * every statement); returns each query's latency in ms.
 */
export async function closedLoop(pool: Pool, statements: SqlStatement[], clients: number, seconds: number): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  const until = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (Date.now() < until) {
        const statement = statements[next++ % statements.length];
        const t = performance.now();
        // As the adapter runs it: a prepared statement per text (generic plans on these connections).
        await pool.query({ name: preparedStatementName('search', statement.text), text: statement.text, values: statement.params });
        latencies.push(performance.now() - t);
      }
    }),
  );
  return latencies;
}

/** The statements round robin from closed-loop clients (default: the phase's 50 for its SECONDS) on a pool of the API's size. */
export async function loadSql(url: string, statements: SqlStatement[], serverCpu: () => number | null, { clients = CONNECTIONS, seconds = SECONDS } = {}): Promise<LoadFigures> {
  // The API's search reader pool: raw SQL gets the same size.
  const pool = new Pool({ connectionString: searchReaderUrl(url), max: searchReaderPool() });
  await pool.query('SELECT 1'); // the first connection's start-up is not the phase's
  // As the API's pool is by its warm-up: every connection open, every statement prepared and planned.
  if (WARMUP_SECONDS > 0) await closedLoop(pool, statements, clients, WARMUP_SECONDS);
  const meter = cpuMeter(serverCpu);
  const latencies = await closedLoop(pool, statements, clients, seconds);
  const cpu = meter(latencies.length);
  await pool.end();
  return { p50: round(percentile(latencies, 50)), p90: round(percentile(latencies, 90)), p99: round(percentile(latencies, 99)), requestsPerSecond: Math.round(latencies.length / seconds), requests: latencies.length, errors: 0, ...cpu };
}

/** The mean of two figures of two runs, null when either run has none. */
export function meanOf(x: number | null | undefined, y: number | null | undefined): number | null {
  return x == null || y == null ? null : round((x + y) / 2);
}

/**
 * Two runs of one phase as one: the mean of each figure (percentiles, throughput and CPU per request, so a side
 * measured at two moments of a run is compared at their middle), the sum of requests and errors.
 */
export function meanFigures(a: LoadFigures, b: LoadFigures): LoadFigures {
  return {
    p50: round((a.p50 + b.p50) / 2),
    p90: round((a.p90 + b.p90) / 2),
    p99: round((a.p99 + b.p99) / 2),
    requestsPerSecond: Math.round((a.requestsPerSecond + b.requestsPerSecond) / 2),
    requests: a.requests + b.requests,
    errors: a.errors + b.errors,
    apiCpuMsPerRequest: meanOf(a.apiCpuMsPerRequest, b.apiCpuMsPerRequest),
    databaseCpuMsPerRequest: meanOf(a.databaseCpuMsPerRequest, b.databaseCpuMsPerRequest),
    clientCpuMsPerRequest: meanOf(a.clientCpuMsPerRequest, b.clientCpuMsPerRequest) ?? undefined,
    cpuBoundRequestsPerSecond: a.cpuBoundRequestsPerSecond != null && b.cpuBoundRequestsPerSecond != null ? Math.round((a.cpuBoundRequestsPerSecond + b.cpuBoundRequestsPerSecond) / 2) : null,
    errorKinds: a.errorKinds && b.errorKinds
      ? { answered: a.errorKinds.answered + b.errorKinds.answered, timeouts: a.errorKinds.timeouts + b.errorKinds.timeouts, firstAnswer: a.errorKinds.firstAnswer ?? b.errorKinds.firstAnswer }
      : (a.errorKinds ?? b.errorKinds),
  };
}

/** "API a + database d + client c = t ms of CPU per request; n cores: at most r req/s". */
export function cpuLine(f: LoadFigures): string | null {
  const total = cpuMsPerRequest(f);
  if (total === null || f.cpuBoundRequestsPerSecond == null) return null;
  const parts = [f.apiCpuMsPerRequest != null ? `API ${f.apiCpuMsPerRequest}` : null, `database ${f.databaseCpuMsPerRequest}`, `client ${f.clientCpuMsPerRequest}`].filter(Boolean);
  return `  CPU per request: ${parts.join(' + ')} = ${round(total)} ms; ${os.cpus().length} cores: at most ${f.cpuBoundRequestsPerSecond} req/s`;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export function round(value: number): number {
  return Math.round(value * 100) / 100;
}

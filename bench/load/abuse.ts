// bench/load abuse run (`npm run bench -- load:abuse`): one department pushes batches of new penalty records
// through submitPenaltyRecords on a fixed schedule, first alone (the baseline), then beside six abusers at
// once, each from its own loopback address (bench/load/abusers.ts):
//   scraper                   anonymous public search far above RATE_LIMIT_ANONYMOUS_PER_MINUTE (60)
//   badKeyFlood               guessed API keys and forged JWTs (RATE_LIMIT_BAD_CREDENTIALS_PER_MINUTE, 10)
//   metricsLabelFlood         anonymous queries named with 30,000 characters, a new name each time, half
//                             invalid, every tenth 200 KB (over the 64 KiB anonymous body limit)
//   metricsLabelFloodWithKey  200 KB operation names sent with a (leaked) department key
//   metricsBadToken           GET /metrics without the METRICS_TOKEN
//   xlsxBombUploads           another department uploading the 300 KB workbook that inflates to 300 MB
// The abuse comes twice: "rated", each abuser at a stated rate (about 260 requests/s in all, 100× to 600× the
// per-address limits), then "flat out", each keeping its connections busy (what this machine can send). The
// server is the real API (apps/api/src/main.ts) in its own process, NODE_ENV=production, on 127.0.0.1, with
// the default limits; its memory and CPU are read from /proc/<pid>. Everything is bounded by count and time
// (ABUSE_BASELINE_SECONDS 30, ABUSE_RATED_SECONDS 45, ABUSE_FLAT_OUT_SECONDS 20; the run kills itself after
// 4 minutes) and nothing leaves 127.0.0.0/8. ABUSERS=name,… runs only those abusers.
//
// How to read bench/results/load-abuse.json: `department.<phase>` holds the push latencies (from when a batch
// was due to its whole answer; open loop, so a slow server cannot hide its delay) and their outcomes
// ("SKIPPED": 16 batches were still open when the next was due); `department.ratio` is that phase's p50 and
// p99 ÷ the baseline's (1 = the abuse cost the department nothing). `server.<phase>` gives the server's peak
// RSS as the kernel's high-water mark for that phase (VmHWM, reset when it starts), the 100 ms sampled peak,
// and CPU seconds used (a bomb inflated in memory would add gigabytes); `server.cpuMsPerAbuseRequest` is the
// server's CPU above the baseline's rate per abuser request, the figure that carries to another machine. The
// latencies do not: on a shared machine they depend on how much CPU the server got (`setup.loadAverage*`).
// `abusers.<phase>[].answers` counts "<HTTP status> <code>": the scraper gets 60 OK a minute and then
// RATE_LIMITED, the bad keys 10 UNAUTHENTICATED a minute and then 429, bad metrics tokens 401, 200 KB
// anonymous bodies 413, the bombs PAYLOAD_TOO_LARGE (RATE_LIMITED past 10 a minute); a 500 or an ERROR is a
// finding. `metricsPage` is /metrics before and after: the label floods must add no label of their own.
// `after` must show /health and /ready 200, a final push "200 OK" and the server ending on SIGTERM ("exit 0").
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { departmentUscc } from '../../apps/cli/src/demo/demo-data.generator';
import { ApiProcess, logLevels, startApiProcess, tail } from '../support/api-process';
import { freshBenchDatabase, writeResult } from '../support/bench-database';
import { batchOfRecords, push, PusherMessage, PusherOptions, PushSample } from './abuse-department';
import { Abuser, AbuserReport, badKeyFlood, bombUploads, keyedLabelFlood, labelFlood, metricsTokenFlood, runAbuser, scraper } from './abusers';

const WARMUP_S = 5;
const BASELINE_S = Number(process.env.ABUSE_BASELINE_SECONDS ?? 30);
const RATED_S = Number(process.env.ABUSE_RATED_SECONDS ?? 45);
const FLAT_OUT_S = Number(process.env.ABUSE_FLAT_OUT_SECONDS ?? 20);
const RECOVERY_S = 5;
const BATCH = 100;
const PUSHES_PER_SECOND = 4;
const RUN_LIMIT_MS = 240_000;
const ONLY = process.env.ABUSERS ? process.env.ABUSERS.split(',').map((name) => name.trim()) : null;
const MB = 1024 * 1024;

const ADDRESS = { department: '127.0.0.5', scraper: '127.0.0.2', badKeys: '127.0.0.3', labels: '127.0.0.4', metrics: '127.0.0.6', bombs: '127.0.0.7', keyedLabels: '127.0.0.8', operator: '127.0.0.10' };

const round = (value: number, digits = 1) => Number(value.toFixed(digits));
const sleep = (seconds: number) => new Promise((resolve) => setTimeout(resolve, seconds * 1000));

function request(origin: string, method: string, urlPath: string, headers: Record<string, string> = {}, body?: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = http.request(`${origin}${urlPath}`, { method, localAddress: ADDRESS.operator, headers: body ? { 'content-type': 'application/json', ...headers } : headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

async function gql<T>(origin: string, query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}): Promise<T> {
  const json = JSON.parse((await request(origin, 'POST', '/graphql', headers, JSON.stringify({ query, variables }))).text);
  if (json.errors) throw new Error(`${query.slice(0, 40)}…: ${JSON.stringify(json.errors)}`);
  return json.data as T;
}

async function createDepartment(origin: string, token: string, code: string, name: string, org: string): Promise<string> {
  const input = { code, name, uscc: departmentUscc(org), regionCode: '341100' };
  const data = await gql<{ createDepartment: { apiKey: string } }>(origin, 'mutation Create($input: CreateDepartmentInput!) { createDepartment(input: $input) { apiKey } }', { input }, { authorization: `Bearer ${token}` });
  return data.createDepartment.apiKey;
}

/** /metrics as the holder of METRICS_TOKEN sees it: its size and the operation labels on it. */
async function metricsPage(api: ApiProcess, token: string) {
  const { status, text } = await request(api.origin, 'GET', '/metrics', { authorization: `Bearer ${token}` });
  const labels = [...new Set([...text.matchAll(/operation="([^"]*)"/g)].map((match) => match[1]))].sort();
  return { status, bytes: Buffer.byteLength(text), operationLabels: labels.length, longestLabel: Math.max(0, ...labels.map((label) => label.length)), labels };
}

function pushLatencies(samples: PushSample[], from: number, to: number) {
  const inPhase = samples.filter((s) => s.at >= from && s.at < to);
  const times = inPhase.filter((s) => Number.isFinite(s.ms)).map((s) => s.ms).sort((a, b) => a - b);
  const outcomes: Record<string, number> = {};
  for (const s of inPhase) outcomes[s.outcome] = (outcomes[s.outcome] ?? 0) + 1;
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(times.length * q))] ?? NaN;
  return { batches: inPhase.length, outcomes, p50ms: round(at(0.5)), p99ms: round(at(0.99)), maxMs: round(times[times.length - 1] ?? NaN) };
}
type Latencies = ReturnType<typeof pushLatencies>;

/** The server's resident set and CPU per phase: the kernel's high-water mark and a 100 ms sampled peak. */
class ServerWatch {
  private sampledPeak = 0;
  private cpuAtStart = 0;
  private startMb = 0;
  private readonly timer: NodeJS.Timeout;
  /** RSS in MB once a second over the whole run. */
  readonly timeline: number[] = [];
  private ticks = 0;

  constructor(private readonly api: ApiProcess) {
    this.timer = setInterval(() => {
      const rss = this.rss();
      this.sampledPeak = Math.max(this.sampledPeak, rss);
      if (this.ticks++ % 10 === 0) this.timeline.push(round(rss / MB, 0));
    }, 100);
  }

  private rss(): number {
    try {
      return this.api.rss();
    } catch {
      return 0; // the process is gone: the run reports it below
    }
  }

  begin(): void {
    this.api.resetPeak();
    this.sampledPeak = this.rss();
    this.startMb = round(this.sampledPeak / MB);
    this.cpuAtStart = this.api.cpuSeconds();
  }

  end() {
    return { rssAtStartMb: this.startMb, peakRssMb: round(this.api.peakRss() / MB), sampledPeakRssMb: round(this.sampledPeak / MB), cpuSeconds: round(this.api.cpuSeconds() - this.cpuAtStart) };
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

function startDepartment(options: PusherOptions) {
  const child = fork(path.join(__dirname, 'abuse-department.ts'), [], { execArgv: ['-r', './tools/register.js'], cwd: path.resolve(__dirname, '..', '..') });
  process.once('exit', () => child.kill('SIGKILL'));
  const done = new Promise<{ samples: PushSample[]; nextRecord: number }>((resolve, reject) => {
    child.on('message', (message: { type: string; samples: PushSample[]; nextRecord: number }) => message.type === 'samples' && resolve(message));
    child.once('exit', (code) => reject(new Error(`the department process ended (${code}) before handing back its samples`)));
  });
  child.send({ type: 'start', options } satisfies PusherMessage);
  return {
    stop: () => {
      child.send({ type: 'stop' } satisfies PusherMessage);
      return done;
    },
  };
}

async function main(): Promise<void> {
  const runStarted = Date.now();
  // Other work on the machine shows in every latency here: the run states how busy the machine was.
  const loadAtStart = os.loadavg().map((load) => round(load, 2));
  setTimeout(() => {
    console.error(`the abuse run took longer than ${RUN_LIMIT_MS / 1000} s; stopping (the server and the department are killed on exit)`);
    process.exit(1);
  }, RUN_LIMIT_MS).unref();

  const url = await freshBenchDatabase('credit_bench_abuse');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'credit-abuse-'));
  const metricsToken = randomBytes(24).toString('base64url');
  const adminPassword = `Bench-${randomBytes(12).toString('base64url')}`;
  const api = await startApiProcess({ DATABASE_URL: url, DATA_DIR: dataDir, ADMIN_PASSWORD: adminPassword, METRICS_TOKEN: metricsToken, LOG_LEVEL: 'warn' }, dataDir);
  const afterStartMb = round(api.rss() / MB);
  process.stdout.write(`API pid ${api.pid} at ${api.origin} (production, RSS ${afterStartMb} MB after start); log ${api.logFile}\n`);

  const { login } = await gql<{ login: { accessToken: string } }>(api.origin, 'mutation Login($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken } }', { u: 'admin', p: adminPassword });
  const pusherKey = await createDepartment(api.origin, login.accessToken, 'CZ-SCJGJ', '滁州市市场监督管理局', '00300001');
  const bomberKey = await createDepartment(api.origin, login.accessToken, 'CZ-STHJJ', '滁州市生态环境局', '00300002');
  const leakedKey = await createDepartment(api.origin, login.accessToken, 'CZ-SWJ', '国家税务总局滁州市税务局', '00300003');
  const abusers: Abuser[] = [
    scraper(ADDRESS.scraper, 100_000),
    badKeyFlood(ADDRESS.badKeys, 100_000),
    labelFlood(ADDRESS.labels, 10_000, 30_000),
    keyedLabelFlood(ADDRESS.keyedLabels, 1_000, leakedKey),
    metricsTokenFlood(ADDRESS.metrics, 100_000),
    bombUploads(ADDRESS.bombs, 40, bomberKey),
  ].filter((abuser) => ONLY === null || ONLY.includes(abuser.name));

  const department = startDepartment({ origin: api.origin, apiKey: pusherKey, localAddress: ADDRESS.department, batch: BATCH, perSecond: PUSHES_PER_SECOND, maxInFlight: 16, firstRecord: 1 });
  const watch = new ServerWatch(api);
  process.stdout.write(`department pushing ${PUSHES_PER_SECOND} batches of ${BATCH} records a second; warm-up ${WARMUP_S} s, baseline ${BASELINE_S} s…\n`);
  await sleep(WARMUP_S);
  const metricsBefore = await metricsPage(api, metricsToken);

  const windows: Record<string, [number, number]> = {};
  const server: Record<string, ReturnType<ServerWatch['end']>> = {};
  const reports: Record<string, AbuserReport[]> = {};
  const phase = async (name: string, work: () => Promise<unknown>) => {
    watch.begin();
    const from = Date.now();
    await work();
    windows[name] = [from, Date.now()];
    server[name] = watch.end();
  };
  const abuse = (rated: boolean, seconds: number) => async () => {
    process.stdout.write(`abuse, ${rated ? 'rated' : 'flat out'}, ${seconds} s…\n`);
    const stopAt = Date.now() + seconds * 1000;
    reports[rated ? 'rated' : 'flatOut'] = await Promise.all(abusers.map((abuser) => runAbuser(api.origin, abuser, stopAt, rated)));
  };
  await phase('baseline', () => sleep(BASELINE_S));
  await phase('rated', abuse(true, RATED_S));
  await phase('flatOut', abuse(false, FLAT_OUT_S));
  // The department goes on a little after the abusers have gone: it is served as before.
  await phase('recovery', () => sleep(RECOVERY_S));
  const { samples, nextRecord } = await department.stop();
  watch.stop();

  const health = await request(api.origin, 'GET', '/health');
  const ready = await request(api.origin, 'GET', '/ready');
  const finalPush = await push(new http.Agent(), { origin: api.origin, apiKey: pusherKey, localAddress: ADDRESS.operator }, batchOfRecords(nextRecord, BATCH));
  const metricsAfter = await metricsPage(api, metricsToken);
  const rssAtEndMb = round(api.rss() / MB);
  const stopped = await api.stop();
  const serverLog = logLevels(api.logFile);

  const latency: Record<string, Latencies> = Object.fromEntries(Object.entries(windows).map(([name, [from, to]]) => [name, pushLatencies(samples, from, to)]));
  const ratio = (name: string) => ({ p50: round(latency[name].p50ms / latency.baseline.p50ms, 2), p99: round(latency[name].p99ms / latency.baseline.p99ms, 2) });
  const healthy = health.status === 200 && ready.status === 200 && finalPush === '200 OK' && stopped === 'exit 0';
  const { labels: labelsAfter, ...metricsAfterSummary } = metricsAfter;
  // The server's CPU above the department's own (the baseline's rate) per abuser request: what one refusal costs.
  const cpuPerRequest = (name: string) => {
    const [from, to] = windows[name];
    const [baseFrom, baseTo] = windows.baseline;
    const extra = server[name].cpuSeconds - (server.baseline.cpuSeconds * (to - from)) / (baseTo - baseFrom);
    const requests = reports[name].reduce((sum, report) => sum + report.requests, 0);
    return requests === 0 ? null : round((extra * 1000) / requests, 2);
  };
  const result = {
    setup: {
      server: 'apps/api/src/main.ts in its own process, NODE_ENV=production, 127.0.0.1, default limits',
      batch: BATCH,
      pushesPerSecond: PUSHES_PER_SECOND,
      seconds: Object.fromEntries(Object.entries(windows).map(([name, [from, to]]) => [name, round((to - from) / 1000)])),
      abusers: abusers.map(({ name, localAddress, perSecond, concurrency }) => ({ name, localAddress, ratedPerSecond: round(perSecond, 2), flatOutConnections: concurrency })),
      cpus: os.cpus().length,
      loadAverageAtStart: loadAtStart,
      loadAverageAtEnd: os.loadavg().map((load) => round(load, 2)),
    },
    department: { ...latency, ratio: { rated: ratio('rated'), flatOut: ratio('flatOut'), recovery: ratio('recovery') } },
    server: { afterStartRssMb: afterStartMb, ...server, cpuMsPerAbuseRequest: { rated: cpuPerRequest('rated'), flatOut: cpuPerRequest('flatOut') }, atEndRssMb: rssAtEndMb, rssTimelineMbPerSecond: watch.timeline },
    abusers: reports,
    metricsPage: { before: { ...metricsBefore, labels: undefined }, after: metricsAfterSummary, labelsAfter },
    after: { health: health.status, ready: ready.status, readyBody: JSON.parse(ready.text), finalPush, serverStopped: stopped, serverLogLines: serverLog, healthy },
    runSeconds: round((Date.now() - runStarted) / 1000),
  };
  const file = writeResult('load-abuse', result);
  print(result, file);
  if (!healthy) process.stdout.write(`server log tail:\n${tail(api.logFile)}\n`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  if (!healthy) process.exit(1);
}

function print(result: Record<string, any>, file: string): void {
  const out = (text: string) => process.stdout.write(`${text}\n`);
  const phases = ['baseline', 'rated', 'flatOut', 'recovery'];
  out(`\ndepartment push latency (batches of ${BATCH} new records, ${PUSHES_PER_SECOND}/s, open loop):`);
  for (const name of phases) {
    const p = result.department[name] as Latencies;
    const ratio = result.department.ratio[name];
    out(`  ${name.padEnd(9)} ${String(p.batches).padStart(4)} batches  p50 ${String(p.p50ms).padStart(7)} ms  p99 ${String(p.p99ms).padStart(7)} ms  max ${String(p.maxMs).padStart(7)} ms${ratio ? `  (×${ratio.p50} / ×${ratio.p99} of baseline)` : ''}  ${JSON.stringify(p.outcomes)}`);
  }
  out(`machine: ${result.setup.cpus} CPUs, load average ${result.setup.loadAverageAtStart.join(' ')} at the start, ${result.setup.loadAverageAtEnd.join(' ')} at the end`);
  out(`server (own process): RSS ${result.server.afterStartRssMb} MB after start, ${result.server.atEndRssMb} MB at the end; per phase peak RSS (kernel VmHWM / sampled) and CPU:`);
  for (const name of phases) {
    const s = result.server[name];
    out(`  ${name.padEnd(9)} from ${String(s.rssAtStartMb).padStart(6)} MB  peak ${String(s.peakRssMb).padStart(6)} / ${String(s.sampledPeakRssMb).padStart(6)} MB  CPU ${String(s.cpuSeconds).padStart(5)} s`);
  }
  for (const mode of ['rated', 'flatOut']) {
    out(`abusers, ${mode}; the server spent ${result.server.cpuMsPerAbuseRequest[mode] ?? 'n/a'} ms CPU per abuser request (answers as "<HTTP status> <code>"):`);
    for (const r of (result.abusers[mode] ?? []) as AbuserReport[]) {
      out(`  ${r.name.padEnd(25)} ${r.localAddress.padEnd(10)} ${String(r.requests).padStart(6)} requests (${String(r.requestsPerSecond).padStart(6)}/s), ${(r.bytesSent / MB).toFixed(1)} MB sent  ${JSON.stringify(r.answers)}`);
    }
  }
  const { before, after } = result.metricsPage;
  out(`/metrics: ${before.bytes} bytes, ${before.operationLabels} operation labels before; ${after.bytes} bytes, ${after.operationLabels} labels after (longest ${after.longestLabel} characters)`);
  const a = result.after;
  out(`after: /health ${a.health}, /ready ${a.ready}, final push ${a.finalPush}, server stopped: ${a.serverStopped}; server log lines by level ${JSON.stringify(a.serverLogLines)}`);
  out(`${a.healthy ? 'healthy after the abuse' : 'NOT HEALTHY after the abuse'}; run took ${result.runSeconds} s  → ${file}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

// bench/search/profile.ts: where the API's CPU goes while answering searchDisclosures under load. Starts the API
// (from this checkout, or PROFILE_ROOT: another checkout, for a before/after) with its start:prod V8 flags and
// `node --cpu-prof`, sends the bench's query mix for PROFILE_SECONDS (15) with 50 connections, stops it, and sums
// the profile's self time by layer (GraphQL execution, Nest/Apollo/Fastify, pg, JSON, the search code, GC …).
// Usage: PROFILE_DATABASE_URL=postgres://…/credit_bench_search node -r ./tools/register.js bench/search/profile.ts
// PROFILE_WARMUP_SECONDS (the bench's BENCH_SEARCH_WARMUP_SECONDS, 30): unmeasured load first, out of the profile's window.
// (a database that bench/search loaded; BENCH_SEARCH_REUSE=1 keeps it). PROFILE_QUERY=page: no count, no facets;
// PROFILE_QUERY=typename: `{ __typename }`, the HTTP + GraphQL floor. PROFILE_CONNECTIONS (50). PROFILE_CACHE_TTL_MS (0:
// every search reaches PostgreSQL; 2000 as deployed: the head mix answered from the result cache). PROFILE_MIX=tail
// sends the bench's long-tail stream (long-tail.ts: a fifth from the head mix, the rest distinct) instead of the
// 64 head queries in turn. Prints the API's CPU
// per request from /proc (user + system), the steadier figure on a shared machine.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { Database } from '@credit/db';
import { searchReaderUrl } from '@credit/search';
import { apiNodeFlags } from '../support/api-node-flags';
import { cpuSecondsOf, cpuSplitOf } from '../support/process-cpu';
import { breakDown, formatBreakdown } from './profile-layers';
import { queryStream, tailVariants } from './long-tail';
import { WARMUP_SECONDS as DEFAULT_WARMUP_SECONDS } from './load-phases';
import { buildVariants, PAGE_QUERY, QUERY } from './queries';

const ROOT = path.resolve(process.env.PROFILE_ROOT ?? path.resolve(__dirname, '../..'));
const SECONDS = Number(process.env.PROFILE_SECONDS ?? 15);
const WARMUP_SECONDS = Number(process.env.PROFILE_WARMUP_SECONDS ?? DEFAULT_WARMUP_SECONDS);
const url = process.env.PROFILE_DATABASE_URL;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

/** The layer a frame belongs to, by its file. */
function layerOf(frame: ProfileNode['callFrame']): string {
  const u = frame.url;
  const name = frame.functionName;
  if (name === '(garbage collector)') return 'gc';
  if (name === '(idle)' || name === '(program)') return name;
  if (u.includes('node_modules/graphql/')) return 'graphql-js';
  if (u.includes('@apollo/')) return 'apollo';
  if (u.includes('@nestjs/')) return 'nest';
  if (u.includes('fastify') || u.includes('find-my-way') || u.includes('light-my-request') || u.includes('avvio')) return 'fastify';
  if (u.includes('node_modules/pg') || u.includes('pg-protocol') || u.includes('pg-types')) return 'pg';
  if (u.includes('class-validator') || u.includes('class-transformer')) return 'validation';
  if (u.includes('graphql-query-complexity')) return 'query-cost';
  if (u.includes('pino')) return 'logging';
  if (u.includes('prom-client')) return 'metrics';
  if (u.includes('node_modules/')) return `other: ${u.split('node_modules/').pop()?.split('/')[0]}`;
  if (u.includes('/libs/search/')) return 'search (ours)';
  if (u.includes('/libs/disclosure/')) return 'disclosure (ours)';
  if (u.includes('/libs/') || u.includes('/apps/')) return `ours: ${u.split('/libs/').pop()?.split('/')[0] ?? 'apps'}`;
  if (u.startsWith('node:') || u === '') return name === '' ? 'node internals' : `node: ${name === 'JSON.parse' || name === 'stringify' || name === 'parse' ? 'JSON' : 'runtime'}`;
  return 'other';
}

export function summarise(file: string): { layers: [string, number][]; functions: [string, number][] } {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const layers = new Map<string, number>();
  const functions = new Map<string, number>();
  let busy = 0;
  for (const [id, us] of self) {
    const node = byId.get(id) as ProfileNode;
    const layer = layerOf(node.callFrame);
    if (layer === '(idle)') continue;
    busy += us;
    layers.set(layer, (layers.get(layer) ?? 0) + us);
    const fn = `${node.callFrame.functionName || '(anonymous)'} ${path.basename(node.callFrame.url)}:${node.callFrame.lineNumber + 1}`;
    functions.set(fn, (functions.get(fn) ?? 0) + us);
  }
  const share = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, Math.round((1000 * v) / busy) / 10] as [string, number]);
  return { layers: share(layers), functions: share(functions).slice(0, 25) };
}

async function main(): Promise<void> {
  if (!url) throw new Error('PROFILE_DATABASE_URL: a database loaded by bench/search');
  const db = new Database(searchReaderUrl(url), 2);
  const variants = await buildVariants(db);
  const stream = process.env.PROFILE_MIX === 'tail' ? queryStream(variants, await tailVariants(db, 20_000)) : null;
  await db.close();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'search-prof-'));
  const port = 20000 + Math.floor(Math.random() * 20000);
  // The V8 flags the API is deployed with (its checkout's start:prod), as bench/search runs it: without them the
  // young generation is V8's default size, and the profile's garbage collection is not the deployed API's.
  const child = spawn(process.execPath, [...apiNodeFlags(ROOT), '--cpu-prof', `--cpu-prof-dir=${dir}`, '-r', './tools/register.js', 'apps/api/src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env, SWC_NODE_PROJECT: path.join(ROOT, 'tsconfig.json'), DATABASE_URL: url, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production', LOG_LEVEL: 'warn', DATA_DIR: dir,
      RUN_WORKER_IN_PROCESS: 'false', RATE_LIMIT_ANONYMOUS_PER_MINUTE: '1000000', ADMIN_PASSWORD: 'bench-operator-passphrase', SEARCH_BACKEND: 'postgres', SEARCH_CACHE_TTL_MS: process.env.PROFILE_CACHE_TTL_MS ?? '0',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; ; i++) {
    if (i > 300) throw new Error('the API did not start');
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) break;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const query = process.env.PROFILE_QUERY === 'page' ? PAGE_QUERY : process.env.PROFILE_QUERY === 'typename' ? '{ __typename }' : QUERY;
  const bodies = variants.map((v) => JSON.stringify({ query, variables: v.variables }));
  let next = 0;
  const body = () => (stream ? JSON.stringify({ query, variables: stream().variables }) : bodies[next++ % bodies.length]);
  const load = (duration: number) => autocannon({
    url: `http://127.0.0.1:${port}/graphql`, connections: Number(process.env.PROFILE_CONNECTIONS ?? 50), duration,
    requests: [{ method: 'POST', headers: { 'content-type': 'application/json' }, setupRequest: (r: any) => ({ ...r, body: body() }) }],
  } as any);
  // As the bench does: the same load, unmeasured, until TurboFan has compiled the path and the connections have
  // their generic plans (a first 15 s measured 2.21 ms of API CPU a full page, the same after 30 s of load 0.88).
  if (WARMUP_SECONDS > 0) await load(WARMUP_SECONDS);
  const cpuBefore = cpuSecondsOf(child.pid) ?? 0;
  const splitBefore = cpuSplitOf(child.pid) ?? [0, 0];
  // The load window on the profile's clock (CLOCK_MONOTONIC, as process.hrtime): start-up and warm-up are left out.
  const fromUs = Number(process.hrtime.bigint() / 1000n);
  const result = await load(SECONDS);
  const toUs = Number(process.hrtime.bigint() / 1000n);
  const cpuMsPerRequest = (((cpuSecondsOf(child.pid) ?? 0) - cpuBefore) * 1000) / result.requests.total;
  const splitAfter = cpuSplitOf(child.pid) ?? [0, 0];
  const systemShare = (splitAfter[1] - splitBefore[1]) / (splitAfter[0] + splitAfter[1] - splitBefore[0] - splitBefore[1]);
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
  const file = fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no profile written in ${dir}`);
  const { layers, functions } = summarise(path.join(dir, file));
  process.stdout.write(`${ROOT}: ${Math.round(result.requests.average)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, API CPU ${cpuMsPerRequest.toFixed(2)} ms per request (${Math.round(systemShare * 100)}% of it in the kernel); load ${os.loadavg().map((v) => v.toFixed(2)).join('/')}\n`);
  const breakdown = breakDown(path.join(dir, file), fromUs, toUs);
  process.stdout.write(`${formatBreakdown(breakdown, result.requests.total)}\n`);
  // The profile's clock runs while the API's thread waits for a core: a sample taken when it runs again counts the
  // wait against the frame it resumed in. On two cores shared with PostgreSQL and the load generator that is mostly
  // a writev, which has just woken the process that takes the core. /proc counts only the time on a core, of every
  // thread of the process (GC helpers, libuv's pool), so the difference is a lower bound of the main thread's waits.
  const busyMsPerRequest = breakdown.busyMs / result.requests.total;
  const offCpuMs = busyMsPerRequest - cpuMsPerRequest;
  if (offCpuMs > 0) process.stdout.write(`busy in the profile ${busyMsPerRequest.toFixed(3)} ms per request, on a core (/proc) ${cpuMsPerRequest.toFixed(3)}: at least ${offCpuMs.toFixed(3)} ms per request are waits for a core, counted against the frame that resumed (mostly writev)\n`);
  if (process.env.PROFILE_SELF_TIME !== '1') return;
  process.stdout.write(`profile ${path.join(dir, file)}\nself time by layer (% of busy):\n${layers.map(([k, v]) => `  ${v}% ${k}`).join('\n')}\ntop functions:\n${functions.map(([k, v]) => `  ${v}% ${k}`).join('\n')}\n`);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

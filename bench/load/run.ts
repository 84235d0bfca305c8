// bench/load: a scraper hammers the public search from one address well above the anonymous limit, while a
// second anonymous client (another loopback address) and a department keep working. Shows the limit
// holding, the others unaffected, and no error other than RATE_LIMITED. Traffic stays on 127.0.0.0/8.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pino from 'pino';
import { SYSTEM_ACTOR } from '@credit/audit';
import { loadConfig, loadSecrets } from '@credit/common';
import { DepartmentsService } from '@credit/departments';
import { createApi } from '../../apps/api/src/create-api';
import { freshBenchDatabase, writeResult } from '../support/bench-database';

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 20);
const LIMIT_PER_MINUTE = 60;
const SEARCH = JSON.stringify({ query: 'query { searchDisclosures(query: "食品", first: 10) { totalCount edges { node { partyName decisionNumber } } } }' });

function post(port: number, body: string, headers: Record<string, string>, localAddress: string): Promise<{ status: number; code: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, path: '/graphql', method: 'POST', localAddress, headers: { 'content-type': 'application/json', ...headers } }, (response) => {
      let data = '';
      response.on('data', (chunk) => (data += chunk));
      response.on('end', () => {
        const parsed = JSON.parse(data);
        resolve({ status: response.statusCode ?? 0, code: parsed.errors?.[0]?.extensions?.code ?? 'OK' });
      });
    });
    request.on('error', reject);
    request.end(body);
  });
}

async function steadyClient(port: number, headers: Record<string, string>, localAddress: string, perSecond: number, stopAt: number) {
  const codes: Record<string, number> = {};
  const latencies: number[] = [];
  while (Date.now() < stopAt) {
    const started = process.hrtime.bigint();
    const { code } = await post(port, SEARCH, headers, localAddress);
    latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
    codes[code] = (codes[code] ?? 0) + 1;
    await new Promise((resolve) => setTimeout(resolve, 1000 / perSecond));
  }
  latencies.sort((a, b) => a - b);
  return { codes, requests: latencies.length, p50: latencies[Math.floor(latencies.length / 2)], p99: latencies[Math.floor(latencies.length * 0.99)] };
}

async function main(): Promise<void> {
  const url = await freshBenchDatabase('credit_bench_load');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'credit-load-'));
  const env = { NODE_ENV: 'production', DATA_DIR: dataDir, LOG_LEVEL: 'silent', RATE_LIMIT_ANONYMOUS_PER_MINUTE: String(LIMIT_PER_MINUTE) };
  const app = await createApi({ config: { ...loadConfig(env), databaseUrl: url }, secrets: loadSecrets(dataDir, env), databaseUrl: url }, pino({ level: 'silent' }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.getHttpServer().address() as { port: number }).port;
  const { apiKey } = await app.get(DepartmentsService).create({ code: 'LOAD-DEPT', name: '压测部门', uscc: '113411000030000142', regionCode: '341100' }, SYSTEM_ACTOR);

  const stopAt = Date.now() + DURATION_S * 1000;
  const scraperCodes: Record<string, number> = {};
  const scraper = autocannon({
    url: `http://127.0.0.1:${port}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: SEARCH,
    connections: 20,
    duration: DURATION_S,
    setupClient: (client: any) => client.on('body', (body: Buffer) => {
      const code = JSON.parse(body.toString()).errors?.[0]?.extensions?.code ?? 'OK';
      scraperCodes[code] = (scraperCodes[code] ?? 0) + 1;
    }),
  });
  const [scraperResult, otherAnonymous, department] = await Promise.all([
    scraper,
    steadyClient(port, {}, '127.0.0.2', 0.5, stopAt),
    steadyClient(port, { 'x-api-key': apiKey }, '127.0.0.3', 10, stopAt),
  ]);
  await app.close();

  const result = {
    durationSeconds: DURATION_S,
    anonymousLimitPerMinute: LIMIT_PER_MINUTE,
    scraper: { requests: scraperResult.requests.total, requestsPerSecond: scraperResult.requests.average, non2xx: scraperResult.non2xx, codes: scraperCodes, latencyP50ms: scraperResult.latency.p50, latencyP99ms: scraperResult.latency.p99 },
    otherAnonymousClient: otherAnonymous,
    departmentClient: department,
  };
  const okForScraper = scraperCodes.OK ?? 0;
  const unexpected = Object.keys(scraperCodes).filter((code) => code !== 'OK' && code !== 'RATE_LIMITED');
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`scraper: ${scraperResult.requests.total} requests (${Math.round(scraperResult.requests.average)}/s), ${okForScraper} answered (limit ${LIMIT_PER_MINUTE}/min × ${DURATION_S}s), the rest RATE_LIMITED; other codes: ${unexpected.length ? unexpected.join(', ') : 'none'}\n`);
  process.stdout.write(`other anonymous client: ${JSON.stringify(otherAnonymous.codes)}; department: ${JSON.stringify(department.codes)} p99 ${department.p99?.toFixed(1)} ms\n`);
  process.stdout.write(`→ ${writeResult('load', result)}\n`);
  fs.rmSync(dataDir, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

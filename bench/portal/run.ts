// bench/portal: the public portal's budgets on the demo data (`npm run demo`, 3,000 entities by default):
// - bytes of a results page: HTML + CSS + JS (≤ 100 KB; the portal sends no JS);
// - server time of GET /search?q=… against the searchDisclosures GraphQL call for the same query and page
//   size, alternating, in the same run, against the same API process (≤ 1.5×);
// - first contentful paint in headless Chromium (≤ 500 ms), from performance.getEntriesByName.
// The API runs as its own process in production mode with the search result cache off, so every request
// reaches PostgreSQL. BENCH_PORTAL_ENTITIES (3000), BENCH_PORTAL_ROUNDS (200).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { launchChromium } from '../../test/support/chromium';
import { startApiProcess } from '../support/api-process';
import { freshBenchDatabase, writeResult } from '../support/bench-database';
import { compare, median, pageBytes, round, searchPath, textQuery } from './compare';

const ENTITIES = Number(process.env.BENCH_PORTAL_ENTITIES ?? 3000);
const ROUNDS = Number(process.env.BENCH_PORTAL_ROUNDS ?? 200);
const PAINTS = 11;
/** A demo company's name (apps/cli/src/demo/demo-showcase.data.ts) and a two-character word. */
const QUERIES = ['滁州金穗食品有限公司', '食品'].map(textQuery);

const ROOT = path.resolve(__dirname, '..', '..');
const log = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  const url = await freshBenchDatabase('credit_bench_portal');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-portal-'));
  const env = { DATABASE_URL: url, DATA_DIR: dataDir, LOG_LEVEL: 'warn', ADMIN_PASSWORD: 'bench-operator-passphrase' };
  log(`seeding the demo data (${ENTITIES} entities) …`);
  const seeded = spawnSync(process.execPath, ['-r', './tools/register.js', 'apps/cli/src/main.ts', 'demo:seed', '--entities', String(ENTITIES)], {
    cwd: ROOT, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env }, encoding: 'utf8',
  });
  if (seeded.status !== 0) throw new Error(`demo:seed failed:\n${seeded.stdout}\n${seeded.stderr}`);
  const api = await startApiProcess({ ...env, RUN_WORKER_IN_PROCESS: 'true', RATE_LIMIT_ANONYMOUS_PER_MINUTE: '1000000', SEARCH_CACHE_TTL_MS: '0', SEARCH_BACKEND: 'postgres' }, dataDir);
  try {
    await outboxDelivered(url);
    const db = new Client({ connectionString: url });
    await db.connect();
    const [{ documents }] = (await db.query(`SELECT count(*)::int AS documents FROM public_disclosures WHERE NOT withdrawn`)).rows;
    await db.end();
    log(`index: ${documents} published documents`);

    const bytes = await pageBytes(api.origin, QUERIES[1]);
    log(`results page ${searchPath(QUERIES[1])}: HTML ${bytes.html} B + CSS ${bytes.css} B + JS ${bytes.js} B = ${bytes.total} B (${round(bytes.total / 1024, 1)} KB; budget 100 KB)`);

    const timings: Record<string, unknown>[] = [];
    for (const q of QUERIES) {
      const t = await compare(api.origin, q, ROUNDS);
      timings.push(t);
      log(`"${q.label}": /search median ${t.portalMedianMs} ms (p90 ${t.portalP90Ms}), searchDisclosures median ${t.graphqlMedianMs} ms (p90 ${t.graphqlP90Ms}) → ratio ${t.ratio}× (budget 1.5×)`);
    }

    const paints = await firstContentfulPaint(api.origin, [searchPath(QUERIES[1]), '/']);
    for (const p of paints) log(`first contentful paint ${p.path}: median ${p.medianMs} ms over ${PAINTS} cold loads (max ${p.maxMs}; budget 500 ms)`);

    const file = writeResult('portal', { entities: ENTITIES, documents, rounds: ROUNDS, bytes, timings, paints, cpus: os.cpus().length, loadAverage: os.loadavg().map((v) => round(v)) });
    log(`written to ${path.relative(ROOT, file)}`);
  } finally {
    await api.stop();
  }
}

async function outboxDelivered(url: string): Promise<void> {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    for (let i = 0; i < 600; i++) {
      const [{ depth }] = (await db.query(`SELECT count(*)::int AS depth FROM search_outbox WHERE delivered_at IS NULL AND dead_at IS NULL`)).rows;
      if (depth === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    throw new Error('the search outbox was not delivered within 5 minutes');
  } finally {
    await db.end();
  }
}

async function firstContentfulPaint(origin: string, paths: string[]) {
  const chromium = await launchChromium();
  try {
    const results = [];
    for (const p of paths) {
      const paints: number[] = [];
      for (let i = 0; i < PAINTS; i++) {
        // A fresh context each time: a cold cache, the stylesheet fetched again.
        const context = await chromium.browser.newContext({ viewport: { width: 390, height: 844 } });
        const page = await context.newPage();
        await page.goto(`${origin}${p}`, { waitUntil: 'load' });
        const fcp = await page.evaluate<number | null>(`new Promise((resolve) => {
          const entry = performance.getEntriesByName('first-contentful-paint')[0];
          if (entry) return resolve(entry.startTime);
          new PerformanceObserver((list) => resolve(list.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null)).observe({ type: 'paint', buffered: true });
          setTimeout(() => resolve(null), 3000);
        })`);
        await context.close();
        if (fcp === null) throw new Error(`no first-contentful-paint entry for ${p}`);
        paints.push(fcp);
      }
      results.push({ path: p, medianMs: round(median(paints), 1), maxMs: round(Math.max(...paints), 1), samplesMs: paints.map((v) => round(v, 1)) });
    }
    return results;
  } finally {
    await chromium.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

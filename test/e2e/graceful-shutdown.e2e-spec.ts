// SIGTERM as an orchestrator sends it during a rolling deploy: the API, as `npm start` runs it, answers the request
// it is in the middle of, says it is shutting down on /ready, refuses new connections, and exits 0; a request that
// never completes does not hold the process past SHUTDOWN_TIMEOUT_MS. The request in flight is written by hand on
// a socket, its body cut in two, so it is provably still being received when the signal arrives.
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '@credit/db';
import { connectionRefused, createTestDatabase, TestDatabase } from '@credit/testing';

const root = path.join(__dirname, '../..');
const BODY = JSON.stringify({ query: '{ searchDisclosures(first: 1) { totalCount } }' });

type Exit = { code: number | null; signal: NodeJS.Signals | null };

interface Api {
  child: ChildProcess;
  port: number;
  exited: Promise<Exit>;
}

/** Every API this file started: killed after each test, however the test ended (a failed start included). */
const started: ChildProcess[] = [];

async function startApi(env: Record<string, string>): Promise<Api> {
  const port = await freePort();
  const child = spawn(process.execPath, ['-r', './tools/register.js', 'apps/api/src/main.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH, NODE_ENV: 'production', LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: String(port), ADMIN_PASSWORD: 'shutdown-test-passphrase', RUN_WORKER_IN_PROCESS: 'false', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  started.push(child);
  const exited = new Promise<Exit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  for (let i = 0; ; i++) {
    if (i > 600) throw new Error('the API did not start');
    if (await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok, () => false)) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { child, port, exited };
}

/**
 * A POST /graphql of which part is sent now (by default its headers and half its body; `cutAt: 'headers'`, part of
 * its headers), the rest when `finish` is called. Cut inside the headers, the request has not reached routing yet.
 */
function halfSentRequest(port: number, cutAt: 'body' | 'headers' = 'body'): { finish: () => void; response: Promise<{ status: number; headers: string; body: string }>; closed: Promise<void> } {
  const socket = net.connect(port, '127.0.0.1');
  const whole = `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(BODY)}\r\n\r\n${BODY}`;
  const cut = cutAt === 'headers' ? whole.indexOf('Content-Type') : whole.length - Math.ceil(BODY.length / 2);
  socket.write(whole.slice(0, cut));
  let received = '';
  socket.on('data', (chunk) => (received += chunk));
  socket.on('error', () => undefined);
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  const response = closed.then(() => {
    const [head, body = ''] = received.split('\r\n\r\n');
    return { status: Number(head.split(' ')[1] ?? 0), headers: head.toLowerCase(), body };
  });
  return { finish: () => socket.write(whole.slice(cut)), response, closed };
}

describe('graceful shutdown (SIGTERM)', () => {
  let database: TestDatabase;
  let dataDir: string;
  let api: Api | null = null;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'credit-shutdown-'));
  });
  afterEach(() => {
    for (const child of started.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    api = null;
  });
  afterAll(async () => {
    await database.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers the request in flight, is not ready meanwhile, refuses new connections, and exits 0', async () => {
    api = await startApi({ DATABASE_URL: database.url, DATA_DIR: dataDir, SHUTDOWN_DRAIN_DELAY_MS: '4000' });
    const inFlight = halfSentRequest(api.port);
    // Its headers not complete yet: routed after the listener closed, it must be answered rather than refused (503).
    const unrouted = halfSentRequest(api.port, 'headers');
    await new Promise((resolve) => setTimeout(resolve, 200));
    api.child.kill('SIGTERM');

    // During the drain delay: out of rotation, and still answering what the load balancer sends before it notices.
    // (The signal is handled asynchronously: the first probes may come before it.)
    let ready = await fetch(`http://127.0.0.1:${api.port}/ready`);
    for (let i = 0; ready.status === 200 && i < 80; i++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      ready = await fetch(`http://127.0.0.1:${api.port}/ready`);
    }
    expect(ready.status).toBe(503);
    expect(((await ready.json()) as { checks: Record<string, unknown> }).checks.shutdown).toEqual({ ok: false, detail: 'shutting down' });
    const late = await fetch(`http://127.0.0.1:${api.port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: BODY });
    expect(late.status).toBe(200);
    expect(late.headers.get('connection')).toBe('close');
    expect(await late.json()).toEqual({ data: { searchDisclosures: { totalCount: 0 } } });

    // Then the listener closes while the request is still being received.
    const until = Date.now() + 10_000;
    while (!(await connectionRefused(api.port))) {
      if (Date.now() > until) throw new Error('the listener did not close');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(api.child.exitCode).toBeNull();

    inFlight.finish();
    unrouted.finish();
    for (const response of [await inFlight.response, await unrouted.response]) {
      expect(response.status).toBe(200);
      expect(response.headers).toContain('connection: close');
      expect(JSON.parse(response.body)).toEqual({ data: { searchDisclosures: { totalCount: 0 } } });
    }
    expect(await api.exited).toEqual({ code: 0, signal: null });
  });

  it('closes a request that never completes after SHUTDOWN_TIMEOUT_MS and exits 0', async () => {
    api = await startApi({ DATABASE_URL: database.url, DATA_DIR: dataDir, SHUTDOWN_TIMEOUT_MS: '1000' });
    const stuck = halfSentRequest(api.port);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const signalled = Date.now();
    api.child.kill('SIGTERM');
    await stuck.closed;
    const held = Date.now() - signalled;
    expect(held).toBeGreaterThanOrEqual(900);
    expect(held).toBeLessThan(8_000);
    expect(await api.exited).toEqual({ code: 0, signal: null });
  });
});

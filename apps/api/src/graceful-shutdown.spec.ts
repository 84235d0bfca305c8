// The drain on a real Fastify server and real sockets: what a client in the middle of a request sees, and that
// the drain ends when the connections do (not at the keep-alive timeout), or at its deadline.
import http from 'node:http';
import net from 'node:net';
import Fastify, { FastifyInstance } from 'fastify';
import { connectionRefused } from '@credit/testing';
import { closeConnectionsWhileDraining, drain, ShutdownOptions } from './graceful-shutdown';

/** A promise with its resolve, to hold a route until the test lets it go. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

interface Answer {
  status: number;
  connection: string | undefined;
  body: string;
}

/** A GET on a keep-alive agent; resolves with the whole answer, or rejects when the connection is cut. */
function get(port: number, path: string, agent: http.Agent, onHeaders?: () => void): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port, path, agent }, (response) => {
      onHeaders?.();
      let body = '';
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, connection: response.headers.connection, body }));
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

describe('drain', () => {
  let fastify: FastifyInstance;
  let port: number;
  let agent: http.Agent;
  let held: ReturnType<typeof gate>;
  let streamed: ReturnType<typeof gate>;
  /** Opened by a route when a request reaches it: the request is in flight from then on. */
  let reached: ReturnType<typeof gate>;
  const calls: string[] = [];
  const logged: string[] = [];
  const options = (overrides: Partial<ShutdownOptions> = {}): ShutdownOptions => ({ drainDelayMs: 0, timeoutMs: 10_000, log: (line) => logged.push(line), ...overrides });
  const target = () => ({ fastify, markNotReady: () => calls.push('not ready'), close: async () => void calls.push('closed') });

  beforeEach(async () => {
    calls.length = 0;
    logged.length = 0;
    held = gate();
    streamed = gate();
    reached = gate();
    fastify = Fastify();
    closeConnectionsWhileDraining(fastify);
    fastify.get('/now', async () => 'now');
    fastify.get('/held', async () => {
      reached.open();
      await held.opened;
      return 'held';
    });
    fastify.get('/never', () => {
      reached.open();
      return new Promise(() => undefined);
    });
    // An answer whose headers go out at once and whose body ends later.
    fastify.get('/stream', (_request, reply) => {
      reply.hijack();
      reply.raw.writeHead(200, { 'content-type': 'text/plain' });
      reply.raw.write('first ');
      void streamed.opened.then(() => reply.raw.end('last'));
    });
    await fastify.listen({ port: 0, host: '127.0.0.1' });
    port = (fastify.server.address() as net.AddressInfo).port;
    agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  });
  afterEach(async () => {
    agent.destroy();
    fastify.server.closeAllConnections();
    await fastify.close();
  });

  it('answers the request in flight with Connection: close, refuses new connections meanwhile, then closes the application', async () => {
    const answer = get(port, '/held', agent);
    await reached.opened;
    const drained = drain(target(), options());
    expect(calls).toEqual(['not ready']);
    for (let i = 0; !(await connectionRefused(port)); i++) {
      if (i > 100) throw new Error('the listener did not close');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(calls).toEqual(['not ready']);
    held.open();
    expect(await answer).toEqual({ status: 200, connection: 'close', body: 'held' });
    await drained;
    expect(calls).toEqual(['not ready', 'closed']);
    expect(logged).toEqual([]);
  });

  it('keeps serving during the delay, each answer with Connection: close', async () => {
    const drained = drain(target(), options({ drainDelayMs: 300 }));
    expect(await get(port, '/now', agent)).toEqual({ status: 200, connection: 'close', body: 'now' });
    await drained;
    expect(await connectionRefused(port)).toBe(true);
  });

  it('says Connection: close also on answers given before routing (a URL Fastify cannot decode)', async () => {
    const drained = drain(target(), options({ drainDelayMs: 300 }));
    const answer = await get(port, '/now%zz', agent);
    expect(answer.status).toBe(400);
    expect(answer.connection).toBe('close');
    await drained;
  });

  it('closes a keep-alive connection that goes idle after the listener closed, instead of waiting for its timeout', async () => {
    let headers: () => void = () => undefined;
    const headersSent = new Promise<void>((resolve) => (headers = resolve));
    const answer = get(port, '/stream', agent, headers);
    await headersSent;
    const drained = drain(target(), options());
    // The body ends once the listener has closed, so the connection goes idle only then.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = Date.now();
    streamed.open();
    // Its headers left before the signal: no Connection: close, the client would keep the connection.
    expect(await answer).toEqual({ status: 200, connection: 'keep-alive', body: 'first last' });
    await drained;
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(logged).toEqual([]);
  });

  it('at the deadline, closes the connections still open and closes the application', async () => {
    const answer = get(port, '/never', agent);
    await reached.opened;
    const started = Date.now();
    await drain(target(), options({ timeoutMs: 300 }));
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    await expect(answer).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect(calls).toEqual(['not ready', 'closed']);
    expect(logged).toEqual(['shutdown: requests still in flight 300 ms after the signal; closing their connections']);
  });
});

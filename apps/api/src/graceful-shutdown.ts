// SIGTERM / SIGINT: take this replica out of rotation, let the requests already in flight finish, and only then
// close the application. Nest's own close (and the signal listener enableShutdownHooks adds) runs the modules'
// destroy hooks before it closes the HTTP server: Apollo stopped and the database pools closed under requests still
// being answered, and Nest's listener then killed the process with the signal. Twenty clients searching when the
// API got SIGTERM saw 10 connections reset and 10 answers 503 (Apollo refusing "during server shutdown").
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import { Observability } from '@credit/common';

export interface ShutdownOptions {
  /** How long /ready answers 503 before the listener closes: a load balancer's time to stop sending traffic. */
  drainDelayMs: number;
  /** From the signal, how long the drain may take (the delay included); then the open connections are closed. */
  timeoutMs: number;
  log: (line: string) => void;
}

/** What a drain needs of the application: its Fastify instance, a way out of rotation, and the rest of its close. */
export interface Drainable {
  fastify: FastifyInstance;
  markNotReady(): void;
  close(): Promise<void>;
}

/** How often connections that have gone idle since the listener closed are closed. */
const IDLE_SWEEP_MS = 100;

/** The Fastify instances that are draining. */
const draining = new WeakSet<FastifyInstance>();

/**
 * Every answer sent while draining says `Connection: close`, those of requests begun before the signal included,
 * so the client opens its next connection elsewhere instead of sending on this one while it is being closed (a
 * request sent on a connection the server has just closed as idle is reset).
 */
export function closeConnectionsWhileDraining(fastify: FastifyInstance): void {
  fastify.addHook('onSend', (_request, reply, payload, done) => {
    if (draining.has(fastify)) reply.header('connection', 'close');
    done(null, payload);
  });
}

export function drainAndClose(app: NestFastifyApplication, options: ShutdownOptions): Promise<void> {
  return drain(
    {
      fastify: app.getHttpAdapter().getInstance(),
      markNotReady: () => app.get(Observability).registerReadiness('shutdown', async () => ({ ok: false, detail: 'shutting down' })),
      close: () => app.close(),
    },
    options,
  );
}

/**
 * During the delay everything is served and /ready says `shutdown`; then the listener closes (new connections are
 * refused) and a request that arrives on a connection still open is answered rather than refused with 503
 * (return503OnClosing is off in create-api.ts). Keep-alive connections are closed as soon as they are idle. When
 * every connection has ended, or at the deadline, the rest of the application closes (Apollo, jobs, pools).
 */
export async function drain(target: Drainable, options: ShutdownOptions): Promise<void> {
  const { fastify } = target;
  const server = fastify.server;
  const deadline = Date.now() + options.timeoutMs;
  target.markNotReady();
  draining.add(fastify);
  // Also what no onSend hook sees: the answers Fastify gives before routing (frameworkErrors in create-api.ts).
  server.prependListener('request', (_request: IncomingMessage, response: ServerResponse) => response.setHeader('connection', 'close'));
  const delay = Math.min(options.drainDelayMs, options.timeoutMs);
  if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
  // Node closes the connections idle when the listener closes, not those that become idle afterwards without a
  // Connection: close (an answer whose headers went out before the signal): those would stay open for the
  // keep-alive timeout (72 s) unless closed here.
  const sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
  const forced = setTimeout(() => {
    options.log(`shutdown: requests still in flight ${options.timeoutMs} ms after the signal; closing their connections`);
    server.closeAllConnections();
  }, Math.max(0, deadline - Date.now()));
  try {
    await fastify.close();
  } finally {
    clearInterval(sweep);
    clearTimeout(forced);
  }
  await target.close();
}

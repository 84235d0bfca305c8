// SIGTERM / SIGINT: take this replica out of rotation, let the requests already in flight finish, and only then
// close the application. Nest's own close (and the signal listener enableShutdownHooks adds) runs the modules'
// destroy hooks before it closes the HTTP server: Apollo stopped and the database pools closed under requests still
// being answered, and Nest's listener then killed the process with the signal. Twenty clients searching when the
// API got SIGTERM saw 10 connections reset and 10 answers 503 (Apollo refusing "during server shutdown").
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import { Observability } from '@credit/common';

export interface ShutdownOptions {
  /** How long /ready answers 503 before the listener closes: a load balancer's time to stop sending traffic. */
  drainDelayMs: number;
  /** How long requests in flight may take to finish; then their connections are closed. */
  timeoutMs: number;
  log: (line: string) => void;
}

/** The Fastify instances whose application is draining. */
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

/** How often connections that have gone idle since the listener closed are closed. */
const IDLE_SWEEP_MS = 100;

/**
 * Drains, then closes `app`. During the delay everything is served and /ready says `shutdown`; then the listener
 * closes (new connections are refused) and a request that arrives on an open keep-alive connection is still
 * answered, with `Connection: close` (return503OnClosing is off in create-api.ts), so a client that was sent to
 * this replica loses nothing. Keep-alive connections are closed as soon as they are idle. When every connection
 * has ended, or after `timeoutMs`, the application closes (Apollo, workers, pools).
 */
export async function drainAndClose(app: NestFastifyApplication, options: ShutdownOptions): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  const server = fastify.server;
  app.get(Observability).registerReadiness('shutdown', async () => ({ ok: false, detail: 'shutting down' }));
  draining.add(fastify);
  if (options.drainDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, options.drainDelayMs));
  // Node closes the connections idle when the listener closes, not those that become idle afterwards: a
  // connection whose request finished stays open for the keep-alive timeout (72 s) unless it is closed here.
  const sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
  const deadline = setTimeout(() => {
    options.log(`shutdown: requests still in flight after ${options.timeoutMs} ms; closing their connections`);
    server.closeAllConnections();
  }, options.timeoutMs);
  try {
    await fastify.close();
  } finally {
    clearInterval(sweep);
    clearTimeout(deadline);
  }
  await app.close();
}

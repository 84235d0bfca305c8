// GET /metrics for a Prometheus scraper holding METRICS_TOKEN, and for no one else. The page lists every
// operation and error code the platform served, so it is not for the public; without a configured token the
// route answers 404 as if it did not exist. It is a plain Fastify route, not a Nest controller: the global
// auth guard would read the scraper's `Authorization: Bearer` as a login token and refuse it.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { METRICS_CONTENT_TYPE, Observability } from '@credit/common';

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/** True when the header carries one of the tokens; compared as digests in constant time. */
export function holdsMetricsToken(authorization: string | undefined, tokens: readonly string[]): boolean {
  const match = /^Bearer ([^\s]{1,512})$/i.exec(authorization ?? '');
  if (!match) return false;
  const presented = digest(match[1]);
  let found = false;
  for (const token of tokens) found = timingSafeEqual(presented, digest(token)) || found;
  return found;
}

export function registerMetricsRoute(fastify: FastifyInstance, observability: Observability, tokens: readonly string[]): void {
  fastify.get('/metrics', async (request, reply) => {
    if (tokens.length === 0) return reply.code(404).send({ statusCode: 404, message: 'Not Found' });
    if (!holdsMetricsToken(request.headers.authorization, tokens)) {
      return reply.code(401).header('www-authenticate', 'Bearer realm="metrics"').send({ statusCode: 401, message: 'A metrics token is required' });
    }
    return reply.type(METRICS_CONTENT_TYPE).send(await observability.metricsText());
  });
}

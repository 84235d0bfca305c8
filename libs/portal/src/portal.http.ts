// How every portal answer leaves: security headers on every page (errors included), caching per page kind,
// and an ETag with 304 for the pages of one decision or one subject.
import { contentEtag } from '@credit/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Html } from './html';

/** No script at all, styles only from the portal's own stylesheet, forms only to itself, never framed. */
export const PORTAL_CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

export type PageCaching = 'listing' | 'entity' | 'none';

/** Short max-age: a withdrawn decision must leave caches within a minute (行政处罚法 art. 48 gives three days). */
const CACHE_CONTROL: Record<PageCaching, string> = {
  listing: 'public, max-age=30',
  entity: 'public, max-age=60',
  none: 'no-store',
};

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': PORTAL_CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
};

export function securityHeaders(reply: FastifyReply): FastifyReply {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) reply.header(name, value);
  return reply;
}

export function sendPage(request: FastifyRequest, reply: FastifyReply, page: Html, options: { status?: number; caching: PageCaching }): FastifyReply {
  securityHeaders(reply).header('cache-control', CACHE_CONTROL[options.caching]).type('text/html; charset=utf-8');
  const status = options.status ?? 200;
  if (options.caching === 'entity' && status === 200) {
    const etag = contentEtag(page.text);
    reply.header('etag', etag);
    if (matches(request.headers['if-none-match'], etag)) return reply.code(304).send();
  }
  return reply.code(status).send(page.text);
}

function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
}

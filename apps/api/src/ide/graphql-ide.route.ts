// GET /ide: GraphiQL for development, served entirely from this origin (no CDN): the UMD builds of graphiql,
// react and react-dom from node_modules (dev dependencies: the production image has none of them, and
// production registers none of these routes, so /ide answers 404 there) and our own start-up script.
// Why /ide and not GET /graphql with Accept: text/html: the page needs response headers of its own (its
// Content-Security-Policy) and sibling asset URLs, which Apollo's landing-page hook cannot give, and
// /graphql stays the same endpoint in every environment. A browser opening /graphql in development is
// redirected here instead of meeting Apollo's CSRF refusal.
// Plain Fastify routes, like /metrics: nothing here reads a principal, so the global auth guard has no say; the
// credential gate still runs first and lets a browser (which sends no credential header) through as anonymous.
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { contentEtag } from '@credit/common';

export const IDE_PATH = '/ide';
const ASSETS = `${IDE_PATH}/assets`;

/**
 * Scripts only from this origin and never inline (the start-up code is graphiql-start.js); GraphiQL fetches
 * /graphql on the same origin. Styles allow 'unsafe-inline' because GraphiQL's dialogs insert <style>
 * elements (react-remove-scroll); a style cannot run code. Fonts and icons are data: URLs inside graphiql.min.css.
 */
export const IDE_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

interface Asset {
  body: Buffer;
  type: string;
  etag: string;
}

const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';

/** URL name → file on disk; only these names are served, so no request path ever reaches the file system. */
function assetFiles(): Record<string, { file: string; type: string }> {
  const dir = (pkg: string) => path.dirname(require.resolve(`${pkg}/package.json`));
  return {
    'react.production.min.js': { file: path.join(dir('react'), 'umd/react.production.min.js'), type: JS },
    'react-dom.production.min.js': { file: path.join(dir('react-dom'), 'umd/react-dom.production.min.js'), type: JS },
    'graphiql.min.js': { file: path.join(dir('graphiql'), 'graphiql.min.js'), type: JS },
    'graphiql.min.css': { file: path.join(dir('graphiql'), 'graphiql.min.css'), type: CSS },
    'graphiql-start.js': { file: path.join(__dirname, 'graphiql-start.js'), type: JS },
  };
}

const PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>GraphQL IDE · 信用信息与联合惩戒平台</title>
<link rel="stylesheet" href="${ASSETS}/graphiql.min.css">
<style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="graphiql">正在加载 GraphiQL…（loading GraphiQL…）</div>
<noscript>GraphiQL 需要 JavaScript（GraphiQL needs JavaScript）</noscript>
<script src="${ASSETS}/react.production.min.js"></script>
<script src="${ASSETS}/react-dom.production.min.js"></script>
<script src="${ASSETS}/graphiql.min.js"></script>
<script src="${ASSETS}/graphiql-start.js"></script>
</body>
</html>
`;

interface Log {
  warn(message: string): void;
}

/**
 * Registers the IDE when `enabled` (every NODE_ENV but production). Returns whether it did: without the dev
 * dependencies installed (a production install run with NODE_ENV=development) it logs why and stays off.
 */
export function registerGraphqlIde(fastify: FastifyInstance, options: { enabled: boolean; log: Log }): boolean {
  if (!options.enabled) return false;
  let assets: Map<string, Asset>;
  try {
    assets = new Map(
      Object.entries(assetFiles()).map(([name, { file, type }]) => {
        const body = fs.readFileSync(file);
        return [name, { body, type, etag: contentEtag(body) }];
      }),
    );
  } catch (error) {
    options.log.warn(`GraphQL IDE off: its files are not installed (npm ci installs the dev dependencies): ${(error as Error).message}`);
    return false;
  }

  fastify.get(IDE_PATH, async (_request, reply) => pageHeaders(reply).type('text/html; charset=utf-8').send(PAGE));

  fastify.get<{ Params: { name: string } }>(`${ASSETS}/:name`, async (request, reply) => {
    const asset = assets.get(request.params.name);
    if (!asset) return reply.code(404).send({ statusCode: 404, message: 'Not Found' });
    // Revalidated on every load (no-cache) but answered 304 while unchanged: a rebuilt start-up script is seen at once.
    reply.header('cache-control', 'no-cache').header('etag', asset.etag).header('x-content-type-options', 'nosniff');
    if (request.headers['if-none-match'] === asset.etag) return reply.code(304).send();
    return reply.type(asset.type).send(asset.body);
  });

  // A browser opening the endpoint itself (a plain navigation: HTML accepted, no query string) gets the IDE.
  fastify.addHook('onRequest', async (request, reply) => {
    if (request.method === 'GET' && request.url === '/graphql' && String(request.headers.accept ?? '').includes('text/html')) {
      return reply.redirect(IDE_PATH, 302);
    }
  });
  return true;
}

function pageHeaders(reply: FastifyReply): FastifyReply {
  return reply
    .header('content-security-policy', IDE_CONTENT_SECURITY_POLICY)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'no-referrer')
    .header('cache-control', 'no-store');
}

// The development IDE (GraphiQL at /ide, every byte from our own origin, under a strict Content-Security-Policy),
// GET / and the schema's SDL, in development and in production. The page's start-up script is run in a
// sandbox with stand-ins for React and GraphiQL, and the query it opens with is sent the way GraphiQL's
// fetcher sends it, through the platform's CSRF prevention.
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { getIntrospectionQuery } from 'graphql';
import { createTestApp, TestApp } from '@credit/testing';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

/** Every URL a <script src> or <link href> names, and every <script> with no src (an inline script). */
function referencedUrls(html: string): { urls: string[]; inlineScripts: number } {
  const urls = [...html.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)="([^"]*)"/g)].map((match) => match[1]);
  const inlineScripts = [...html.matchAll(/<script\b([^>]*)>/g)].filter((match) => !/\bsrc=/.test(match[1])).length;
  return { urls, inlineScripts };
}

/** Runs the served start-up script against stand-ins; returns what it handed GraphiQL and its fetcher. */
function runStartScript(source: string): { fetcherOptions: Record<string, unknown>; props: Record<string, any> } {
  const seen: { fetcherOptions?: Record<string, unknown>; props?: Record<string, any> } = {};
  const GraphiQL = Object.assign(function GraphiQL() {}, {
    createFetcher: (options: Record<string, unknown>) => ((seen.fetcherOptions = options), () => undefined),
  });
  const sandbox = {
    GraphiQL,
    React: { createElement: (component: unknown, props: Record<string, any>) => (component === GraphiQL ? (seen.props = props) : undefined) },
    ReactDOM: { createRoot: () => ({ render: () => undefined }) },
    document: { getElementById: (id: string) => ({ id }) },
  };
  vm.runInNewContext(source, sandbox, { filename: 'graphiql-start.js' });
  if (!seen.fetcherOptions || !seen.props) throw new Error('the start-up script did not render GraphiQL');
  return { fetcherOptions: seen.fetcherOptions, props: seen.props };
}

describe('GraphQL IDE and GET / in development', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ NODE_ENV: 'development', RUN_WORKER_IN_PROCESS: 'false' });
  });
  afterAll(async () => t.close());

  it('serves the IDE page as HTML under a strict CSP, referencing only same-origin assets that all answer', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/ide', headers: { accept: BROWSER_ACCEPT } });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toMatch(/(^|; )script-src 'self'(;|$)/);
    expect(csp).toContain("connect-src 'self'");

    const { urls, inlineScripts } = referencedUrls(page.body);
    expect(inlineScripts).toBe(0);
    expect(urls).toHaveLength(5); // graphiql.min.css, react, react-dom, graphiql.min.js, graphiql-start.js
    for (const url of urls) {
      expect(url).toMatch(/^\/(?!\/)/); // a path on this origin: no scheme, no host, no protocol-relative //
      const asset = await t.app.inject({ method: 'GET', url });
      expect({ url, status: asset.statusCode }).toEqual({ url, status: 200 });
      expect(asset.headers['content-type']).toMatch(url.endsWith('.css') ? /^text\/css/ : /^text\/javascript/);
      expect(asset.rawPayload.length).toBeGreaterThan(100);
      expect(asset.body).not.toMatch(/(src|href)=["']https?:\/\//); // no CDN reached from inside the bundles either
    }
  });

  it('starts GraphiQL on /graphql with an opening query that runs through the CSRF prevention as the fetcher sends it', async () => {
    const start = await t.app.inject({ method: 'GET', url: '/ide/assets/graphiql-start.js' });
    const { fetcherOptions, props } = runStartScript(start.body);
    expect(fetcherOptions).toMatchObject({ url: '/graphql' });
    expect(props.shouldPersistHeaders).toBe(false);

    // GraphiQL's simple fetcher: POST, content-type and accept application/json, no preflight header.
    const send = (query: string, operationName?: string) =>
      t.app.inject({
        method: 'POST',
        url: '/graphql',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        payload: JSON.stringify({ query, operationName }),
      });
    const opening = await send(props.defaultQuery as string);
    expect(opening.statusCode).toBe(200);
    expect(JSON.parse(opening.body)).toEqual({ data: { publicSeriousDishonestyList: { edges: expect.any(Array) } } });
    // The schema GraphiQL loads for its docs and completion, sent with no credential: anonymous introspection is
    // open outside production, and its depth (15) must not trip the anonymous depth limit (7) there.
    const introspection = await send(getIntrospectionQuery(), 'IntrospectionQuery');
    expect(introspection.statusCode).toBe(200);
    expect(JSON.parse(introspection.body).data.__schema.queryType.name).toBe('Query');
  });

  it('sends a browser opening /graphql to the IDE instead of a CSRF error, and leaves API calls alone', async () => {
    const opened = await t.app.inject({ method: 'GET', url: '/graphql', headers: { accept: BROWSER_ACCEPT } });
    expect(opened.statusCode).toBe(302);
    expect(opened.headers.location).toBe('/ide');
    const apiGet = await t.app.inject({ method: 'GET', url: '/graphql?query=%7B__typename%7D', headers: { accept: 'application/json', 'apollo-require-preflight': 'true' } });
    expect(JSON.parse(apiGet.body)).toEqual({ data: { __typename: 'Query' } });
  });

  it('serves only its named assets, revalidated by ETag', async () => {
    for (const url of ['/ide/assets/package.json', '/ide/assets/..%2F..%2Fpackage.json', '/ide/assets/graphiql.min.js.map']) {
      expect({ url, status: (await t.app.inject({ method: 'GET', url })).statusCode }).toEqual({ url, status: 404 });
    }
    const first = await t.app.inject({ method: 'GET', url: '/ide/assets/graphiql.min.js' });
    const again = await t.app.inject({ method: 'GET', url: '/ide/assets/graphiql.min.js', headers: { 'if-none-match': String(first.headers.etag) } });
    expect(again.statusCode).toBe(304);
  });

  it('answers GET / with the public portal, whose footer links the IDE, the endpoint and the schema', async () => {
    const home = await t.app.inject({ method: 'GET', url: '/', headers: { accept: BROWSER_ACCEPT } });
    expect(home.statusCode).toBe(200);
    expect(home.headers['content-type']).toMatch(/^text\/html/);
    expect(home.body).toContain('<h1>信用信息公示</h1>');
    expect(home.body).toContain('开发者接口');
    for (const href of ['/ide', '/graphql', '/schema.graphql']) expect(home.body).toContain(`href="${href}"`);
    expect(home.body).not.toMatch(/<script/);
  });

  it('serves the running schema as SDL, the same text as the committed schema.graphql', async () => {
    const sdl = await t.app.inject({ method: 'GET', url: '/schema.graphql' });
    expect(sdl.statusCode).toBe(200);
    expect(sdl.headers['content-type']).toMatch(/^text\/plain/);
    expect(sdl.body).toBe(fs.readFileSync(path.join(__dirname, '../../schema.graphql'), 'utf8'));
  });
});

describe('GraphQL IDE and GET / in production', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ NODE_ENV: 'production', RUN_WORKER_IN_PROCESS: 'false' });
  });
  afterAll(async () => t.close());

  it('has no IDE: the page and its assets answer 404, and /graphql is not redirected', async () => {
    for (const url of ['/ide', '/ide/assets/graphiql.min.js', '/ide/assets/graphiql-start.js']) {
      expect({ url, status: (await t.app.inject({ method: 'GET', url, headers: { accept: BROWSER_ACCEPT } })).statusCode }).toEqual({ url, status: 404 });
    }
    const opened = await t.app.inject({ method: 'GET', url: '/graphql', headers: { accept: BROWSER_ACCEPT } });
    expect(opened.statusCode).not.toBe(302);
  });

  it('answers GET / with the same portal, without the IDE link', async () => {
    const home = await t.app.inject({ method: 'GET', url: '/', headers: { accept: BROWSER_ACCEPT } });
    expect(home.statusCode).toBe(200);
    expect(home.headers['content-type']).toMatch(/^text\/html/);
    expect(home.body).not.toContain('href="/ide"');
    for (const href of ['/graphql', '/schema.graphql']) expect(home.body).toContain(`href="${href}"`);
  });

  it('gives the SDL, like introspection, only to a caller with a credential', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: '/schema.graphql' });
    expect(anonymous.statusCode).toBe(403);
    expect(JSON.parse(anonymous.body).errors[0].extensions.code).toBe('FORBIDDEN');
    const admin = await t.app.inject({ method: 'GET', url: '/schema.graphql', headers: { authorization: `Bearer ${await t.adminToken()}` } });
    expect(admin.statusCode).toBe(200);
    expect(admin.body).toContain('type Query {');
  });
});

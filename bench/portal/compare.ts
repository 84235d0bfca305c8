// What bench/portal measures, shared by its demo-data run (run.ts) and its 1M-disclosure run (scale.ts): the
// bytes of a results page, and the server time of GET /search?… against the searchDisclosures GraphQL call for
// the same query, filter, page size, fields and facets, alternating over one API process.
import { performance } from 'node:perf_hooks';

/** What the results page shows, asked of GraphQL: the same page size, fields and facets. */
export const GRAPHQL = `query($q: String, $filter: DisclosureFilter, $first: Int) { searchDisclosures(query: $q, filter: $filter, first: $first) {
  totalCount totalCountIsLowerBound
  edges { cursor node { id partyName uscc decisionNumber violationType penaltyCategories decisionDate authorityName departmentName regionCode highlights withdrawal { withdrawnOn reason } } }
  pageInfo { hasNextPage endCursor }
  facets { departments { value label count } regions { value label count } years { value count } categories { value label count } } } }`;

/** One search as the portal's URL parameters and as the GraphQL variables they map onto (portal-search.query.ts). */
export interface PortalQuery {
  label: string;
  params: Record<string, string>;
  variables: { q?: string; filter?: Record<string, unknown> };
}

/** A text query typed into the search box: `q` on the page, `query` in GraphQL. */
export const textQuery = (q: string): PortalQuery => ({ label: q, params: { q }, variables: { q } });

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
export const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))];
export const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

export const searchPath = (query: PortalQuery) => `/search?${new URLSearchParams(query.params).toString()}`;

export async function pageBytes(origin: string, query: PortalQuery): Promise<{ html: number; css: number; js: number; total: number }> {
  const html = await (await fetch(`${origin}${searchPath(query)}`)).text();
  const styles = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]);
  const scripts = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]);
  const size = async (paths: string[]) => (await Promise.all(paths.map(async (p) => Buffer.byteLength(await (await fetch(`${origin}${p}`)).text())))).reduce((a, b) => a + b, 0);
  const result = { html: Buffer.byteLength(html), css: await size(styles), js: await size(scripts) };
  return { ...result, total: result.html + result.css + result.js };
}

async function timed(call: () => Promise<Response>): Promise<number> {
  const start = performance.now();
  const response = await call();
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`status ${response.status}`);
  return performance.now() - start;
}

/** Alternating requests (page, GraphQL, GraphQL, page, …) over one keep-alive connection each, after a warm-up. */
export async function compare(origin: string, query: PortalQuery, rounds: number, warmUp = 20) {
  const page = () => fetch(`${origin}${searchPath(query)}`);
  const graphql = () => fetch(`${origin}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: GRAPHQL, variables: { ...query.variables, first: 20 } }) });
  const check = (await (await graphql()).json()) as { errors?: unknown; data: { searchDisclosures: { totalCount: number; totalCountIsLowerBound: boolean } } };
  if (check.errors) throw new Error(`searchDisclosures failed: ${JSON.stringify(check.errors)}`);
  for (let i = 0; i < warmUp; i++) {
    await timed(page);
    await timed(graphql);
  }
  const portal: number[] = [];
  const api: number[] = [];
  for (let i = 0; i < rounds; i++) {
    if (i % 2 === 0) {
      portal.push(await timed(page));
      api.push(await timed(graphql));
    } else {
      api.push(await timed(graphql));
      portal.push(await timed(page));
    }
  }
  return {
    query: query.label, path: searchPath(query), hits: check.data.searchDisclosures.totalCount, hitsIsLowerBound: check.data.searchDisclosures.totalCountIsLowerBound,
    portalMedianMs: round(median(portal)), portalP90Ms: round(percentile(portal, 0.9)),
    graphqlMedianMs: round(median(api)), graphqlP90Ms: round(percentile(api, 0.9)),
    ratio: round(median(portal) / median(api)),
  };
}

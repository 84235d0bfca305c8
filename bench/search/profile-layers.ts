// Breaks a Node CPU profile of the API down by layer, for bench/search/profile.ts. Two views:
// - exclusive: each sample goes to the nearest frame (from the leaf up) that belongs to a library or to our
//   code, so Node's own internals (socket writes, streams, JSON builtins) count for whoever called them;
// - inclusive: the time spent under a few marked functions (the Apollo pipeline, graphql-js execution, the
//   Nest resolver wrapper, the search adapter …), each sample counted once per marker on its stack.
// Only samples inside [fromUs, toUs] (the load window, CLOCK_MONOTONIC microseconds like process.hrtime) count.
import fs from 'node:fs';

export interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
}

/** Our files worth a layer of their own (path fragment → layer). */
const OUR_FILES: [string, string][] = [
  ['credential-gate', 'credential gate (onRequest)'],
  ['request-body-gate', 'request-body gate'],
  ['query-limits.plugin', 'query limits (tokens, shape, cost)'],
  ['graphql-metrics.plugin', 'GraphQL metrics plugin'],
  ['retry-after.plugin', 'other Apollo plugins'],
  ['introspection.plugin', 'other Apollo plugins'],
  ['rate-limit', 'rate limit guard'],
  ['auth.guard', 'auth guard'],
  ['search-highlights', 'highlights'],
  ['search-text', 'highlights'],
  ['search-result.cache', 'search adapter'],
  ['postgres-search', 'search adapter'],
  ['disclosure-search.service', 'search service + result mapping'],
  ['disclosure.resolver', 'resolver'],
  ['selection', 'resolver'],
  ['api/src/fast-path/', 'fast path (ours)'],
  ['graphql-exception.filter', 'error formatting'],
  ['reject-nul.pipe', 'validation pipes'],
  ['scalars', 'scalars'],
];

/** The layer of one frame, or null when it is Node's own code (the caller decides). */
function layerOf(frame: ProfileNode['callFrame']): string | null {
  const u = frame.url;
  const name = frame.functionName;
  if (name === '(garbage collector)') return 'GC';
  if (name === '(idle)') return '(idle)';
  if (name === '(program)') return '(program: native, no JS frame)';
  if (name === '(root)') return 'node internals (no JS caller)';
  if (u.includes('node_modules/')) {
    const rest = u.split('node_modules/').pop() ?? '';
    const parts = rest.split('/');
    const pkg = parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
    if (pkg === 'graphql') return /\/execution\//.test(rest) ? 'graphql-js execute' : 'graphql-js parse/validate/other';
    if (pkg === '@apollo/server' || pkg.startsWith('@apollo/') || pkg === '@as-integrations/fastify') return 'Apollo request pipeline';
    if (pkg === '@nestjs/graphql' || pkg === '@nestjs/apollo') return 'Nest GraphQL';
    if (pkg === '@nestjs/core' || pkg === '@nestjs/common') return 'Nest core (guards, pipes, context)';
    if (pkg === '@nestjs/throttler') return 'rate limit guard';
    if (pkg === 'class-validator' || pkg === 'class-transformer') return 'validation pipes';
    if (['fastify', 'find-my-way', 'light-my-request', 'avvio', 'fast-json-stringify', 'secure-json-parse', 'content-type', '@fastify/error', 'toad-cache', 'fast-querystring', '@nestjs/platform-fastify'].includes(pkg)) return 'Fastify + HTTP';
    if (pkg.startsWith('pg') || pkg === 'postgres-array' || pkg === 'postgres-date' || pkg === 'postgres-interval' || pkg === 'postgres-bytea') return 'pg driver';
    if (pkg.startsWith('pino') || pkg === 'sonic-boom' || pkg === 'thread-stream' || pkg === 'fast-redact') return 'pino logging';
    if (pkg === 'prom-client') return 'metrics (prom-client)';
    if (pkg === 'graphql-query-complexity' || pkg.startsWith('@escape.tech')) return 'query limits (tokens, shape, cost)';
    if (pkg === 'rxjs') return 'Nest core (guards, pipes, context)';
    if (pkg === '@swc-node' || pkg === 'source-map-support') return 'other: source maps';
    return `other: ${pkg}`;
  }
  if (u.includes('/libs/') || u.includes('/apps/')) {
    for (const [fragment, layer] of OUR_FILES) if (u.includes(fragment)) return layer;
    return `ours: ${u.split('/libs/').pop()?.split('/')[0] ?? 'apps'}`;
  }
  return null;
}

/** Functions whose inclusive time is reported (url fragment, function name). */
const MARKERS: [string, string, string][] = [
  ['Apollo: whole request (runHttpQuery)', 'runHttpQuery', ''],
  ['Apollo: processGraphQLRequest', 'processGraphQLRequest', 'requestPipeline'],
  ['graphql-js execute', 'execute', 'graphql/execution/execute'],
  ['Apollo: JSON response (prettyJSONStringify)', 'prettyJSONStringify', ''],
  ['Nest resolver wrapper (guards, pipes, interceptors)', '', 'external-context-creator'],
  ['guards', 'tryActivate', 'guards-consumer'],
  ['pipes', 'apply', 'pipes-consumer'],
  ['resolver searchDisclosures', 'searchDisclosures', 'disclosure.resolver'],
  ['DisclosureSearchService.search', 'search', 'disclosure-search.service'],
  ['buildSearchSql', 'buildSearchSql', 'postgres-search.sql'],
  ['highlightsOf', 'highlightsOf', 'search-highlights'],
  ['toDocument', 'toDocument', 'postgres-search.rows'],
  ['pg: parse messages/rows', 'parse', 'pg-protocol'],
  ['pg: row parsing (parseRow)', 'parseRow', 'pg/lib/result'],
  ['query limits plugin', 'didResolveOperation', 'query-limits.plugin'],
  ['credential gate hook', '', 'credential-gate'],
  ['request-body gate hook', '', 'request-body-gate'],
  ['token limit hook', 'countTokens', 'query-limits.plugin'],
  ['fastify: route handler entry', 'runPreParsing', 'fastify/lib'],
  ['fastify: reply send', 'send', 'fastify/lib/reply'],
  ['pino', '', 'pino'],
];

export interface LayerBreakdown {
  windowMs: number;
  busyMs: number;
  exclusive: [string, number][];
  inclusive: [string, number][];
  /** Leaf functions by self time, with the layer they were counted for. */
  functions: [string, number][];
}

export function breakDown(file: string, fromUs = 0, toUs = Number.POSITIVE_INFINITY): LayerBreakdown {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const layerCache = new Map<number, string>();
  const layerOfNode = (id: number): string => {
    const known = layerCache.get(id);
    if (known) return known;
    let layer: string | null = null;
    for (let at: number | undefined = id; at !== undefined && layer === null; at = parent.get(at)) layer = layerOf((byId.get(at) as ProfileNode).callFrame);
    const resolved = layer ?? 'node internals (no JS caller)';
    layerCache.set(id, resolved);
    return resolved;
  };
  const markerCache = new Map<number, string[]>();
  const markersOf = (id: number): string[] => {
    const known = markerCache.get(id);
    if (known) return known;
    const found = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = (byId.get(at) as ProfileNode).callFrame;
      for (const [label, fn, url] of MARKERS) if ((fn === '' || frame.functionName === fn) && (url === '' || frame.url.includes(url))) found.add(label);
    }
    markerCache.set(id, [...found]);
    return [...found];
  };
  const exclusive = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const functions = new Map<string, number>();
  let t = profile.startTime;
  let busy = 0;
  let first = Number.POSITIVE_INFINITY;
  let last = 0;
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas[i] ?? 0;
    if (t < fromUs || t > toUs) return;
    first = Math.min(first, t);
    last = Math.max(last, t);
    const us = profile.timeDeltas[i + 1] ?? 0; // a sample's time runs until the next sample
    const layer = layerOfNode(id);
    if (layer === '(idle)') return;
    busy += us;
    exclusive.set(layer, (exclusive.get(layer) ?? 0) + us);
    const leaf = (byId.get(id) as ProfileNode).callFrame;
    const fn = `${layer} ← ${leaf.functionName || '(anonymous)'} ${leaf.url.split('/').slice(-2).join('/')}:${leaf.lineNumber + 1}`;
    functions.set(fn, (functions.get(fn) ?? 0) + us);
    for (const marker of markersOf(id)) inclusive.set(marker, (inclusive.get(marker) ?? 0) + us);
  });
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, v / 1000] as [string, number]);
  return { windowMs: (last - first) / 1000, busyMs: busy / 1000, exclusive: sorted(exclusive), inclusive: sorted(inclusive), functions: sorted(functions).slice(0, 40) };
}

/** The breakdown as ms per request and share of busy time. */
export function formatBreakdown(b: LayerBreakdown, requests: number): string {
  const row = ([name, ms]: [string, number]) => `  ${(ms / requests).toFixed(3).padStart(7)} ms/req ${((100 * ms) / b.busyMs).toFixed(1).padStart(5)}%  ${name}`;
  return [
    `profiled window ${Math.round(b.windowMs)} ms, busy ${Math.round(b.busyMs)} ms (${(b.busyMs / requests).toFixed(3)} ms per request over ${requests} requests)`,
    'exclusive (nearest library or file of ours, Node internals counted for their caller):',
    ...b.exclusive.map(row),
    'inclusive (time under each marked function):',
    ...b.inclusive.map(row),
    'top leaf functions:',
    ...b.functions.map(row),
  ].join('\n');
}

// The abusers of bench/load/abuse.ts. Each sends from its own loopback address (127.0.0.0/8 only: per-address
// limits apply to each separately, and nothing leaves the machine), at most `maxRequests` requests and never
// past `stopAt`, and counts the answers it got as "<HTTP status> <first GraphQL error code or OK>". It runs
// either at its stated rate (`perSecond`, a steady attacker whose cost can be compared across machines) or
// flat out (`concurrency` requests always in flight: whatever the server and this machine can take).
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { multipartBody, MULTIPART_TYPE } from '../../test/security/upload-requests';
import { sharedStringsBomb } from '../../test/security/xlsx-bombs';

export interface AbuseRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

export interface Abuser {
  name: string;
  localAddress: string;
  /** Requests in flight at once. */
  concurrency: number;
  /** Requests started per second when rated. */
  perSecond: number;
  maxRequests: number;
  request: (n: number) => AbuseRequest;
}

export interface AbuserReport {
  name: string;
  localAddress: string;
  mode: 'rated' | 'flat out';
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  answers: Record<string, number>;
  /** Bytes of request bodies sent. */
  bytesSent: number;
  latencyP50ms: number;
  latencyMaxMs: number;
}

const SEARCH = 'query Scrape { searchDisclosures(query: "食品", first: 20) { totalCount edges { node { partyName decisionNumber } } } }';
const json = (value: unknown) => Buffer.from(JSON.stringify(value));
const graphql = (body: Buffer, headers: Record<string, string> = {}): AbuseRequest => ({ method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json', ...headers }, body });

/** An anonymous client paging through the public search far above RATE_LIMIT_ANONYMOUS_PER_MINUTE. */
export function scraper(localAddress: string, maxRequests: number): Abuser {
  return { name: 'scraper', localAddress, concurrency: 16, perSecond: 100, maxRequests, request: () => graphql(json({ query: SEARCH })) };
}

/** Guessed department keys (well-formed, never issued), with a forged JWT now and then. */
export function badKeyFlood(localAddress: string, maxRequests: number): Abuser {
  return {
    name: 'badKeyFlood',
    localAddress,
    concurrency: 16,
    perSecond: 100,
    maxRequests,
    request: (n) =>
      n % 10 === 9
        ? graphql(json({ query: SEARCH }), { authorization: `Bearer eyJhbGciOiJIUzI1NiJ9.${randomBytes(24).toString('base64url')}.${randomBytes(32).toString('base64url')}` })
        : graphql(json({ query: SEARCH }), { 'x-api-key': `cpk_${randomBytes(6).toString('hex')}_${randomBytes(32).toString('base64url')}` }),
  };
}

/**
 * Anonymous operations named with `nameBytes` characters, a new name every request, half of them failing
 * validation: once, each name became a label of its own on /metrics. The name goes in twice (document and
 * operationName), so the body stays under the 64 KiB anonymous limit; every tenth is 200 KB, as in the
 * issue's report, which that limit refuses.
 */
export function labelFlood(localAddress: string, maxRequests: number, nameBytes: number): Abuser {
  return {
    name: 'metricsLabelFlood',
    localAddress,
    concurrency: 4,
    perSecond: 10,
    maxRequests,
    request: (n) => {
      const name = `Q${n}_${'x'.repeat(n % 10 === 0 ? 200_000 : nameBytes)}`;
      const query = n % 2 === 0 ? `query ${name} { searchDisclosures(first: 1) { totalCount } }` : `query ${name} { noSuchField${n} }`;
      // The name twice, in the document and as operationName, as a client library sends it.
      return graphql(json({ query, operationName: name }));
    },
  };
}

/** The same long names sent with a department's key (a leaked key; its body limit is 16 MB): 200 KB each. */
export function keyedLabelFlood(localAddress: string, maxRequests: number, apiKey: string): Abuser {
  return {
    name: 'metricsLabelFloodWithKey',
    localAddress,
    concurrency: 2,
    perSecond: 2,
    maxRequests,
    request: (n) => graphql(json({ query: `query K${n}_${'y'.repeat(200_000)} { searchDisclosures(first: 1) { totalCount } }` }), { 'x-api-key': apiKey }),
  };
}

/** GET /metrics with tokens that are not METRICS_TOKEN (right shape, wrong value; none; another scheme). */
export function metricsTokenFlood(localAddress: string, maxRequests: number): Abuser {
  const headers = (n: number): Record<string, string> => {
    if (n % 3 === 0) return { authorization: `Bearer ${randomBytes(24).toString('base64url')}` };
    if (n % 3 === 1) return {};
    return { authorization: `Basic ${randomBytes(18).toString('base64')}` };
  };
  return { name: 'metricsBadToken', localAddress, concurrency: 8, perSecond: 50, maxRequests, request: (n) => ({ method: 'GET', path: '/metrics', headers: headers(n) }) };
}

/** A department uploading the ~300 KB workbook whose shared strings inflate to 300 MB, one after another. */
export function bombUploads(localAddress: string, maxRequests: number, apiKey: string): Abuser {
  const body = multipartBody('bomb.xlsx', sharedStringsBomb(300));
  return {
    name: 'xlsxBombUploads',
    localAddress,
    concurrency: 1,
    perSecond: 1 / 3,
    maxRequests,
    request: () => ({ method: 'POST', path: '/graphql', headers: { 'content-type': MULTIPART_TYPE, 'x-api-key': apiKey, 'apollo-require-preflight': 'true' }, body }),
  };
}

function send(agent: http.Agent, origin: string, localAddress: string, request: AbuseRequest): Promise<string> {
  return new Promise((resolve) => {
    const headers: Record<string, string | number> = { ...request.headers };
    if (request.body) headers['content-length'] = request.body.length;
    const outgoing = http.request(`${origin}${request.path}`, { method: request.method, agent, localAddress, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        let code = 'OK';
        try {
          const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          code = parsed?.errors?.[0]?.extensions?.code ?? (response.statusCode === 200 ? 'OK' : 'NO_CODE');
        } catch {
          code = response.statusCode === 200 ? 'OK' : 'NOT_JSON';
        }
        resolve(`${response.statusCode} ${code}`);
      });
      response.on('error', (error) => resolve(`ERROR ${(error as NodeJS.ErrnoException).code ?? error.message}`));
    });
    // A server that refuses a large body early closes the connection while it is still being sent.
    outgoing.on('error', (error) => resolve(`ERROR ${(error as NodeJS.ErrnoException).code ?? error.message}`));
    outgoing.end(request.body);
  });
}

export async function runAbuser(origin: string, abuser: Abuser, stopAt: number, rated: boolean): Promise<AbuserReport> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: abuser.concurrency });
  const answers: Record<string, number> = {};
  const latencies: number[] = [];
  let issued = 0;
  let bytesSent = 0;
  const started = Date.now();
  const connection = async () => {
    while (issued < abuser.maxRequests && Date.now() < stopAt) {
      // Rated: the n-th request is due n / perSecond seconds in; the connection that takes it waits for its slot.
      const n = issued++;
      const due = started + (n * 1000) / abuser.perSecond;
      if (rated && due > Date.now()) {
        await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
        if (Date.now() >= stopAt) break;
      }
      const request = abuser.request(n);
      bytesSent += request.body?.length ?? 0;
      const sentAt = Date.now();
      const answer = await send(agent, origin, abuser.localAddress, request);
      latencies.push(Date.now() - sentAt);
      answers[answer] = (answers[answer] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: abuser.concurrency }, connection));
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const seconds = (Date.now() - started) / 1000;
  return {
    name: abuser.name,
    localAddress: abuser.localAddress,
    mode: rated ? 'rated' : 'flat out',
    requests: latencies.length,
    seconds: Number(seconds.toFixed(1)),
    requestsPerSecond: Number((latencies.length / seconds).toFixed(1)),
    answers,
    bytesSent,
    latencyP50ms: latencies[Math.floor(latencies.length / 2)] ?? NaN,
    latencyMaxMs: latencies[latencies.length - 1] ?? NaN,
  };
}

// A realistic public query stream: a popular head (the bench's 64 queries, Zipf-weighted) takes HEAD_SHARE of
// the searches and the rest is a long tail of distinct searches (names, USCCs, word + filter combinations, word
// pairs), almost none repeated within the run. The cache hit rate it produces is read from /metrics.
import { Database } from '@credit/db';
import { addMonths, todayInChina } from '@credit/domain';
import { loadTokenStats, searchReaderUrl } from '@credit/search';
import type { TokenStats } from '@credit/search';
import { builderOf } from './explain';
import type { Shape } from './explain';
import { buildVariants, Variant } from './queries';
import { DEPARTMENTS, INDUSTRIES, REGIONS, VIOLATION_TYPES } from './word-lists';

/** Share of searches drawn from the head; the rest are (nearly all) distinct. */
export const HEAD_SHARE = 0.2;
/** Zipf exponent of the head. */
const HEAD_ZIPF = 1;

/** Deterministic pseudo-random numbers (mulberry32), so two runs send the same stream. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Tail searches: every one different, in a shuffled order. */
export async function tailVariants(db: Database, size: number): Promise<Variant[]> {
  const rows = await db.query<{ party_name: string; uscc: string }>(
    `SELECT party_name, uscc FROM public_disclosures TABLESAMPLE SYSTEM (5) REPEATABLE (42) WHERE NOT withdrawn LIMIT $1`,
    [Math.ceil(size / 2)],
  );
  const out: Variant[] = [];
  rows.forEach((row, i) => {
    if (i % 3 === 0) out.push({ label: row.uscc, kind: 'uscc', variables: { query: row.uscc } });
    else if (i % 3 === 1) out.push({ label: row.party_name, kind: 'name', variables: { query: row.party_name } });
    else out.push({ label: row.party_name.slice(3, 7), kind: 'name', variables: { query: row.party_name.slice(3, 7) } });
  });
  const today = todayInChina();
  const words = [...INDUSTRIES, ...VIOLATION_TYPES.map((v) => v.slice(2, 4))];
  for (const word of words) {
    for (const [region] of REGIONS) out.push({ label: `${word}+${region}`, kind: 'filter', variables: { query: word, filter: { regionCode: region } } });
    for (const [department] of DEPARTMENTS) out.push({ label: `${word}+${department}`, kind: 'filter', variables: { query: word, filter: { departmentCode: department } } });
    for (let m = 1; m <= 10; m++) out.push({ label: `${word}+${m}m`, kind: 'filter', variables: { query: word, filter: { decisionDateFrom: addMonths(today, -m), decisionDateTo: addMonths(today, 1 - m) } } });
  }
  for (const a of INDUSTRIES) for (const b of words.slice(30)) out.push({ label: `${a} ${b}`, kind: 'word', variables: { query: `${a} ${b}` } });
  const next = random(7);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out.slice(0, size);
}

/** The stream: a function giving the next request's variant. */
export function queryStream(head: Variant[], tail: Variant[], seed = 11): () => Variant {
  const next = random(seed);
  const weights = head.map((_, i) => 1 / (i + 1) ** HEAD_ZIPF);
  const total = weights.reduce((a, b) => a + b, 0);
  const cumulative = weights.map(((sum) => (w: number) => (sum += w / total))(0));
  let t = 0;
  return () => {
    if (next() < HEAD_SHARE) {
      const r = next();
      return head[cumulative.findIndex((c) => r <= c)] ?? head[head.length - 1];
    }
    return tail[t++ % tail.length];
  };
}

/** Hits and misses of the API's search result cache, from its /metrics. */
export async function cacheLookups(origin: string, token: string): Promise<{ hit: number; miss: number }> {
  const text = await (await fetch(`${origin}/metrics`, { headers: { authorization: `Bearer ${token}` } })).text();
  const read = (result: string) => Number(new RegExp(`credit_search_cache_lookups_total\\{result="${result}"\\} (\\d+)`).exec(text)?.[1] ?? 0);
  return { hit: read('hit'), miss: read('miss') };
}

/**
 * What the profiling scripts (variant-costs.ts, plan-pairs.ts) work on: a search reader of the bench's database
 * (its planner settings decide the plans), the token statistics, the statement shape (PROFILE_SHAPE, default
 * full) and the searches: PROFILE_TAIL searches of the long tail (every (20,000 / n)-th, the same each run), or
 * the head mix when it is 0.
 */
export async function profileSession(url: string, defaultTail: number): Promise<{ db: Database; stats: TokenStats; shape: Shape; variants: Variant[] }> {
  const db = new Database(searchReaderUrl(url), 1);
  const stats = await loadTokenStats(db);
  const tail = Number(process.env.PROFILE_TAIL ?? defaultTail);
  const variants = tail > 0 ? (await tailVariants(db, 20_000)).filter((_, i) => i % Math.max(1, Math.floor(20_000 / tail)) === 0).slice(0, tail) : await buildVariants(db);
  return { db, stats, shape: (process.env.PROFILE_SHAPE ?? 'full') as Shape, variants };
}

/**
 * profileSession for the scripts that compare this checkout's statements with another's (plan-pairs.ts,
 * pair-load.ts): PROFILE_DATABASE_URL and PAIR_BASE_ROOT from the environment, and that checkout's builder.
 */
export async function pairSession(defaultTail: number): Promise<Awaited<ReturnType<typeof profileSession>> & { url: string; baseBuild: Awaited<ReturnType<typeof builderOf>> }> {
  const url = process.env.PROFILE_DATABASE_URL;
  const baseRoot = process.env.PAIR_BASE_ROOT;
  if (!url || !baseRoot) throw new Error('PROFILE_DATABASE_URL (a database bench/search loaded) and PAIR_BASE_ROOT (the other checkout)');
  const baseBuild = await builderOf(baseRoot);
  return { ...(await profileSession(url, defaultTail)), url, baseBuild };
}

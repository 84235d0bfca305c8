// The keys of the `tokens` column: what a document can be found by (text bigrams, exact keys, filter keys) and
// what a search looks up, hashed to 53-bit integers.
import type { DisclosureDocument, DisclosureSearchFilter } from '../search-index.port';
import { normalizeText, ParsedQuery, regionPrefix, regionPrefixes, tokenize } from '../search-text';

const collapse = (text: string): string => normalizeText(text).trim().replace(/\s+/g, ' ');

/** The `tokens` key of each filterable value: a document holds it, a filter looks it up, a walk scope is named by it. */
export const FILTER_KEY = {
  region: (prefix: string) => `r:${prefix}`,
  department: (code: string) => `g:${code}`,
  category: (category: string) => `c:${category}`,
  severity: (severity: string) => `s:${severity}`,
  uscc: (uscc: string) => `u:${uscc.toUpperCase()}`,
};

/**
 * Buckets a search can sample a frequent query's matches from (sample-buckets.ts): a document is in bucket
 * record_id mod SAMPLE_BUCKETS, and holds that bucket's key.
 */
export const SAMPLE_BUCKETS = 64;
export const bucketToken = (bucket: number) => `b:${bucket}`;

/** Everything a document can be found by: text bigrams, exact keys, filter keys, and its sample bucket. */
export function documentTokens(doc: DisclosureDocument): string[] {
  const keys = new Set<string>(tokenize(`${doc.partyName}\n${doc.violationType}\n${doc.violationFacts}`));
  keys.add(`x:${collapse(doc.partyName)}`);
  keys.add(`d:${collapse(doc.decisionNumber)}`);
  if (doc.uscc) keys.add(FILTER_KEY.uscc(doc.uscc));
  for (const prefix of regionPrefixes(doc.regionCode)) keys.add(FILTER_KEY.region(prefix));
  keys.add(FILTER_KEY.department(doc.departmentCode));
  for (const category of doc.penaltyCategories) keys.add(FILTER_KEY.category(category));
  keys.add(FILTER_KEY.severity(doc.severity));
  if (/^\d+$/.test(doc.id)) keys.add(bucketToken(Number(BigInt(doc.id) % BigInt(SAMPLE_BUCKETS))));
  return [...keys];
}

/** Filter keys that the GIN index answers (date range is a column condition). */
export function filterKeys(filter: DisclosureSearchFilter): string[] {
  const keys: string[] = [];
  if (filter.regionCode) {
    const prefix = regionPrefix(filter.regionCode);
    if (prefix) keys.push(FILTER_KEY.region(prefix));
  }
  if (filter.departmentCode) keys.push(FILTER_KEY.department(filter.departmentCode));
  if (filter.penaltyCategory) keys.push(FILTER_KEY.category(filter.penaltyCategory));
  if (filter.severity) keys.push(FILTER_KEY.severity(filter.severity));
  if (filter.uscc) keys.push(FILTER_KEY.uscc(filter.uscc.trim()));
  return keys;
}

export function exactKeys(query: ParsedQuery): string[] {
  return [`x:${query.exact}`, `d:${query.exact}`, FILTER_KEY.uscc(query.exact)];
}

/**
 * Tokens are stored as 53-bit hashes (bigint[]), not text: a row's ~100 keys take 8 bytes each and stay
 * uncompressed in the row, so testing `tokens @> …` on a row costs no decompression (text keys were ~1 KB
 * compressed per row, ~7 µs per row to test). 53 bits keep collisions out of reach for millions of keys and
 * the values exact in JavaScript numbers.
 */
export function tokenKey(token: string): number {
  let h1 = 0x811c9dc5;
  let h2 = 0x9747b28c;
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  h1 ^= h1 >>> 13;
  h1 = Math.imul(h1, 0x85ebca6b);
  h1 ^= h1 >>> 16;
  return (h1 & 0x1fffff) * 4294967296 + (h2 >>> 0);
}

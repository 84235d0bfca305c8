// The sample a search counts and facets a frequent query from, read from a fixed part of the table: every document
// holds the key of its bucket (record_id mod SAMPLE_BUCKETS, postgres-search.tokens.ts), so GIN intersects the
// query's posting lists with the first buckets' lists and the bitmap holds only the matches in those buckets, not
// every match (a 14,416-row bitmap for 餐饮 with one penalty category) nor the few percent of the table's blocks a
// block sample reads to find 201 matches of a word of 3 % (超市: ~1,500 blocks).
import type { TokenStats } from './search-plan';
import { bucketToken, SAMPLE_BUCKETS, tokenKey } from './postgres-search.tokens';

/** The buckets' keys, the first bucket first. */
export const BUCKET_KEYS: readonly number[] = Array.from({ length: SAMPLE_BUCKETS }, (_, bucket) => tokenKey(bucketToken(bucket)));

/** The buckets read are expected to hold this many times the sample, so an estimate somewhat too high still fills it. */
const BUCKET_MARGIN = 3;
/**
 * At most this many buckets (an eighth of the table): fewer expected matches than that takes (~4,800 for a sample of
 * 201) are few enough for GIN to look them all up.
 */
const MAX_SAMPLE_BUCKETS = 8;

/**
 * How many buckets, the first ones, a sample of `sample` matches reads, for a search whose matches are expected at
 * `share` of the rows; null when they would be too many (MAX_SAMPLE_BUCKETS), or while the table's rows do not hold
 * their bucket keys yet (the statistics see the first bucket's key in fewer than half the rows it should: rows
 * written by a release before the keys, until `search:reindex`).
 */
export function sampleBuckets(sample: number, share: number, stats: TokenStats): number | null {
  if (stats.rows <= 0 || share <= 0) return null;
  if (stats.frequency(BUCKET_KEYS[0]) < 0.5 / SAMPLE_BUCKETS) return null;
  const buckets = Math.ceil((BUCKET_MARGIN * sample) / ((share * stats.rows) / SAMPLE_BUCKETS));
  return buckets <= MAX_SAMPLE_BUCKETS ? buckets : null;
}

/** The condition that a row is in one of the first `buckets` buckets; `param` gives a list of keys as a parameter. */
export function inBuckets(buckets: number, param: (keys: readonly number[]) => string): string {
  return buckets === 1 ? `tokens @> ${param(BUCKET_KEYS.slice(0, 1))}` : `tokens && ${param(BUCKET_KEYS.slice(0, buckets))}`;
}

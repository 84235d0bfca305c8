// The sample a search counts and facets a frequent query from, read from a fixed part of the table: every document
// holds the key of its bucket (record_id mod SAMPLE_BUCKETS, postgres-search.tokens.ts), and a sample intersects the
// query's posting lists with the first bucket's. GIN then steps along that list, the rarest, and skips through the
// query's, so its bitmap holds only the bucket's matches: not every match (GIN builds the whole bitmap even for a
// LIMIT), nor the ~1,500 blocks a block sample (since removed) read to find 201 matches of a word of 3 %, nor the
// ~3,650 rows a walk reads for a word of 5.5 %.
import type { TokenStats } from './search-plan';
import { bucketToken, SAMPLE_BUCKETS, tokenKey } from './postgres-search.tokens';

/** The buckets' keys, the first bucket first. */
export const BUCKET_KEYS: readonly number[] = Array.from({ length: SAMPLE_BUCKETS }, (_, bucket) => tokenKey(bucketToken(bucket)));

/**
 * Buckets a sample may read before GIN looks every match up: the first is expected to hold the sample, and the second,
 * read only when it did not, covers an estimate somewhat too high. Each read costs a lookup of its own, about as dear
 * for a query of several frequent keys as the whole lookup: the first bucket is not read on the hope that two will do
 * (药房 许可, ~166 matches a bucket: 14.6 → 23.4 ms, 食品 运输 11.7 → 17.1). Before the second bucket the first was
 * required to hold 1.5 times the sample, and 餐饮 with a penalty category (~225 a bucket) looked every one of its
 * 14,416 matches up for a sample of 201: 12.3 → 7.6 ms (plan-pairs, generic plans).
 */
const BUCKETS_READ = 2;
/**
 * Walking the newest rows finds the sample of a very frequent word sooner: 201 matches of 食品 (22 % of the bench's
 * 1M) took 1.75 ms walking ~900 rows and 4.2 ms from the bucket; of 过期 (5.5 %), 6.0 ms walking ~3,650 rows and
 * 2.25 ms from the bucket (medians of 6, alternating), when a walked row was read from the table (~1.5 µs). The bucket's
 * lookup grows with the word's posting list: the bucket is read below share = √(WALK_OVER_BUCKET · n / rows), 7.1 %
 * for 201 of 1,000,000. Since the walk tests the signature on the index (~0.5 µs a row), 50 (10 %) was too high: 餐饮
 * (8.6 %), whole statement 3.76 → 2.85 ms walking; at 5–5.6 % the two are even (10, 4.5 %: 过期 3.51 → 3.14, 儿童
 * 3.60 → 3.38, 消防 4.08 → 5.03, 纳税 4.07 → 4.42; plan-pairs, generic plans).
 * Reading three buckets at once (`tokens && …`) was no good: GIN could not step along an OR of three lists, and
 * 餐饮 with a penalty category took 9.4 ms in the index where one bucket takes ~3.
 */
const WALK_OVER_BUCKET = 25;

/**
 * Whether a sample of `sample` matches, for a search whose matches are expected at `share` of the rows, is read from
 * the first buckets: when the first should hold the sample (BUCKETS_READ), and a walk would not be quicker.
 * The bucket's share is the statistics' own, which counts only the rows that hold their key: never while fewer than
 * half of them do (rows written by a release before the keys, until `search:reindex`).
 */
export function sampleFromBucket(sample: number, share: number, stats: TokenStats): boolean {
  if (stats.rows <= 0 || share <= 0) return false;
  const bucketShare = stats.frequency(BUCKET_KEYS[0]);
  if (bucketShare < 0.5 / SAMPLE_BUCKETS) return false;
  const perBucket = share * stats.rows * bucketShare;
  return perBucket >= sample && share < Math.sqrt((WALK_OVER_BUCKET * sample) / stats.rows);
}

/** The condition that a row is in bucket `bucket` (0 or 1); `param` gives a list of keys as a parameter. */
export function inBucket(bucket: number, param: (keys: readonly number[]) => string): string {
  if (!Number.isInteger(bucket) || bucket < 0 || bucket >= BUCKETS_READ) throw new RangeError(`a sample reads buckets 0 to ${BUCKETS_READ - 1}, not ${bucket}`);
  return `tokens @> ${param(BUCKET_KEYS.slice(bucket, bucket + 1))}`;
}

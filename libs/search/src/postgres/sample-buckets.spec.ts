import { contractDoc } from '../search-index.contract';
import { parseQuery, ParsedQuery } from '../search-text';
import { buildSearchSql, TokenStats } from './postgres-search.sql';
import { documentTokens, SAMPLE_BUCKETS, tokenKey } from './postgres-search.tokens';
import { BUCKET_KEYS, sampleFromBucket } from './sample-buckets';

/** 1,000,000 rows; these shares, every bucket key at 1/64 unless `bucketKeys` is false, any other key at 0. */
const stats = (shares: Record<string, number>, bucketKeys = true): TokenStats => {
  const byKey = new Map(Object.entries(shares).map(([token, share]) => [tokenKey(token), share]));
  const buckets = new Set(BUCKET_KEYS);
  return { rows: 1_000_000, frequency: (key) => byKey.get(key) ?? (bucketKeys && buckets.has(key) ? 1 / SAMPLE_BUCKETS : 0) };
};
const search = (query: string, filter = {}) => ({ table: 'public_disclosures', query: parseQuery(query) as ParsedQuery, filter, asOf: '2026-11-28', limit: 20, countBound: 200, cursor: null });
const unreferenced = (sql: { text: string; params: unknown[] }) => sql.params.map((_, i) => i + 1).filter((n) => !new RegExp(`\\$${n}(?!\\d)`).test(sql.text));

describe('sample buckets', () => {
  it('puts a document in the bucket of its record_id mod 64, by a key of its own', () => {
    expect(documentTokens(contractDoc({ id: '130' }))).toContain('b:2');
    expect(documentTokens(contractDoc({ id: '9007199254740993' }))).toContain(`b:${Number(9007199254740993n % 64n)}`);
    expect(new Set(BUCKET_KEYS).size).toBe(SAMPLE_BUCKETS);
  });

  it('reads the first buckets when the first should hold the sample and a walk would not be quicker', () => {
    // 1.3 % of 1,000,000: 203 matches a bucket, 201 wanted; 1.25 %: 195
    expect(sampleFromBucket(201, 0.03, stats({}))).toBe(true);
    expect(sampleFromBucket(201, 0.013, stats({}))).toBe(true);
    expect(sampleFromBucket(201, 0.0125, stats({}))).toBe(false);
    // 5.5 %: a walk would read ~3,650 rows; 8.6 %: ~2,340, 22 %: ~900, quicker than the bucket (from √(25 · 201 / 1M)
    // ≈ 7.1 %)
    expect(sampleFromBucket(201, 0.055, stats({}))).toBe(true);
    expect(sampleFromBucket(201, 0.07, stats({}))).toBe(true);
    expect(sampleFromBucket(201, 0.086, stats({}))).toBe(false);
    expect(sampleFromBucket(201, 0.22, stats({}))).toBe(false);
    // not before the rows hold their keys; with half of them keyed, the bucket holds half as many
    expect(sampleFromBucket(201, 0.03, stats({}, false))).toBe(false);
    const halfKeyed: TokenStats = { rows: 1_000_000, frequency: (key) => (key === BUCKET_KEYS[0] ? 0.5 / SAMPLE_BUCKETS : 0) };
    expect(sampleFromBucket(201, 0.02, halfKeyed)).toBe(false);
    expect(sampleFromBucket(201, 0.03, halfKeyed)).toBe(true);
  });

  it('samples a word of a few percent, alone or with a filter, from the first buckets, with every parameter used', () => {
    const bucket = /AND tokens @> \$(\d+)::bigint\[\] OFFSET 0\) m LIMIT 201/g;
    const buckets = (sql: { text: string; params: unknown[] }) =>
      [...sql.text.matchAll(bucket)].map((match) => sql.params[Number(match[1]) - 1] as number[]).filter((keys) => keys.length === 1 && BUCKET_KEYS.includes(keys[0]));
    const firstBucket = (sql: { text: string; params: unknown[] }) => buckets(sql)[0];
    // 超市 at 3 % and 过期 at 5.5 % (walks without the keys)
    for (const [word, share] of [['超市', 0.03], ['过期', 0.055]] as const) {
      const sql = buildSearchSql(search(word), stats({ [word]: share }));
      expect(sql.text).toContain('bucketed AS (');
      expect(buckets(sql)).toEqual([[BUCKET_KEYS[0]], [BUCKET_KEYS[1]]]);
      expect(unreferenced(sql)).toEqual([]);
    }
    const filtered = buildSearchSql(search('食品', { penaltyCategory: 'SUSPEND_LICENSE' }), stats({ 食品: 0.22, 'c:SUSPEND_LICENSE': 0.167 }));
    expect(firstBucket(filtered)).toEqual([BUCKET_KEYS[0]]);
    expect(unreferenced(filtered)).toEqual([]);
    // not within a date range (the word's share says nothing of the range's)
    expect(buildSearchSql(search('超市', { decisionDateFrom: '2026-10-01', decisionDateTo: '2026-10-31' }), stats({ 超市: 0.03 })).text).not.toContain('bucketed');
    // 食品 alone (22 %) walks; 餐饮 with a category (1.4 %: ~225 a bucket) reads the buckets, with a rarer one (0.4 %)
    // looks every match up
    expect(buildSearchSql(search('食品'), stats({ 食品: 0.22 })).text).not.toContain('bucketed');
    expect(buildSearchSql(search('餐饮', { penaltyCategory: 'SUSPEND_LICENSE' }), stats({ 餐饮: 0.086, 'c:SUSPEND_LICENSE': 0.167 })).text).toContain('bucketed_next AS (');
    expect(buildSearchSql(search('餐饮', { penaltyCategory: 'REVOKE_LICENSE' }), stats({ 餐饮: 0.086, 'c:REVOKE_LICENSE': 0.05 })).text).not.toContain('bucketed');
  });

  it('leaves the page alone and a search without a count as they were', () => {
    const pageOnly = buildSearchSql({ ...search('超市'), count: false, facets: false }, stats({ 超市: 0.03 }));
    expect(pageOnly.text).not.toContain('bucketed');
    expect(pageOnly.text).toBe(buildSearchSql({ ...search('超市'), count: false, facets: false }, stats({ 超市: 0.03 }, false)).text);
  });
});

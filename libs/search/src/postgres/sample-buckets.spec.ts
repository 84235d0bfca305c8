import { contractDoc } from '../search-index.contract';
import { parseQuery, ParsedQuery } from '../search-text';
import { buildSearchSql, TokenStats } from './postgres-search.sql';
import { documentTokens, SAMPLE_BUCKETS, tokenKey } from './postgres-search.tokens';
import { BUCKET_KEYS, sampleBuckets } from './sample-buckets';

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

  it('reads the first buckets that should hold three times the sample, at most 8, and none the rows do not hold', () => {
    // 3 % of 1,000,000: 469 matches a bucket; 603 wanted
    expect(sampleBuckets(201, 0.03, stats({}))).toBe(2);
    expect(sampleBuckets(201, 0.2, stats({}))).toBe(1);
    expect(sampleBuckets(201, 0.005, stats({}))).toBe(8);
    expect(sampleBuckets(201, 0.004, stats({}))).toBeNull();
    expect(sampleBuckets(201, 0.03, stats({}, false))).toBeNull();
  });

  it('samples a frequent word, or a word and a filter, from the buckets, with every parameter used', () => {
    const word = buildSearchSql(search('超市'), stats({ 超市: 0.03 }));
    expect(word.text).toContain('bucketed AS (');
    expect(word.text).not.toContain('TABLESAMPLE');
    expect(word.params).toContainEqual(BUCKET_KEYS.slice(0, 2));
    expect(word.text).toMatch(/tokens && \$\d+::bigint\[\]/);
    const filtered = buildSearchSql(search('餐饮', { penaltyCategory: 'SUSPEND_LICENSE' }), stats({ 餐饮: 0.086, 'c:SUSPEND_LICENSE': 0.167 }));
    expect(filtered.text).toContain('bucketed AS (');
    expect(filtered.params).toContainEqual(BUCKET_KEYS.slice(0, 3));
    // 4 %: 625 a bucket, one is enough (at 4.5 % and more the sample walks the newest rows instead)
    const common = buildSearchSql(search('食品'), stats({ 食品: 0.04 }));
    expect(common.params).toContainEqual(BUCKET_KEYS.slice(0, 1));
    expect(common.text).toMatch(/AND tokens @> \$\d+::bigint\[\] OFFSET 0\) m LIMIT 201/);
    for (const sql of [word, filtered, common]) expect(unreferenced(sql)).toEqual([]);
  });

  it('leaves the page alone and a search without a count as they were', () => {
    const pageOnly = buildSearchSql({ ...search('超市'), count: false, facets: false }, stats({ 超市: 0.03 }));
    expect(pageOnly.text).not.toContain('bucketed');
    expect(pageOnly.text).toBe(buildSearchSql({ ...search('超市'), count: false, facets: false }, stats({ 超市: 0.03 }, false)).text);
  });
});

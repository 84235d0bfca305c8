// A frequent query's sample read from the first buckets of the table (sample-buckets.ts). On a real table: the
// sampled rows are matches still published, all of them in the first bucket, or the first two when the first holds
// too few; the lookup of every match never starts when they hold enough, and when they do not, it gives every match,
// once.
import { Database } from '@credit/db';
import { contractDoc } from '../search-index.contract';
import type { DisclosureDocument } from '../search-index.port';
import { loadTokenStats, PostgresSearchIndex } from './postgres-search.index';
import { buildSearchSql, FacetGroupRow, facetsFromGroups } from './postgres-search.sql';
import { FILTER_KEY, SAMPLE_BUCKETS, tokenKey } from './postgres-search.tokens';
import { BUCKET_KEYS } from './sample-buckets';
import { claimedStatement, guardedLookupRan, planAsRun } from './testing/guarded-lookup';
import { facetsOf, sampleRowsOf } from './testing/sample-rows';
import { openSearchDatabases, SearchDatabases } from './testing/search-databases';

const AS_OF = '2026-06-30';
// A sample of 11 (more than 10). The statistics put the word at 25 % of ~3,300 rows: ~13 matches a bucket, more than
// the sample, and below √(25 · 11 / 3,300) = 29 %, where a walk would be quicker.
const COUNT_BOUND = 10;
const CLAIMED_SHARE = 0.25;
const bucketOf = (doc: DisclosureDocument) => Number(doc.id) % SAMPLE_BUCKETS;

describe('PostgreSQL search: a sample of a frequent query from the first bucket of the table', () => {
  let databases: SearchDatabases;
  let db: Database;
  let reader: Database;
  const docs: DisclosureDocument[] = [];

  beforeAll(async () => {
    databases = await openSearchDatabases();
    ({ db, reader } = databases);
    // One in two sells household appliances (家电), and every row of bucket 0 (~52); the department names the bucket,
    // so the facets say which buckets were sampled. 冰箱 is in six documents only. No longer published on AS_OF
    // (CZ-EXPIRED): one in ten rows, and one in four of bucket 0, so that a sample of bucket 0 that skipped the
    // publication test would count some among its first 11.
    // 电视 (televisions) is in 5 published rows of bucket 0, 10 of bucket 1 and 3 others: the first bucket holds too
    // few for the sample, the first two enough.
    let firstBucket = 0;
    const televisions = [0, 0, 0];
    for (let i = 0; i < 3300; i++) {
      const doc = contractDoc({
        partyName: `滁州市第${i}号商行`,
        decisionDate: `2026-0${1 + (i % 5)}-${String(1 + (i % 28)).padStart(2, '0')}`,
      });
      const inFirst = bucketOf(doc) === 0;
      const expired = inFirst ? firstBucket++ % 4 === 3 : i % 10 === 5;
      const appliance = inFirst || expired || i % 2 === 0;
      const group = Math.min(bucketOf(doc), 2);
      const television = !expired && i % 600 !== 0 && televisions[group] < [5, 10, 3][group] && (group < 2 || i % 97 === 2) && ++televisions[group] > 0;
      const department = expired ? 'CZ-EXPIRED' : appliance || television ? `CZ-B${bucketOf(doc)}` : 'CZ-OTHER';
      docs.push({
        ...doc,
        violationType: television ? '销售不合格电视' : appliance ? (i % 600 === 0 ? '销售不合格家电冰箱' : '销售不合格家电') : '未按规定公示年度报告',
        // and only they had their licences suspended: the same two buckets for a search by that category alone
        penaltyCategories: television ? ['SUSPEND_LICENSE', 'FINE'] : ['FINE'],
        publishedUntil: expired ? '2026-06-01' : '2029-12-31',
        departmentCode: department,
        departmentName: `部门${department}`,
      });
    }
    await new PostgresSearchIndex(db).apply(docs.map((doc) => ({ op: 'upsert' as const, version: 1, doc })));
    await db.query('ANALYZE public_disclosures');
  });
  afterAll(() => databases.close());

  /** The statistics put the word (its last bigram; the others at 90 %) at 25 % of the rows, each bucket at 1/64. */
  const statement = (query: string, bucketKeys = true) =>
    claimedStatement(reader, query, { share: CLAIMED_SHARE, bucketShare: bucketKeys ? 1 / SAMPLE_BUCKETS : 0, countBound: COUNT_BOUND, asOf: AS_OF });
  /** Whether the lookup of every match ran (testing/guarded-lookup.ts). */
  const lookupRan = async (sql: { text: string; params: unknown[] }) => guardedLookupRan(await planAsRun(reader, sql), COUNT_BOUND + 1);
  /** The sample is COUNT_BOUND + 1 rows of the first two buckets, some of each, and the lookup of every match never ran. */
  const expectSampleOfTwoBuckets = async (sql: { text: string; params: unknown[] }) => {
    const [row] = await reader.query<{ facets: FacetGroupRow[] }>(sql.text, sql.params);
    const { sampled, facets } = facetsFromGroups(row.facets);
    expect(sampled).toBe(COUNT_BOUND + 1);
    expect(facets.departments.map((bucket) => bucket.value).sort()).toEqual(['CZ-B0', 'CZ-B1']);
    expect(await lookupRan(sql)).toBe(false);
  };

  it('samples published matches of the first bucket only, and never starts the lookup of every match', async () => {
    const sql = await statement('家电');
    expect(sql.text).toContain('bucketed AS (');
    expect(sql.params).toContainEqual([BUCKET_KEYS[0]]);
    const [row] = await reader.query<{ facets: FacetGroupRow[] }>(sql.text, sql.params);
    const { sampled, facets } = facetsFromGroups(row.facets);
    expect(sampled).toBe(COUNT_BOUND + 1);
    const sampledBuckets = facets.departments.map((bucket) => Number(bucket.value.slice('CZ-B'.length)));
    expect(facets.departments.every((bucket) => bucket.value.startsWith('CZ-B'))).toBe(true);
    expect(sampledBuckets).toEqual([0]);
    expect(await lookupRan(sql)).toBe(false);
    // the same bucket gives the same sample every time
    const [again] = await reader.query<{ facets: FacetGroupRow[] }>(sql.text, sql.params);
    expect(again).toEqual(row);
  });

  it('reads the second bucket when the first holds too few, and still never starts the lookup of every match', async () => {
    const sql = await statement('电视');
    expect(sql.params).toContainEqual([BUCKET_KEYS[1]]);
    const inTwo = docs.filter((doc) => doc.violationType.includes('电视') && doc.departmentCode !== 'CZ-EXPIRED');
    expect(inTwo.filter((doc) => bucketOf(doc) === 0)).toHaveLength(5);
    expect(inTwo.filter((doc) => bucketOf(doc) === 1)).toHaveLength(10);
    // 11 of the 15 in the two buckets (any of them: the union with the exact matches takes them in no order)
    await expectSampleOfTwoBuckets(sql);
  });

  it('samples no more than the sample from the two buckets for a search without a query', async () => {
    const real = await loadTokenStats(reader);
    const suspended = tokenKey(FILTER_KEY.category('SUSPEND_LICENSE'));
    const buckets = new Set(BUCKET_KEYS);
    const frequency = (key: number) => (key === suspended ? CLAIMED_SHARE : buckets.has(key) ? 1 / SAMPLE_BUCKETS : 0.9);
    const request = { table: 'public_disclosures', query: null, filter: { penaltyCategory: 'SUSPEND_LICENSE' }, asOf: AS_OF, limit: 20, countBound: COUNT_BOUND, cursor: null };
    const sql = buildSearchSql(request, { ...real, frequency });
    expect(sql.text).toContain('bucketed_next AS (');
    await expectSampleOfTwoBuckets(sql);
  });

  it('looks every match up when the bucket holds too few: every match, counted once, and exact facets', async () => {
    const sql = await statement('家电冰箱');
    expect(sql.text).toContain('bucketed AS (');
    const expected = docs.filter((doc) => doc.violationType.includes('家电冰箱') && doc.departmentCode !== 'CZ-EXPIRED');
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(COUNT_BOUND);
    const [row] = await reader.query<{ facets: FacetGroupRow[] }>(sql.text, sql.params);
    const { sampled, facets } = facetsFromGroups(row.facets);
    expect(sampled).toBe(expected.length);
    expect(facets).toEqual(facetsOf(sampleRowsOf(expected)));
    expect(await lookupRan(sql)).toBe(true);
  });

  it('does not read a bucket the rows do not hold yet (written before the keys): the walk as before', async () => {
    const sql = await statement('家电', false);
    expect(sql.text).not.toContain('bucketed AS (');
    const [row] = await reader.query<{ facets: FacetGroupRow[] }>(sql.text, sql.params);
    expect(facetsFromGroups(row.facets).sampled).toBe(COUNT_BOUND + 1);
  });
});

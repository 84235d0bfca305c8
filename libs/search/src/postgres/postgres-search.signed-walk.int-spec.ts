// A walk that tests the keys' signature on the newest-first index (its INCLUDE columns) and reads from the table only
// the rows the signature lets through (buildSearchSql's walk, SIGNED_WALK_MAX_SHARE). On a real table: the page,
// the next page and the facets are those the documents give, rows no longer published or withdrawn are left out,
// a row without a signature is still tested exactly, and most walked rows are never read from the table.
import { Database } from '@credit/db';
import { contractDoc } from '../search-index.contract';
import type { DisclosureDocument, DisclosureSearchFilter } from '../search-index.port';
import { parseQuery, ParsedQuery } from '../search-text';
import { loadTokenStats, PostgresSearchIndex } from './postgres-search.index';
import { HitRow, toHit } from './postgres-search.rows';
import { buildSearchSql, FacetGroupRow, facetsFromGroups, TokenStats } from './postgres-search.sql';
import { BUCKET_KEYS } from './sample-buckets';
import { guardedLookupRan, planAsRun } from './testing/guarded-lookup';
import { matchingDocuments } from './testing/matching-documents';
import { facetsOf, sampleRowsOf } from './testing/sample-rows';
import { searchDatabasesOfSuite } from './testing/search-databases';

const AS_OF = '2026-06-30';
const COUNT_BOUND = 10;
// The statistics put every key at 22 % of the rows (家电 is at 1/8): the page walks, and so does the sample of 11
// (above √(3 · 11 / 2,400) = 12 %, sampleWalkMinShare), both through the signature (below SIGNED_WALK_MAX_SHARE,
// 25 %). The sample buckets' keys at none: a table written before them, so the sample does not read a bucket instead.
const CLAIMED_SHARE = 0.22;

describe('PostgreSQL search: a walk through the signatures on the newest-first index', () => {
  const suite = searchDatabasesOfSuite();
  let db: Database;
  let reader: Database;
  let stats: TokenStats;
  const docs: DisclosureDocument[] = [];
  const published: DisclosureDocument[] = [];

  beforeAll(async () => {
    ({ db, reader } = suite);
    // One in eight sells household appliances (家电). Of those decided in the newest month (May: i ≡ 24 mod 40), one in
    // three is no longer published on AS_OF and one in three is withdrawn, so a walk that let either through would
    // show some on the first page and in the sample.
    for (let i = 0; i < 2400; i++) {
      const appliance = i % 8 === 0;
      const doc = contractDoc({
        partyName: `滁州市第${i}号商行`,
        violationType: appliance ? '销售不合格家电' : '未按规定公示年度报告',
        decisionDate: `2026-0${1 + (i % 5)}-${String(1 + (i % 28)).padStart(2, '0')}`,
        departmentCode: ['CZ-SCJGJ', 'CZ-SWJ', 'CZ-HBJ'][i % 3],
      });
      const expired = i % 120 === 24;
      docs.push({ ...doc, publishedUntil: expired ? '2026-06-01' : '2029-12-31' });
    }
    // One whose whole name is the query: an exact match (first, on its own), and the newest of the walk's matches too,
    // which the walk must leave to the exact ones.
    docs.push(contractDoc({ partyName: '家电', violationType: '销售不合格家电', decisionDate: '2026-05-28', departmentCode: 'CZ-HBJ', publishedUntil: '2029-12-31' }));
    await new PostgresSearchIndex(db).apply(docs.map((doc) => ({ op: 'upsert' as const, version: 1, doc })));
    const withdrawn = docs.filter((_, i) => i % 120 === 64);
    await db.query('UPDATE public_disclosures SET withdrawn = true WHERE record_id = ANY($1::bigint[])', [withdrawn.map((doc) => doc.id)]);
    published.push(...docs.filter((doc) => doc.publishedUntil >= AS_OF && !withdrawn.includes(doc)));
    await db.query('VACUUM ANALYZE public_disclosures');
    const buckets = new Set(BUCKET_KEYS);
    stats = { ...(await loadTokenStats(reader)), frequency: (key) => (buckets.has(key) ? 0 : CLAIMED_SHARE) };
  });

  const search = async (after: { tier: 0 | 1 | 2; date: string; id: string } | null = null, filter: DisclosureSearchFilter = {}, claimed = stats, facets = true) => {
    const request = { table: 'public_disclosures', query: parseQuery('家电') as ParsedQuery, filter, asOf: AS_OF, limit: 20, countBound: COUNT_BOUND, cursor: after, facets };
    const sql = buildSearchSql(request, claimed);
    const [row] = await reader.query<{ hits: HitRow[]; facets?: FacetGroupRow[]; sampled?: number }>(sql.text, sql.params);
    return { sql, hits: row.hits.map((hit) => toHit(hit)), ...(facets ? facetsFromGroups(row.facets ?? null) : { sampled: row.sampled, facets: null }) };
  };

  it('answers as the documents say: the page, the next page and the newest matches counted, none unpublished', async () => {
    const expected = matchingDocuments(published, '家电', {});
    expect(expected.length).toBeGreaterThan(60);
    const first = await search();
    expect(first.sql.text).toContain('THEN (SELECT arraycontains(x.tokens, ');
    expect(first.hits.slice(0, 20).map((hit) => hit.doc.id)).toEqual(expected.slice(0, 20).map((doc) => doc.id));
    expect(first.hits[0]).toMatchObject({ tier: 2, doc: { partyName: '家电' } });
    // the sample is the newest COUNT_BOUND + 1 matches
    expect(first.sampled).toBe(COUNT_BOUND + 1);
    expect(first.facets).toEqual(facetsOf(sampleRowsOf(expected.slice(0, COUNT_BOUND + 1))));
    const last = first.hits[19];
    const next = await search({ tier: last.tier, date: last.doc.decisionDate, id: last.doc.id });
    expect(next.hits.slice(0, 20).map((hit) => hit.doc.id)).toEqual(expected.slice(20, 40).map((doc) => doc.id));
  });

  it('reads from the table only the rows whose signature may hold the keys', async () => {
    const { sql } = await search();
    const plan = await planAsRun(reader, { text: sql.text, params: sql.params });
    const walks = plan.filter((line) => /Index Only Scan using public_disclosures_newest_idx/.test(line));
    expect(walks.length).toBe(2); // the page's and the sample's
    // Each walk passes over ~8 rows for every match; the table is read by primary key for the matches alone (and
    // the few rows whose signature holds the keys' bits by chance): the page's once to test their tokens and once for
    // their rows, the sample's once, the test bringing back the facets' columns.
    const removed = plan.filter((line) => /Rows Removed by Filter: \d+/.test(line)).map((line) => Number(/(\d+)$/.exec(line.trim())?.[1]));
    expect(Math.max(...removed)).toBeGreaterThan(100);
    const reads = plan.filter((line) => /Index Scan using public_disclosures_pkey/.test(line)).map((line) => Number(/loops=(\d+)/.exec(line)?.[1]));
    expect(reads).toHaveLength(3);
    expect(Math.max(...reads.slice(0, 2))).toBeLessThanOrEqual(21 + 5);
    expect(reads[2]).toBeLessThanOrEqual(COUNT_BOUND + 1 + 5);
  });

  it('counts the newest matches from the index and the one visit that tests them, without their rows', async () => {
    const { sql, sampled } = await search(null, {}, stats, false);
    expect(sampled).toBe(COUNT_BOUND + 1);
    const plan = await planAsRun(reader, { text: sql.text, params: sql.params });
    const reads = plan.filter((line) => /Index Scan using public_disclosures_pkey/.test(line)).map((line) => Number(/loops=(\d+)/.exec(line)?.[1]));
    expect(reads.slice(2)).toHaveLength(1);
    expect(reads[2]).toBeLessThanOrEqual(COUNT_BOUND + 1 + 5);
  });

  it("walks a department's own index the same way, a bounded walk first: its pages as the documents say", async () => {
    // Every key at 10 %: the department scopes the page's walk, which goes ~420 entries into its index (twice the
    // entries the matches should take), where 家电 is one row in eight: enough for a page. The department's
    // appliances decided in May are all no longer published.
    const buckets = new Set(BUCKET_KEYS);
    const scoped: TokenStats = { ...stats, frequency: (key) => (buckets.has(key) ? 0 : 0.1) };
    const filter = { departmentCode: 'CZ-SCJGJ' };
    const expected = matchingDocuments(published, '家电', filter);
    const found = await search(null, filter, scoped);
    expect(found.hits.slice(0, 20).map((hit) => hit.doc.id)).toEqual(expected.slice(0, 20).map((doc) => doc.id));
    expect(found.sampled).toBe(COUNT_BOUND + 1);
    const last = found.hits[19];
    const next = await search({ tier: last.tier, date: last.doc.decisionDate, id: last.doc.id }, filter, scoped);
    expect(next.hits.slice(0, 20).map((hit) => hit.doc.id)).toEqual(expected.slice(20, 40).map((doc) => doc.id));
    expect(next.sql.text).toMatch(/page_walk AS \(SELECT [^\n]*department_code = \$\d+::text AND \(decision_date, record_id\) < /);
    const plan = await planAsRun(reader, { text: found.sql.text, params: found.sql.params });
    expect(plan.filter((line) => /Index Only Scan using public_disclosures_department_newest_idx/.test(line)).length).toBe(1);
    // the walk found the page: the lookup of every match that would follow a walk that fell short never started
    expect(guardedLookupRan(plan, 21)).toBe(false);
    // the table read by primary key for the page's rows alone (and any whose signature holds the bits by chance),
    // to test their tokens and to read them whole
    const reads = plan.filter((line) => /Index Scan using public_disclosures_pkey/.test(line)).map((line) => Number(/loops=(\d+)/.exec(line)?.[1]));
    expect(reads).toHaveLength(2);
    expect(Math.max(...reads)).toBeLessThanOrEqual(21 + 5);
  });

  it('tests a row without a signature (written before the column) exactly, by its tokens', async () => {
    const before = await search();
    await db.query('UPDATE public_disclosures SET token_signature = NULL');
    try {
      const unsigned = await search();
      // every row now passes the signature: only the token test keeps the others out
      expect(unsigned.hits.map((hit) => hit.doc.id)).toEqual(before.hits.map((hit) => hit.doc.id));
      expect(unsigned.facets).toEqual(before.facets);
    } finally {
      await db.query('UPDATE public_disclosures SET tokens = tokens');
    }
  });
});

// Searches filtered by department, severity or county walk that filter's own newest-first index (walk scopes in
// buildSearchSql). On a corpus large enough for the statistics to choose that walk, every page, cursor, count and
// facet must be what the documents say: computed here from the documents themselves, newest first.
import { Database } from '@credit/db';
import { contractDoc } from '../search-index.contract';
import type { DisclosureDocument, DisclosureSearchFilter } from '../search-index.port';
import { loadTokenStats, PostgresSearchIndex } from './postgres-search.index';
import { buildSearchSql, FacetGroupRow, facetsFromGroups } from './postgres-search.sql';
import { HitRow, toHit } from './postgres-search.rows';
import { parseQuery, ParsedQuery } from '../search-text';
import { matchingDocuments } from './testing/matching-documents';
import { facetsOf, sampleRowsOf } from './testing/sample-rows';
import { openSearchDatabases, SearchDatabases } from './testing/search-databases';

const AS_OF = '2026-06-30';
const DEPARTMENTS = ['CZ-SCJGJ', 'CZ-SWJ', 'CZ-HBJ', 'CZ-WLJ'];
const COUNTIES = ['341102', '341103', '341122', '341125'];
const SEVERITIES = ['GENERAL', 'SERIOUS'];
// The count bound of these searches: on 5,560 documents a sample of 11 matches is found sooner by walking a filter's
// rows than by GIN (the statistics decide); for a sample of 51 the walk goes first too where it should be enough, and
// GIN looks the matches up only when it was not.
const COUNT_BOUND = 10;

describe('PostgreSQL search: walks scoped to a department, severity or county', () => {
  let databases: SearchDatabases;
  let db: Database;
  let reader: Database;
  let index: PostgresSearchIndex;
  const docs: DisclosureDocument[] = [];

  beforeAll(async () => {
    databases = await openSearchDatabases();
    ({ db, reader } = databases);
    // 4,000 documents; one in three sells counterfeits (假冒), spread over departments, counties and severities
    // so that each filter holds a quarter or a half of them. Dates repeat, so the record id breaks ties.
    for (let i = 0; i < 4000; i++) {
      const day = String(1 + (i % 28)).padStart(2, '0');
      const month = String(1 + (Math.floor(i / 28) % 5)).padStart(2, '0');
      docs.push(contractDoc({
        partyName: `滁州市第${i}号商行`,
        violationType: i % 3 === 0 ? '销售假冒注册商标的商品' : '未按规定公示年度报告',
        violationFacts: '当事人违反了有关规定。',
        decisionDate: `2026-${month}-${day}`,
        publishedFrom: `2026-${month}-${day}`,
        departmentCode: DEPARTMENTS[i % 4],
        departmentName: `部门${DEPARTMENTS[i % 4]}`,
        regionCode: COUNTIES[Math.floor(i / 4) % 4],
        severity: SEVERITIES[Math.floor(i / 16) % 2],
      }));
    }
    // 罐头 is frequent overall but in CZ-WLJ only three times, and older than the rest: a walk of CZ-WLJ's newest
    // rows falls short of it, and GIN finds them.
    for (let i = 0; i < 1500; i++) {
      const department = i < 3 ? 'CZ-WLJ' : DEPARTMENTS[i % 2];
      docs.push(contractDoc({
        partyName: `滁州市罐头厂${i}`, violationType: '生产不合格罐头', decisionDate: `2025-10-${String(1 + (i % 28)).padStart(2, '0')}`, publishedFrom: '2025-10-01',
        departmentCode: department, departmentName: `部门${department}`, regionCode: COUNTIES[i % 4], severity: SEVERITIES[i % 2],
      }));
    }
    // 滁州市华星酒店 is the whole name of one document (an exact match) and part of thirty others' names.
    const suffixes = ['', ...[...'东西南北中'].flatMap((a) => [...'一二三四五六'].map((b) => `${a}${b}店`))];
    suffixes.forEach((suffix, i) => docs.push(contractDoc({
      partyName: `滁州市华星酒店${suffix}`, violationType: '未按规定公示年度报告', decisionDate: `2026-03-${String(1 + (i % 28)).padStart(2, '0')}`, publishedFrom: '2026-03-01',
      departmentCode: 'CZ-SCJGJ', departmentName: '部门CZ-SCJGJ', regionCode: '341102', severity: 'GENERAL',
    })));
    // No longer published on AS_OF, and the newest of all: a walk that skipped the publication test would start with them.
    const expired = Array.from({ length: 60 }, (_, i) => contractDoc({
      violationType: '销售假冒注册商标的商品', decisionDate: '2026-06-20', publishedFrom: '2026-06-20', publishedUntil: '2026-06-25',
      departmentCode: 'CZ-HBJ', regionCode: COUNTIES[i % 4], severity: SEVERITIES[i % 2],
    }));
    await new PostgresSearchIndex(db).apply([...docs, ...expired].map((doc) => ({ op: 'upsert' as const, version: 1, doc })));
    await db.query('ANALYZE public_disclosures');
    index = new PostgresSearchIndex(db, reader);
  });
  afterAll(() => databases.close());

  const matching = (query: string | null, filter: DisclosureSearchFilter) => matchingDocuments(docs, query, filter);

  const cases: [string | null, DisclosureSearchFilter][] = [
    ['假冒', { departmentCode: 'CZ-SWJ' }],
    ['假冒', { regionCode: '341103' }],
    ['假冒', { regionCode: '341122', severity: 'SERIOUS' }],
    [null, { departmentCode: 'CZ-HBJ' }],
    [null, { regionCode: '341125' }],
    [null, { severity: 'GENERAL', departmentCode: 'CZ-WLJ' }],
    ['假冒', { departmentCode: 'CZ-HBJ', decisionDateFrom: '2026-02-01', decisionDateTo: '2026-04-15' }],
  ];

  it('chooses the scoped walk for these searches (the statistics make it the cheapest)', async () => {
    const stats = await loadTokenStats(reader);
    for (const [query, filter] of cases) {
      const { text } = buildSearchSql(
        { table: 'public_disclosures', query: query ? (parseQuery(query) as ParsedQuery) : null, filter, asOf: AS_OF, limit: 20, countBound: COUNT_BOUND, cursor: null },
        stats,
      );
      // The CTE's own text (CTEs are joined by a comma and a new line) holds the filter's column condition.
      const scopedIn = (cte: string) => {
        const start = text.indexOf(`${cte} AS (`);
        const end = text.indexOf(',\n    ', start);
        return start >= 0 && /\b(department_code|severity|region_code) = \$\d+::text/.test(text.slice(start, end < 0 ? undefined : end));
      };
      expect([query, filter, scopedIn('page_walk'), scopedIn('walked')]).toEqual([query, filter, true, true]);
    }
    // and PostgreSQL takes the filter's own index for it
    const { text, params } = buildSearchSql(
      { table: 'public_disclosures', query: parseQuery('假冒') as ParsedQuery, filter: { departmentCode: 'CZ-SWJ' }, asOf: AS_OF, limit: 20, countBound: COUNT_BOUND, cursor: null },
      stats,
    );
    // With the random_page_cost of a server on SSDs (the bench's), PostgreSQL takes the filter's own index; with
    // the default it may walk the newest-first index and test the department on each row, still without a sort.
    const walkPlan = async (settings: string) => {
      const lines = await reader.transaction(async (tx) => {
        await tx.query(settings);
        return (await tx.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${text}`, params)).map((row) => row['QUERY PLAN']);
      });
      const walked = lines.slice(lines.findIndex((line) => line.includes('CTE walked')));
      return walked.slice(0, walked.findIndex((line, i) => i > 0 && /^\s{0,2}\S/.test(line)) >>> 0).join('\n');
    };
    // (its signatures tested on the index alone: migration 20261207200000)
    expect(await walkPlan(`SET LOCAL random_page_cost = 1.1`)).toMatch(/Index Only Scan using public_disclosures_department_newest_idx/);
    const byDefault = await walkPlan(`SET LOCAL random_page_cost = 4`);
    expect(byDefault).toMatch(/Index (Only )?Scan using public_disclosures_(department_)?newest_idx/);
    expect(byDefault).not.toMatch(/Sort|Bitmap/);
  });

  it('reads a date range\'s share from the histogram, and a GIN sample that tests the range on its rows counts what the documents say', async () => {
    const stats = await loadTokenStats(reader);
    const filter = { decisionDateFrom: '2026-02-01', decisionDateTo: '2026-03-31' };
    // The share of the table's rows decided in those months (the 60 expired rows, decided in June, are not).
    const inRange = docs.filter((doc) => doc.decisionDate >= filter.decisionDateFrom && doc.decisionDate <= filter.decisionDateTo).length / (docs.length + 60);
    expect(stats.dateShare?.(filter.decisionDateFrom, filter.decisionDateTo)).toBeCloseTo(inRange, 1);
    // The statistics say 假冒 is rare here (so the sample goes to GIN) and the range wide: the sample tests the range
    // on the rows GIN returns. All matches fit in the sample, so its count and facets are exact.
    const rare = { ...stats, frequency: () => 0.01 };
    const request = { table: 'public_disclosures', query: parseQuery('假冒') as ParsedQuery, filter, asOf: AS_OF, limit: 20, countBound: 2000, cursor: null };
    const { text, params } = buildSearchSql(request, rare);
    expect(text).toMatch(/OFFSET 0\) m WHERE decision_date >= \$\d+::date AND decision_date <= \$\d+::date LIMIT 2001/);
    const [row] = await reader.query<{ hits: unknown[]; facets: FacetGroupRow[] }>(text, params);
    const expected = matching('假冒', filter);
    const { sampled, facets } = facetsFromGroups(row.facets);
    expect(sampled).toBe(expected.length);
    expect(facets).toEqual(facetsOf(sampleRowsOf(expected)));
  });

  it('shares one GIN lookup between the page and the sample: every page, the count and the facets are what the documents say', async () => {
    // The statistics say every key is rare here, so the page and the sample both go through GIN, in one lookup.
    const rare = { ...(await loadTokenStats(reader)), frequency: () => 0.0001 };
    const searches: [string, DisclosureSearchFilter][] = [['假冒', {}], ['假冒', { regionCode: '341103', decisionDateFrom: '2026-02-01' }], ['罐头', { departmentCode: 'CZ-WLJ' }]];
    for (const [query, filter] of searches) {
      const expected = matching(query, filter);
      const seen: string[] = [];
      let cursor: { tier: 0 | 1 | 2; date: string; id: string } | null = null;
      for (let pageNo = 0; pageNo < 3 && seen.length < expected.length; pageNo++) {
        const request = { table: 'public_disclosures', query: parseQuery(query) as ParsedQuery, filter, asOf: AS_OF, limit: 20, countBound: 2000, cursor };
        const { text, params } = buildSearchSql(request, rare);
        expect(text).toContain('matches AS MATERIALIZED');
        const [row] = await reader.query<{ hits: HitRow[]; facets: FacetGroupRow[] }>(text, params);
        const page = row.hits.slice(0, 20).map(toHit);
        // every match fits in the sample: the count and the facets are exact, on every page
        const { sampled, facets } = facetsFromGroups(row.facets);
        expect({ query, filter, pageNo, count: sampled }).toEqual({ query, filter, pageNo, count: expected.length });
        expect(facets).toEqual(facetsOf(sampleRowsOf(expected)));
        seen.push(...page.map((hit) => hit.doc.id));
        const last = page[page.length - 1];
        cursor = { tier: last.tier, date: last.doc.decisionDate, id: last.doc.id };
      }
      expect({ query, filter, ids: seen }).toEqual({ query, filter, ids: expected.slice(0, seen.length).map((doc) => doc.id) });
      expect(seen.length).toBe(Math.min(60, expected.length));
    }
  });

  it('shares one GIN lookup with an exact match first: the page moves from it to the other matches, and a bare count counts both', async () => {
    const rare = { ...(await loadTokenStats(reader)), frequency: () => 0.0001 };
    const query = '滁州市华星酒店';
    const exact = docs.filter((doc) => doc.partyName === query);
    const others = matching(query, {}).filter((doc) => doc.partyName !== query);
    expect([exact.length, others.length]).toEqual([1, 30]);
    const run = async (limit: number, cursor: { tier: 0 | 1 | 2; date: string; id: string } | null, facets = true) => {
      const request = { table: 'public_disclosures', query: parseQuery(query) as ParsedQuery, filter: {}, asOf: AS_OF, limit, countBound: 2000, cursor, count: true, facets };
      const { text, params } = buildSearchSql(request, rare);
      expect(text).toContain('matches AS MATERIALIZED');
      const [row] = await reader.query<{ hits: HitRow[]; sampled?: number; facets?: FacetGroupRow[] }>(text, params);
      return { hits: row.hits.slice(0, limit).map(toHit), hasNextPage: row.hits.length > limit, ...(row.facets ? facetsFromGroups(row.facets) : { sampled: row.sampled, facets: undefined }) };
    };
    // a page of one: the exact match, with more to come
    const first = await run(1, null);
    expect([first.hits.map((hit) => [hit.tier, hit.doc.id]), first.hasNextPage]).toEqual([[[2, exact[0].id]], true]);
    expect(first.sampled).toBe(31);
    // the facets count the exact match and the others, each once
    expect(first.facets).toEqual(facetsOf(sampleRowsOf([...exact, ...others])));
    // after it, the other matches newest first; the exact one is not repeated
    const cursorOf = (hit: { tier: 0 | 1 | 2; doc: DisclosureDocument }) => ({ tier: hit.tier, date: hit.doc.decisionDate, id: hit.doc.id });
    const second = await run(20, cursorOf(first.hits[0]));
    expect(second.hits.map((hit) => [hit.tier, hit.doc.id])).toEqual(others.slice(0, 20).map((doc) => [1, doc.id]));
    expect(second.hasNextPage).toBe(true);
    // the last page ends without a next one
    const last = await run(20, cursorOf(second.hits[19]));
    expect([last.hits.map((hit) => hit.doc.id), last.hasNextPage]).toEqual([others.slice(20).map((doc) => doc.id), false]);
    // the count alone (no facets) shares the lookup of the keys only, and counts the exact match once
    const bare = await run(20, null, false);
    expect([bare.sampled, bare.facets]).toEqual([31, undefined]);
  });

  it('falls back to GIN when the filter holds fewer matches than the walk looked for', async () => {
    const filter = { departmentCode: 'CZ-WLJ' };
    const page = await index.search({ query: '罐头', filter, first: 20, after: null, asOf: AS_OF, countBound: 50 });
    expect(page.hits.map((hit) => hit.doc.id)).toEqual(matching('罐头', filter).map((doc) => doc.id));
    expect([page.hits.length, page.totalCount, page.totalCountIsLowerBound, page.hasNextPage]).toEqual([3, 3, false, false]);
  });

  it('gives every page, the count and the facets of the newest matches, as the documents say', async () => {
    for (const [query, filter] of cases) {
      const expected = matching(query, filter);
      expect(expected.length).toBeGreaterThan(150);
      const seen: string[] = [];
      let after: string | null = null;
      for (let pageNo = 0; pageNo < 4; pageNo++) {
        const page = await index.search({ query, filter, first: 20, after, asOf: AS_OF, countBound: COUNT_BOUND });
        expect({ query, filter, pageNo, totalCount: page.totalCount, lowerBound: page.totalCountIsLowerBound }).toEqual({ query, filter, pageNo, totalCount: COUNT_BOUND, lowerBound: true });
        // The sample is the COUNT_BOUND + 1 newest matches: the facets count exactly those.
        const sample = sampleRowsOf(expected.slice(0, COUNT_BOUND + 1));
        expect(page.facets).toEqual(facetsOf(sample));
        seen.push(...page.hits.map((hit) => hit.doc.id));
        after = page.hits[page.hits.length - 1].cursor;
      }
      expect({ query, filter, ids: seen }).toEqual({ query, filter, ids: expected.slice(0, 80).map((doc) => doc.id) });
    }
  });
});

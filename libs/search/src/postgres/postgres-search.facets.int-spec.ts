// The facets are counted by the search statement itself (FACET_GROUPS): on a real table they must be what counting
// the matches one by one gives (facetsOf), at the edges too: more than 20 values, ties, a department code under two
// names, values missing, several categories or none on one document.
import type { DisclosureDocument } from '../search-index.port';
import { contractDoc } from '../search-index.contract';
import { PostgresSearchIndex } from './postgres-search.index';
import { matchingDocuments } from './testing/matching-documents';
import { facetsOf, sampleRowsOf } from './testing/sample-rows';
import { openSearchDatabases, SearchDatabases } from './testing/search-databases';

const AS_OF = '2026-06-30';
const CATEGORIES = ['FINE', 'WARNING', 'CONFISCATION', 'LICENSE_SUSPENDED'];

describe('PostgreSQL search: facets counted in the statement', () => {
  let databases: SearchDatabases;
  let index: PostgresSearchIndex;
  const docs: DisclosureDocument[] = [];

  beforeAll(async () => {
    databases = await openSearchDatabases();
    index = new PostgresSearchIndex(databases.db, databases.reader);
    for (let i = 0; i < 400; i++) {
      // 30 departments, 25 regions and 26 years, unevenly (so counts tie and more than 20 values compete).
      const department = `D${String(Math.floor(Math.sqrt(i * 2.2)) % 30).padStart(2, '0')}`;
      docs.push(contractDoc({
        violationType: i % 3 === 0 ? '销售过期罐头食品' : '未按规定公示年度报告',
        departmentCode: department,
        // D25 is filed under two names: the facet shows the smaller one, as the old count in JavaScript did.
        departmentName: department === 'D25' ? (i % 2 === 0 ? '部门乙' : '部门甲') : `部门${department}`,
        regionCode: i % 11 === 0 ? null : `3411${String(i % 25).padStart(2, '0')}`,
        decisionDate: `${2001 + (i % 26)}-0${1 + (i % 6)}-15`,
        publishedFrom: '2001-01-01',
        penaltyCategories: i % 7 === 0 ? [] : CATEGORIES.slice(i % 4, 1 + (i % 4) + (i % 3)),
      }));
    }
    await index.apply(docs.map((doc) => ({ op: 'upsert' as const, version: 1, doc })));
    await databases.db.query('ANALYZE public_disclosures');
  });
  afterAll(() => databases.close());

  it.each([
    ['a word', '罐头', {}],
    ['a word and a filter', '罐头', { regionCode: '341103' }],
    ['a word and a department', '罐头', { departmentCode: 'D25' }],
    ['a filter alone', null, { departmentCode: 'D25' }],
    ['everything', null, {}],
  ])('%s: every facet is what counting the matches gives', async (_, query, filter) => {
    const expected = matchingDocuments(docs, query, filter);
    expect(expected.length).toBeGreaterThan(0);
    const page = await index.search({ query, filter, first: 10, after: null, asOf: AS_OF, countBound: 1000 });
    expect(page.totalCount).toBe(expected.length);
    expect(page.facets).toEqual(facetsOf(sampleRowsOf(expected)));
  });

  it('keeps 20 buckets of a facet with more values, the most frequent, ties by value', async () => {
    const page = await index.search({ query: null, filter: {}, first: 10, after: null, asOf: AS_OF, countBound: 1000 });
    expect(new Set(docs.map((doc) => doc.departmentCode)).size).toBeGreaterThan(20);
    expect([page.facets.departments.length, page.facets.regions.length, page.facets.years.length]).toEqual([20, 20, 20]);
    // 乙 (U+4E59) before 甲 (U+7532)
    expect(page.facets.departments.find((bucket) => bucket.value === 'D25')?.label).toBe('部门乙');
  });

  it('counts nothing when nothing matches', async () => {
    const page = await index.search({ query: '不存在的词语', filter: {}, first: 10, after: null, asOf: AS_OF, countBound: 1000 });
    expect(page.facets).toEqual({ departments: [], regions: [], years: [], categories: [] });
  });
});

// The facets are counted by the search statement (postgres-search.facets.ts). They must be what the documents say,
// as counted in JavaScript by the oracle: ties by value in code-point order, at most 20 buckets, a department's
// smallest name, a document without a region or without categories counted where it has values.
import { Database } from '@credit/db';
import { createTestDatabase, TestDatabase } from '@credit/testing';
import { contractDoc } from '../search-index.contract';
import type { DisclosureDocument } from '../search-index.port';
import { PostgresSearchIndex, searchReaderUrl } from './postgres-search.index';
import { facetsOfDocuments } from './testing/facets.oracle';

const AS_OF = '2026-06-30';

describe('PostgreSQL search: facets counted in the statement', () => {
  let database: TestDatabase;
  let db: Database;
  let reader: Database;
  let index: PostgresSearchIndex;
  const docs: DisclosureDocument[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    db = new Database(database.url, 2);
    reader = new Database(searchReaderUrl(database.url), 2);
    // 26 departments, most with one or two documents: more than 20 buckets, with ties that only the value orders.
    // Upper and lower case codes: code-point order puts 'Z' before 'a', where a linguistic collation would not.
    const codes = Array.from({ length: 13 }, (_, i) => [`dep-${String.fromCharCode(97 + i)}`, `DEP-${String.fromCharCode(65 + i)}`]).flat();
    codes.forEach((code, i) => {
      for (let n = 0; n < 1 + (Math.floor(i / 2) % 2); n++) {
        docs.push(contractDoc({
          violationType: '销售过期食品',
          departmentCode: code,
          departmentName: `部门${code}`,
          decisionDate: `${2020 + (i % 6)}-0${1 + (n % 9)}-15`,
          publishedFrom: '2020-01-01',
          regionCode: i % 5 === 0 ? null : `34110${i % 4}`,
          penaltyCategories: i % 7 === 0 ? [] : i % 3 === 0 ? ['FINE', 'WARNING'] : ['CONFISCATION'],
        }));
      }
    });
    // One department code under two names: the smaller name is its label.
    docs.push(contractDoc({ violationType: '销售过期食品', departmentCode: 'dep-a', departmentName: '部门甲', decisionDate: '2024-03-01', publishedFrom: '2024-03-01' }));
    docs.push(contractDoc({ violationType: '销售过期食品', departmentCode: 'dep-a', departmentName: '部门乙', decisionDate: '2024-03-02', publishedFrom: '2024-03-02' }));
    // Found by its whole name (the exact band) and by its words at once: counted once.
    docs.push(contractDoc({ partyName: '滁州市独特商行', violationType: '销售过期食品', departmentCode: 'DEP-C', departmentName: '部门DEP-C', regionCode: '341103', penaltyCategories: ['FINE'] }));
    // Not a match of the word: counted only by a search without it.
    docs.push(contractDoc({ violationType: '未按规定公示年度报告', departmentCode: 'OTHER', departmentName: '其他部门', decisionDate: '2024-03-03', publishedFrom: '2024-03-03' }));
    await new PostgresSearchIndex(db).apply(docs.map((doc) => ({ op: 'upsert' as const, version: 1, doc })));
    await db.query('ANALYZE public_disclosures');
    index = new PostgresSearchIndex(db, reader);
  }, 120_000);

  afterAll(async () => {
    await reader?.close();
    await db?.close();
    await database?.drop();
  });

  it('counts every facet of all matches as the documents say, with or without a word', async () => {
    const matches = docs.filter((doc) => doc.violationType === '销售过期食品');
    for (const [query, expected] of [['过期', matches], [null, docs]] as const) {
      const page = await index.search({ query, filter: {}, first: 5, after: null, asOf: AS_OF, countBound: 1000 });
      expect({ query, totalCount: page.totalCount, lowerBound: page.totalCountIsLowerBound }).toEqual({ query, totalCount: expected.length, lowerBound: false });
      expect(page.facets).toEqual(facetsOfDocuments([...expected]));
    }
    const page = await index.search({ query: '过期', filter: {}, first: 5, after: null, asOf: AS_OF, countBound: 1000 });
    expect(page.facets.departments).toHaveLength(20);
    // Three names (部门dep-a, 部门甲, 部门乙): the smallest.
    expect(page.facets.departments[0]).toEqual({ value: 'dep-a', label: '部门dep-a', count: 3 });
    // Ties by code point: upper case first (DEP-A and dep-c both have one match; a linguistic collation puts dep-c first).
    const ones = page.facets.departments.filter((bucket) => bucket.count === 1).map((bucket) => bucket.value);
    expect(ones).toEqual([...ones].sort((a, b) => (a < b ? -1 : 1)));
    expect(ones[0]).toBe('DEP-A');
  });

  it('counts a filtered search, and an exact name found by its words too once', async () => {
    const byName = await index.search({ query: '滁州市独特商行', filter: {}, first: 5, after: null, asOf: AS_OF, countBound: 1000 });
    expect([byName.hits.length, byName.totalCount]).toEqual([1, 1]);
    expect(byName.facets).toEqual(facetsOfDocuments(docs.filter((doc) => doc.partyName === '滁州市独特商行')));
    const filtered = await index.search({ query: '过期', filter: { departmentCode: 'DEP-B' }, first: 5, after: null, asOf: AS_OF, countBound: 1000 });
    expect(filtered.facets).toEqual(facetsOfDocuments(docs.filter((doc) => doc.departmentCode === 'DEP-B')));
  });
});

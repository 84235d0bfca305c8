// Searches run as prepared statements with generic plans on the search readers (SEARCH_SESSION_OPTIONS): one
// statement per text, planned once per connection, today's date written into the text. The answers must be those
// of a statement planned afresh for its values, on every day: a new day is a new text, never yesterday's plan.
import { Database } from '@credit/db';
import { contractDoc } from '../search-index.contract';
import type { DisclosureSearchRequest } from '../search-index.port';
import { PostgresSearchIndex } from './postgres-search.index';
import { openSearchDatabases, SearchDatabases } from './testing/search-databases';

describe('PostgreSQL search: prepared statements with generic plans', () => {
  let databases: SearchDatabases;
  let db: Database;
  let reader: Database;

  const request = (query: string | null, asOf: string): DisclosureSearchRequest => ({ query, filter: {}, first: 5, after: null, asOf, countBound: 50 });
  const ids = (page: { hits: { doc: { id: string } }[]; totalCount: number }) => ({ ids: page.hits.map((hit) => hit.doc.id), total: page.totalCount });

  beforeAll(async () => {
    // One connection, so the statements it prepared can be read back from it.
    databases = await openSearchDatabases(1);
    ({ db, reader } = databases);
    const docs = Array.from({ length: 60 }, (_, i) =>
      contractDoc({
        violationType: i % 2 === 0 ? '销售假冒注册商标的商品' : '未按规定公示年度报告',
        decisionDate: `2026-0${1 + (i % 6)}-1${i % 10}`,
        publishedFrom: `2026-0${1 + (i % 6)}-1${i % 10}`,
        publishedUntil: i % 3 === 0 ? '2026-07-31' : '2027-12-31',
      }),
    );
    await new PostgresSearchIndex(db).apply(docs.map((doc) => ({ op: 'upsert' as const, version: 1, doc })));
  });
  afterAll(() => databases.close());

  it('answers as a freshly planned statement does, with a generic plan, and a new day gets a new statement', async () => {
    const prepared = new PostgresSearchIndex(db, reader);
    const planned = new PostgresSearchIndex(db); // the writers' pool: no forced plans, statements planned as they come
    for (const asOf of ['2026-07-15', '2026-08-15']) {
      for (const query of ['假冒', '年度报告', null]) {
        for (let i = 0; i < 3; i++) expect(ids(await prepared.search(request(query, asOf)))).toEqual(ids(await planned.search(request(query, asOf))));
      }
    }
    // Documents published until 2026-07-31 show on the first day only.
    expect((await prepared.search(request('假冒', '2026-08-15'))).totalCount).toBeLessThan((await prepared.search(request('假冒', '2026-07-15'))).totalCount);
    const statements = await reader.query<{ statement: string; generic_plans: string; custom_plans: string }>(
      `SELECT statement, generic_plans, custom_plans FROM pg_prepared_statements WHERE name LIKE 'search\\_%'`,
    );
    expect(statements.length).toBeGreaterThanOrEqual(2);
    for (const s of statements) expect({ generic: Number(s.generic_plans) > 0, custom: Number(s.custom_plans) }).toEqual({ generic: true, custom: 0 });
    expect(statements.some((s) => s.statement.includes(`'2026-07-15'::date`))).toBe(true);
    expect(statements.some((s) => s.statement.includes(`'2026-08-15'::date`))).toBe(true);
  });
});

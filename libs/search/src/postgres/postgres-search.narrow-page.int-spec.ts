// A page looked up in GIN for a query the statistics expect many matches of sorts the matches by their narrow key
// (decision_date, record_id) and reads only the page's rows whole (newestByKey in postgres-search.sql.ts). On a
// real table: the same page, in the same order, with the same cursor, as the sort of whole rows it replaces.
import { Database } from '@credit/db';
import { contractDoc } from '../search-index.contract';
import type { DisclosureDocument } from '../search-index.port';
import { parseQuery, ParsedQuery } from '../search-text';
import { loadTokenStats, PostgresSearchIndex } from './postgres-search.index';
import { buildSearchSql } from './postgres-search.sql';
import { HIT_FIELDS, Tier } from './postgres-search.rows';
import { openSearchDatabases, SearchDatabases } from './testing/search-databases';

const AS_OF = '2026-06-30';
const DATE = HIT_FIELDS.indexOf('decision_date');
const NARROW = 'WHERE record_id IN (SELECT record_id FROM (SELECT record_id, decision_date FROM public_disclosures';

describe('PostgreSQL search: a page of many GIN matches sorted by their narrow key', () => {
  let databases: SearchDatabases;
  let db: Database;
  let reader: Database;
  const docs: DisclosureDocument[] = [];

  beforeAll(async () => {
    databases = await openSearchDatabases();
    ({ db, reader } = databases);
    // 120 bakeries (烘焙), several on one day, one withdrawn (its tombstone) and one no longer published, both in the
    // newest month, which the two pages read cover; 40 others. The exact tier (whole name) matches one bakery by name.
    for (let i = 0; i < 160; i++) {
      const bakery = i < 120;
      docs.push(contractDoc({
        partyName: bakery ? `滁州市烘焙第${i}号店` : `滁州市第${i}号商行`,
        violationType: bakery ? '销售过期烘焙食品' : '未按规定公示年度报告',
        decisionDate: `2026-0${1 + (i % 5)}-${String(1 + (i % 7)).padStart(2, '0')}`,
        publishedUntil: i === 119 ? '2026-06-01' : '2029-12-31',
      }));
    }
    const index = new PostgresSearchIndex(db);
    await index.apply(docs.map((doc) => ({ op: 'upsert' as const, version: 1, doc })));
    await index.apply([{ op: 'delete', version: 2, id: docs[114].id }]);
    await db.query('ANALYZE public_disclosures');
  });
  afterAll(() => databases.close());

  /** The page alone (no count), with statistics that put 烘焙 at `share` of 1,000,000 rows, the rest at 90 %. */
  const page = async (query: string, share: number, cursor: { tier: Tier; date: string; id: string } | null = null) => {
    const real = await loadTokenStats(reader);
    const claimed = { ...real, rows: 1_000_000, frequency: () => share };
    const request = { table: 'public_disclosures', query: parseQuery(query) as ParsedQuery, filter: {}, asOf: AS_OF, limit: 20, countBound: 200, cursor, count: false, facets: false };
    const sql = buildSearchSql(request, claimed);
    const [row] = await reader.query<{ hits: unknown[][] }>(sql.text, sql.params);
    return { text: sql.text, hits: row.hits.map((hit) => ({ tier: hit[0] as Tier, id: String(hit[1]), date: String(hit[DATE]) })) };
  };

  it('answers as the sort of whole rows: the same page, newest first, and the same next page after its cursor', async () => {
    // 0.1 %: GIN rather than a walk; 1,000 expected matches with it, 100 without
    const narrow = await page('烘焙', 0.001);
    const whole = await page('烘焙', 0.0001);
    expect(narrow.text).toContain(NARROW);
    expect(whole.text).not.toContain(NARROW);
    expect(narrow.hits).toEqual(whole.hits);
    // newest first, 21 rows (the page and one more), neither the withdrawn nor the expired bakery
    const expected = docs
      .filter((doc, i) => i < 120 && i !== 114 && i !== 119)
      .sort((a, b) => b.decisionDate.localeCompare(a.decisionDate) || Number(b.id) - Number(a.id))
      .slice(0, 21)
      .map((doc) => ({ tier: 1, id: doc.id, date: doc.decisionDate }));
    expect(narrow.hits).toEqual(expected);
    const last = narrow.hits[19];
    const next = await page('烘焙', 0.001, last);
    expect(next.text).toContain(NARROW);
    expect(next.hits).toEqual((await page('烘焙', 0.0001, last)).hits);
    expect(next.hits[0]).toEqual(narrow.hits[20]);
  });

  it('keeps the exact tier first and out of the matches sorted by key', async () => {
    const name = docs[30].partyName as string;
    const narrow = await page(name, 0.001);
    expect(narrow.text).toContain(NARROW);
    expect(narrow.hits[0]).toEqual({ tier: 2, id: docs[30].id, date: docs[30].decisionDate });
    expect(narrow.hits.filter((hit) => hit.id === docs[30].id)).toHaveLength(1);
    expect(narrow.hits).toEqual((await page(name, 0.0001)).hits);
  });
});

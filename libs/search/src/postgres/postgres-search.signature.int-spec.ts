// Walks test a row's token signature before its token array (token-signature.ts). The signature must hold the bit
// of every token the row has, as PostgreSQL numbers the bits, or a walk would skip a match: checked here on the
// stored rows, and every walking search must answer as it does on rows without a signature (written before the
// column existed), and as the documents say.
import { Database } from '@credit/db';
import { createTestDatabase, TestDatabase } from '@credit/testing';
import { contractDoc } from '../search-index.contract';
import type { DisclosureDocument, DisclosureSearchFilter } from '../search-index.port';
import { parseQuery, ParsedQuery } from '../search-text';
import { loadTokenStats, PostgresSearchIndex, searchReaderUrl } from './postgres-search.index';
import { HitRow, toHit } from './postgres-search.rows';
import { buildSearchSql, facetsOf, SampleRow, TokenStats } from './postgres-search.sql';
import { sampleRowsOf } from './testing/sample-rows';

const AS_OF = '2026-06-30';
const DEPARTMENTS = ['CZ-SCJGJ', 'CZ-SWJ', 'CZ-HBJ'];

describe('PostgreSQL search: the token signature a walk tests first', () => {
  let database: TestDatabase;
  let db: Database;
  let reader: Database;
  const docs: DisclosureDocument[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    db = new Database(database.url, 2);
    reader = new Database(searchReaderUrl(database.url), 2);
    // One in four sells counterfeits (假冒), one in seven holds expired food (过期食品), many hold neither; names vary.
    const facts = ['当事人销售假冒注册商标的商品。', '当事人经营过期食品。', '当事人未按规定公示年度报告。', '当事人未取得许可擅自经营。'];
    for (let i = 0; i < 3000; i++) {
      docs.push(contractDoc({
        partyName: `滁州市${['华星', '鑫达', '永盛', '金源', '福源'][i % 5]}商行${i}`,
        violationType: facts[i % 4].slice(3, 9),
        violationFacts: i % 7 === 0 ? `${facts[i % 4]}另查明当事人经营过期食品。` : facts[i % 4],
        decisionDate: `2026-0${1 + (i % 5)}-${String(1 + (i % 28)).padStart(2, '0')}`,
        publishedFrom: '2026-01-01',
        departmentCode: DEPARTMENTS[i % 3],
        departmentName: `部门${DEPARTMENTS[i % 3]}`,
        regionCode: ['341102', '341103'][i % 2],
      }));
    }
    await new PostgresSearchIndex(db).apply(docs.map((doc) => ({ op: 'upsert' as const, version: 1, doc })));
    await db.query('ANALYZE public_disclosures');
  });
  afterAll(async () => {
    await reader.close();
    await db.close();
    await database.drop();
  });

  it('holds the bit of every token of its row, counted as PostgreSQL counts them (key mod 1024 from the left)', async () => {
    const [row] = await db.query<{ rows: number; keys: number; unset: number; set: number }>(
      `SELECT count(DISTINCT p.record_id)::int AS rows, count(*)::int AS keys,
              count(*) FILTER (WHERE get_bit(p.token_signature, (k % 1024)::int) = 0)::int AS unset,
              (SELECT avg(length(replace(token_signature::text, '0', '')))::int FROM public_disclosures) AS set
         FROM public_disclosures p CROSS JOIN LATERAL unnest(p.tokens) AS k`,
    );
    expect(row).toMatchObject({ rows: docs.length, unset: 0 });
    // and sets little else: no more bits than the row has keys
    expect(row.set).toBeLessThanOrEqual(row.keys / row.rows);
    expect(row.set).toBeGreaterThan(10);
  });

  it('leaves no match out of a walk: pages, counts and facets are those of rows without a signature, and what the documents say', async () => {
    const real = await loadTokenStats(reader);
    // Every key frequent: every page and sample walks the newest-first index (or a filter's own one).
    const frequent: TokenStats = { ...real, frequency: () => 0.5 };
    const searches: [string | null, DisclosureSearchFilter][] = [
      ['假冒', {}], ['过期食品', {}], ['华星 假冒', {}], ['假冒', { departmentCode: 'CZ-SWJ' }], ['过期', { regionCode: '341103' }], [null, { departmentCode: 'CZ-HBJ' }],
    ];
    const answer = async (query: string | null, filter: DisclosureSearchFilter, stats: TokenStats) => {
      const request = { table: 'public_disclosures', query: query ? (parseQuery(query) as ParsedQuery) : null, filter, asOf: AS_OF, limit: 20, countBound: 3000, cursor: null };
      const { text, params } = buildSearchSql(request, stats);
      const [row] = await reader.query<{ hits: HitRow[]; sample: SampleRow[] }>(text, params);
      return { walksWithSignature: /token_signature & \$\d+::bit\(1024\)/.test(text), ids: row.hits.slice(0, 20).map((hit) => toHit(hit).doc.id), count: row.sample.length, facets: facetsOf(row.sample) };
    };
    const withSignatures: unknown[] = [];
    for (const [query, filter] of searches) {
      for (const stats of [real, frequent]) {
        const found = await answer(query, filter, stats);
        withSignatures.push(found);
        if (stats === frequent && query !== null) expect({ query, filter, walks: found.walksWithSignature }).toEqual({ query, filter, walks: true });
        const expected = docs
          .filter((doc) => (query ?? '').split(' ').every((word) => `${doc.partyName}\n${doc.violationType}\n${doc.violationFacts}`.includes(word)))
          .filter((doc) => (!filter.departmentCode || doc.departmentCode === filter.departmentCode) && (!filter.regionCode || doc.regionCode === filter.regionCode))
          .sort((a, b) => (a.decisionDate === b.decisionDate ? Number(b.id) - Number(a.id) : a.decisionDate < b.decisionDate ? 1 : -1));
        // every match fits in the sample (countBound 3,000): the count and the facets are exact
        expect({ query, filter, ids: found.ids, count: found.count, facets: found.facets }).toEqual({
          query, filter, ids: expected.slice(0, 20).map((doc) => doc.id), count: expected.length, facets: facetsOf(sampleRowsOf(expected)),
        });
      }
    }
    // The same searches on rows written before the column existed (no signature): tested by the array alone.
    await db.query('UPDATE public_disclosures SET token_signature = NULL');
    const without: unknown[] = [];
    for (const [query, filter] of searches) for (const stats of [real, frequent]) without.push(await answer(query, filter, stats));
    expect(without).toEqual(withSignatures);
  });

  it('drops the signature with the tokens when a record is withdrawn', async () => {
    const [doc] = docs;
    await new PostgresSearchIndex(db).apply([{ op: 'upsert', version: 2, doc }]);
    const signature = async () => (await db.query<{ s: string | null }>('SELECT token_signature::text AS s FROM public_disclosures WHERE record_id = $1', [doc.id]))[0].s;
    expect(await signature()).toMatch(/^[01]{1024}$/);
    await new PostgresSearchIndex(db).apply([{ op: 'delete', version: 3, id: doc.id }]);
    expect(await signature()).toBeNull();
  });
});

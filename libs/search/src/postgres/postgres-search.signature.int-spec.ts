// Walks test a row's token signature before its token array (token-signature.ts). The signature must hold the bit
// of every token the row has, set the way the searched mask sets it, or a walk would skip a match: checked here on
// the stored rows (a trigger computes them), whoever wrote the tokens and after a rebuild; and every walking search
// must answer as it does on rows without a signature (written before the column existed), and as the documents say.
import { Database, SqlExecutor, TOKEN_SIGNATURE_SQL } from '@credit/db';
import { contractDoc } from '../search-index.contract';
import type { DisclosureDocument, DisclosureSearchFilter } from '../search-index.port';
import { parseQuery, ParsedQuery } from '../search-text';
import { loadTokenStats, PostgresSearchIndex } from './postgres-search.index';
import { HitRow, toHit } from './postgres-search.rows';
import { buildSearchSql, FacetGroupRow, facetsFromGroups, TokenStats } from './postgres-search.sql';
import { documentTokens, tokenKey } from './postgres-search.tokens';
import { tokenSignature } from './token-signature';
import { matchingDocuments } from './testing/matching-documents';
import { facetsOf, sampleRowsOf } from './testing/sample-rows';
import { openSearchDatabases, SearchDatabases } from './testing/search-databases';

const AS_OF = '2026-06-30';
/** A migration's statements in order, on `sql` (inside a transaction, as the migrator runs them: their table locks need one). */
async function runStatements(sql: SqlExecutor, statements: string[]): Promise<void> {
  for (const statement of statements) await sql.query(statement);
}
/** The same in a transaction of their own. */
const runMigration = (database: Database, statements: string[]) => database.transaction((sql) => runStatements(sql, statements));

/** Whether signature `s` lacks one of the three bits key `k` sets (token-signature.ts signatureBits), in SQL. */
const LACKS_A_BIT = (s: string, k: string) =>
  `(get_bit(${s}, (${k} % 1024)::int) = 0 OR get_bit(${s}, ((${k} / 1024) % 1024)::int) = 0 OR get_bit(${s}, ((${k} / 4294967296) % 1024)::int) = 0)`;
const DEPARTMENTS = ['CZ-SCJGJ', 'CZ-SWJ', 'CZ-HBJ'];

describe('PostgreSQL search: the token signature a walk tests first', () => {
  let databases: SearchDatabases;
  let db: Database;
  let reader: Database;
  const docs: DisclosureDocument[] = [];

  beforeAll(async () => {
    databases = await openSearchDatabases();
    ({ db, reader } = databases);
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
  afterAll(() => databases.close());

  it('holds the bits of every token of its row, counted as PostgreSQL counts them (from the left)', async () => {
    const [row] = await db.query<{ rows: number; keys: number; unset: number; set: number }>(
      `SELECT count(DISTINCT p.record_id)::int AS rows, count(*)::int AS keys,
              count(*) FILTER (WHERE ${LACKS_A_BIT('p.token_signature', 'k')})::int AS unset,
              (SELECT avg(length(replace(token_signature::text, '0', '')))::int FROM public_disclosures) AS set
         FROM public_disclosures p CROSS JOIN LATERAL unnest(p.tokens) AS k`,
    );
    expect(row).toMatchObject({ rows: docs.length, unset: 0 });
    // and sets little else: no more bits than three a key of the row
    expect(row.set).toBeLessThanOrEqual((3 * row.keys) / row.rows);
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
      const [row] = await reader.query<{ hits: HitRow[]; facets: FacetGroupRow[] }>(text, params);
      const { sampled, facets } = facetsFromGroups(row.facets);
      return { walksWithSignature: /token_signature & \$\d+::bit\(1024\)/.test(text), ids: row.hits.slice(0, 20).map((hit) => toHit(hit).doc.id), count: sampled, facets };
    };
    const withSignatures: unknown[] = [];
    for (const [query, filter] of searches) {
      for (const stats of [real, frequent]) {
        const found = await answer(query, filter, stats);
        withSignatures.push(found);
        if (stats === frequent && query !== null) expect({ query, filter, walks: found.walksWithSignature }).toEqual({ query, filter, walks: true });
        const expected = matchingDocuments(docs, query, filter);
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
    // Signed again (the trigger runs on every write of tokens), for the tests below.
    await db.query('UPDATE public_disclosures SET tokens = tokens');
  });

  it('is the same bit string whether Node writes it (the searched mask) or PostgreSQL (the rows)', async () => {
    const keySets = [[], [0], [1023, 1024, 2 ** 53 - 1], [3 * 2 ** 32 + 7 * 1024 + 5], docs.slice(0, 5).flatMap((doc) => documentTokens(doc).map(tokenKey))];
    for (const keys of keySets) {
      const [row] = await db.query<{ database: string; node: string }>(
        'SELECT public_disclosure_token_signature($1::bigint[])::text AS database, $2::bit(1024)::text AS node',
        [keys, tokenSignature(keys)],
      );
      expect(row.node).toMatch(/^[01]{1024}$/);
      expect(row.database).toBe(row.node);
    }
  });

  it('is computed from the tokens by the database, whoever writes them: a writer that knows only the tokens cannot leave it stale', async () => {
    const [doc] = docs;
    // What the previous release's upsert does: new tokens, the signature not mentioned. 麒麟瓷砖 is in no document.
    const renamed = { ...doc, partyName: '滁州市麒麟瓷砖商行' };
    // The row is signed, and its signature lacks a key of 麒麟瓷砖: left as it was, the walk below would skip the row.
    const searched = (parseQuery('麒麟瓷砖') as ParsedQuery).tokens.map(tokenKey);
    const [before] = await db.query<{ covers: boolean | null }>(
      'SELECT (token_signature & $2::bit(1024)) = $2::bit(1024) AS covers FROM public_disclosures WHERE record_id = $1',
      [doc.id, tokenSignature(searched)],
    );
    expect(before.covers).toBe(false);
    await db.query('UPDATE public_disclosures SET party_name = $2, tokens = $3::bigint[] WHERE record_id = $1', [doc.id, renamed.partyName, documentTokens(renamed).map(tokenKey)]);
    const frequent: TokenStats = { ...(await loadTokenStats(reader)), frequency: () => 0.5 };
    const request = { table: 'public_disclosures', query: parseQuery('麒麟瓷砖') as ParsedQuery, filter: {}, asOf: AS_OF, limit: 20, countBound: 3000, cursor: null };
    const { text, params } = buildSearchSql(request, frequent);
    expect(text).toMatch(/token_signature & /);
    const [row] = await reader.query<{ hits: HitRow[] }>(text, params);
    expect(row.hits.map((hit) => toHit(hit).doc.id)).toEqual([doc.id]);
  });

  it('holds no key of a withdrawn record, and a rebuilt index signs every row (its table gets the trigger)', async () => {
    const [, doc] = docs;
    await new PostgresSearchIndex(db).apply([{ op: 'delete', version: 3, id: doc.id }]);
    const [withdrawn] = await db.query<{ s: string }>('SELECT token_signature::text AS s FROM public_disclosures WHERE record_id = $1', [doc.id]);
    expect(withdrawn.s).toBe('0'.repeat(1024));

    const build = await new PostgresSearchIndex(db).beginBuild();
    await build.apply(docs.slice(2, 500).map((d) => ({ op: 'upsert' as const, version: 5, doc: d })));
    await build.commit();
    const [rebuilt] = await db.query<{ rows: number; unsigned: number; unset: number; triggers: number }>(
      `SELECT (SELECT count(*)::int FROM public_disclosures) AS rows,
              (SELECT count(*)::int FROM public_disclosures WHERE token_signature IS NULL) AS unsigned,
              (SELECT count(*)::int FROM public_disclosures p CROSS JOIN LATERAL unnest(p.tokens) k WHERE ${LACKS_A_BIT('p.token_signature', 'k')}) AS unset,
              (SELECT count(*)::int FROM pg_trigger WHERE tgrelid = 'public_disclosures'::regclass AND NOT tgisinternal) AS triggers`,
    );
    expect(rebuilt).toEqual({ rows: 498, unsigned: 0, unset: 0, triggers: 1 });
    // and a write after the swap is signed too
    await new PostgresSearchIndex(db).apply([{ op: 'upsert', version: 6, doc: docs[2] }]);
    const [after] = await db.query<{ s: string | null }>('SELECT token_signature::text AS s FROM public_disclosures WHERE record_id = $1', [docs[2].id]);
    expect(after.s).toMatch(/1/);
  });

  it('is set again on every row, of the live table and of a build beside it, when the migration to three bits a key runs (and back)', async () => {
    const lacking = async (table: string) => {
      const [row] = await db.query<{ rows: number; lacking: number }>(
        `SELECT count(*)::int AS rows,
                count(*) FILTER (WHERE token_signature IS NULL OR EXISTS (SELECT 1 FROM unnest(tokens) k WHERE ${LACKS_A_BIT('token_signature', 'k')}))::int AS lacking
           FROM ${table}`,
      );
      return row;
    };
    // A search:reindex half-way through when the migration runs: its rows so far were signed by the function it replaces.
    const build = await new PostgresSearchIndex(db).beginBuild();
    try {
      await build.apply(docs.slice(600, 700).map((doc) => ({ op: 'upsert' as const, version: 7, doc })));
      await runMigration(db, TOKEN_SIGNATURE_SQL.oneBit);
      // Signed with one bit a key, every row lacks some of the three; some were written before the column.
      await db.query('UPDATE public_disclosures SET token_signature = NULL WHERE record_id IN (SELECT record_id FROM public_disclosures ORDER BY record_id LIMIT 10)');
      const live = await lacking('public_disclosures');
      expect(live.rows).toBeGreaterThan(10);
      expect(live.lacking).toBe(live.rows);
      expect(await lacking('public_disclosures_build')).toEqual({ rows: 100, lacking: 100 });
      await runMigration(db, TOKEN_SIGNATURE_SQL.threeBits);
      expect(await lacking('public_disclosures')).toEqual({ rows: live.rows, lacking: 0 });
      expect(await lacking('public_disclosures_build')).toEqual({ rows: 100, lacking: 0 });
    } finally {
      await build.abort();
    }
    // Without a build beside it, the live table alone.
    await runMigration(db, TOKEN_SIGNATURE_SQL.oneBit);
    await runMigration(db, TOKEN_SIGNATURE_SQL.threeBits);
    expect((await lacking('public_disclosures')).lacking).toBe(0);
  });

  it('makes a document written while the migration runs wait for it, and signs it with the new function', async () => {
    await runMigration(db, TOKEN_SIGNATURE_SQL.oneBit);
    const doc = docs[1500];
    let written = false;
    let write: Promise<void> = Promise.resolve();
    await db.transaction(async (sql) => {
      await runStatements(sql, TOKEN_SIGNATURE_SQL.threeBits);
      // An outbox worker of the previous release indexing a document meanwhile: without the table lock it would be
      // signed by the function the migration replaces, after the re-signing UPDATE's snapshot, and stay so.
      write = new PostgresSearchIndex(db).apply([{ op: 'upsert', version: 9, doc }]).then(() => {
        written = true;
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(written).toBe(false);
    });
    await write;
    const [row] = await db.query<{ lacking: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM unnest(tokens) k WHERE ${LACKS_A_BIT('token_signature', 'k')}) AS lacking FROM public_disclosures WHERE record_id = $1`,
      [doc.id],
    );
    expect(row).toEqual({ lacking: false });
  });
});

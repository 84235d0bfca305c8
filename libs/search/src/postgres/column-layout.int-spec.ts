// A rebuild lays the table's columns out in WALKED_COLUMNS_FIRST's order, and changes nothing else about them:
// types, defaults, generation expressions, NOT NULL, storage, compression, collations, statistics targets, CHECK
// constraints, and columns no list names (ones a later migration adds).
import { Database } from '@credit/db';
import { contractDoc } from '../search-index.contract';
import { createWithLayout, layoutOrder, WALKED_COLUMNS_FIRST } from './column-layout';
import { PostgresSearchIndex } from './postgres-search.index';
import { openSearchDatabases, SearchDatabases } from './testing/search-databases';

interface Column {
  name: string;
  type: string;
  not_null: boolean;
  default: string | null;
  generated: string;
  storage: string;
  compression: string;
  collation: string | null;
  statistics: number;
}

async function columnsOf(db: Database): Promise<Column[]> {
  return db.query<Column>(
    `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null,
            pg_get_expr(d.adbin, d.adrelid) AS default, a.attgenerated::text AS generated, a.attstorage::text AS storage,
            a.attcompression::text AS compression, a.attcollation::regcollation::text AS collation,
            coalesce(a.attstattarget, -1)::int AS statistics
       FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE a.attrelid = 'public_disclosures'::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`,
  );
}

describe('PostgreSQL search: the column layout a rebuild writes', () => {
  let databases: SearchDatabases;
  let db: Database;

  beforeAll(async () => {
    databases = await openSearchDatabases();
    ({ db } = databases);
  });
  afterAll(() => databases.close());

  it('puts the walked columns first and keeps every column as the migrations define it', async () => {
    // Columns and a constraint of a later migration, which no list here knows.
    await db.query(`ALTER TABLE public_disclosures ADD COLUMN party_name_upper text GENERATED ALWAYS AS (upper(party_name)) STORED`);
    await db.query(`ALTER TABLE public_disclosures ADD COLUMN review_note varchar(40) COMPRESSION pglz COLLATE "C" NOT NULL DEFAULT 'none'`);
    await db.query(`ALTER TABLE public_disclosures ADD CONSTRAINT public_disclosures_version_check CHECK (version >= 0)`);
    const before = await columnsOf(db);
    // As the migrations leave it, the token signature comes last but for the new column.
    expect(before.map((c) => c.name).indexOf('token_signature')).toBeGreaterThan(20);
    const docs = [1, 2, 3].map((i) => contractDoc({ partyName: `滁州市华星商行${i}`, decisionDate: `2026-0${i}-10`, publishedFrom: '2026-01-01' }));
    const index = new PostgresSearchIndex(db);
    const build = await index.beginBuild();
    await build.apply(docs.map((doc) => ({ op: 'upsert' as const, version: 1, doc })));
    await build.commit();

    const after = await columnsOf(db);
    expect(after.map((c) => c.name)).toEqual(layoutOrder(before.map((c) => c.name)));
    expect(after.slice(0, WALKED_COLUMNS_FIRST.length).map((c) => c.name)).toEqual([...WALKED_COLUMNS_FIRST]);
    expect(after.at(-1)?.name).toBe('review_note');
    const byName = (columns: Column[]) => Object.fromEntries(columns.map((c) => [c.name, c]));
    expect(byName(after)).toEqual(byName(before));
    expect(byName(after).token_signature.storage).toBe('p');
    expect(byName(after).tokens.statistics).toBe(1000);
    expect(byName(after).review_note).toMatchObject({ collation: '"C"', compression: 'p', default: "'none'::character varying" });
    expect(byName(after).party_name_upper).toMatchObject({ generated: 's', default: 'upper((party_name)::text)' });
    await expect(db.query(`UPDATE public_disclosures SET version = -1 WHERE record_id = $1`, [docs[0].id])).rejects.toMatchObject({ code: '23514' });

    // The rebuilt table answers and takes writes as before (the token signature's trigger came along).
    const page = await index.search({ query: '华星', filter: {}, asOf: '2026-06-30', first: 10, after: null, countBound: 200 });
    expect(page.hits.map((h) => h.doc.id).sort()).toEqual(docs.map((d) => d.id).sort());
    await index.apply([{ op: 'upsert', version: 2, doc: { ...docs[0], partyName: '滁州市金源商行' } }]);
    const [row] = await db.query<{ signed: boolean; note: string; upper: string }>(
      `SELECT token_signature IS NOT NULL AS signed, review_note AS note, party_name_upper AS upper FROM public_disclosures WHERE record_id = $1`,
      [docs[0].id],
    );
    expect(row).toEqual({ signed: true, note: 'none', upper: '滁州市金源商行' });
  });

  it('refuses an identity column, whose sequence a copy of its definition would not have, naming it', async () => {
    await db.query(`CREATE TABLE layout_scratch (id bigint GENERATED ALWAYS AS IDENTITY, note text)`);
    await expect(createWithLayout(db, 'layout_scratch', 'layout_scratch_build')).rejects.toThrow('layout_scratch.id is an identity column');
    expect((await db.query(`SELECT to_regclass('layout_scratch_build') AS t`))[0].t).toBeNull();
  });
});

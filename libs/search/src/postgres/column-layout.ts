// The order of public_disclosures' columns, which decides what a row costs a walk. A walk (newest-first, scoped; a
// block sample did too) reads every row it passes and tests the publication dates and the token signature; PostgreSQL
// finds a column by stepping over every column before it, and remembers an offset only up to the first column of
// variable width (or the row's first null). The migrations added columns over time: token_signature came 28th,
// behind 19 columns of variable width (texts, arrays, numerics), so a walked row stepped over all of them. Measured
// on the search bench's 1M rows (the same rows copied in this order beside the live table, alternately, warm):
// 食品's sample, 908 rows walked for 201 matches, 1.01–1.27 → 0.81–0.96 ms; a walk of ~9,000 rows for 2,001
// matches, 14.6–16.0 → 9.4–10.8 ms.
import type { Database } from '@credit/db';

/**
 * First the fixed-width columns every walk tests or sorts by (their offsets are known), then the signature and
 * the tokens the walk tests next, then what the sample reads for the facets. Every other column follows in the
 * live table's order, so a column a later migration adds is kept without being listed here.
 */
export const WALKED_COLUMNS_FIRST = [
  'record_id', 'version', 'decision_date', 'published_from', 'published_until', 'withdrawn',
  'token_signature', 'tokens',
  'department_code', 'region_code', 'severity', 'department_name', 'penalty_categories',
] as const;

interface ColumnDefinition {
  name: string;
  /** The name as SQL writes it (quote_ident). */
  ident: string;
  type: string;
  notNull: boolean;
  default: string | null;
  /** Set only where it differs from the type's own (token_signature is stored plain, see its migration). */
  storage: string | null;
  /** Schema-qualified where the search path would not find it; null: the type's own. */
  collation: string | null;
  /** pglz or lz4; null: the server's default_toast_compression. */
  compression: string | null;
  /** The planner's per-column statistics target where one is set (the tokens' 1000, see its migration); else null. */
  statistics: number | null;
  /** 's' stored, 'v' virtual (PostgreSQL 18): `default` is then the generation expression. */
  generated: '' | 's' | 'v';
  identity: '' | 'a' | 'd';
}

const STORAGE: Record<string, string> = { p: 'PLAIN', e: 'EXTERNAL', m: 'MAIN', x: 'EXTENDED' };

/**
 * Creates `table` with `live`'s columns as `live` defines them (type, default or generation expression, NOT NULL,
 * storage, compression, collation, statistics target, CHECK constraints), in layoutOrder.
 */
export async function createWithLayout(db: Database, live: string, table: string): Promise<void> {
  const columns = await db.query<ColumnDefinition>(
    `SELECT a.attname AS name, quote_ident(a.attname) AS ident, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS "notNull",
            pg_get_expr(d.adbin, d.adrelid) AS default,
            CASE WHEN a.attstorage <> t.typstorage THEN a.attstorage::text END AS storage,
            CASE WHEN a.attcollation <> t.typcollation THEN a.attcollation::regcollation::text END AS collation,
            CASE a.attcompression WHEN 'p' THEN 'pglz' WHEN 'l' THEN 'lz4' END AS compression,
            CASE WHEN a.attstattarget > 0 THEN a.attstattarget::int END AS statistics,
            a.attgenerated::text AS generated, a.attidentity::text AS identity
       FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
       LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE a.attrelid = to_regclass($1) AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY a.attnum`,
    [live],
  );
  if (columns.length === 0) throw new Error(`no columns found for ${live}`);
  const byName = new Map(columns.map((column) => [column.name, column]));
  const definitions = layoutOrder([...byName.keys()]).map((name) => {
    const column = byName.get(name) as ColumnDefinition;
    // An identity column draws from its own sequence, which a copy of its definition would not have; the index is
    // written by the outbox with the records' ids, so no migration should add one here.
    if (column.identity !== '') throw new Error(`${live}.${column.name} is an identity column, which a rebuild cannot copy`);
    const value = column.default === null ? '' : column.generated === '' ? `DEFAULT ${column.default}` : `GENERATED ALWAYS AS (${column.default}) ${column.generated === 's' ? 'STORED' : 'VIRTUAL'}`;
    return [
      column.ident, column.type, column.compression ? `COMPRESSION ${column.compression}` : '', column.collation ? `COLLATE ${column.collation}` : '',
      value, column.notNull ? 'NOT NULL' : '',
    ].filter(Boolean).join(' ');
  });
  await db.query(`CREATE TABLE ${table} (${definitions.join(', ')})`);
  // Settings a column definition cannot carry, in one statement.
  const settings = columns.flatMap((c) => [
    ...(c.storage !== null ? [`ALTER COLUMN ${c.ident} SET STORAGE ${STORAGE[c.storage]}`] : []),
    ...(c.statistics !== null ? [`ALTER COLUMN ${c.ident} SET STATISTICS ${Number(c.statistics)}`] : []),
  ]);
  if (settings.length > 0) await db.query(`ALTER TABLE ${table} ${settings.join(', ')}`);
  // CHECK constraints, as LIKE … INCLUDING CONSTRAINTS would copy them (none today; the primary key comes after).
  const checks = await db.query<{ name: string; definition: string }>(
    `SELECT quote_ident(conname) AS name, pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE conrelid = to_regclass($1) AND contype = 'c' ORDER BY conname`,
    [live],
  );
  for (const check of checks) await db.query(`ALTER TABLE ${table} ADD CONSTRAINT ${check.name} ${check.definition}`);
}

/** The given column names, those of WALKED_COLUMNS_FIRST first in its order, the others after in theirs. */
export function layoutOrder(names: readonly string[]): string[] {
  const first = WALKED_COLUMNS_FIRST.filter((name) => names.includes(name));
  return [...first, ...names.filter((name) => !(first as readonly string[]).includes(name))];
}

// SQL of the PostgreSQL search index: version-guarded writes and the tiered search query. Kept as explicit,
// set-based SQL (one statement per batch, one round trip per search) because it is the public hot path.
import type { DisclosureDocument, DisclosureSearchFilter } from '../search-index.port';
import { normalizeText, ParsedQuery, regionPrefix, regionPrefixes, tokenize } from '../search-text';

/** [document key, column, SQL type] — the order shared by every write and read. */
const CONTENT: [keyof DisclosureDocument, string, string][] = [
  ['partyType', 'party_type', 'text'],
  ['partyName', 'party_name', 'text'],
  ['uscc', 'uscc', 'text'],
  ['legalRepresentative', 'legal_representative', 'text'],
  ['decisionNumber', 'decision_number', 'text'],
  ['violationType', 'violation_type', 'text'],
  ['violationFacts', 'violation_facts', 'text'],
  ['legalBasis', 'legal_basis', 'text'],
  ['penaltyCategories', 'penalty_categories', 'text[]'],
  ['penaltyContent', 'penalty_content', 'text'],
  ['fineAmount', 'fine_amount', 'numeric'],
  ['confiscatedAmount', 'confiscated_amount', 'numeric'],
  ['decisionDate', 'decision_date', 'date'],
  ['publishedFrom', 'published_from', 'date'],
  ['publishedUntil', 'published_until', 'date'],
  ['authorityName', 'authority_name', 'text'],
  ['departmentCode', 'department_code', 'text'],
  ['departmentName', 'department_name', 'text'],
  ['regionCode', 'region_code', 'text'],
  ['severity', 'severity', 'text'],
];

const CONTENT_COLUMNS = CONTENT.map(([, column]) => column);

/** Columns read back into a DisclosureDocument (amounts as text: numeric must stay exact). */
export const READ_COLUMNS = [
  'record_id::text AS id',
  'version::text AS version',
  ...CONTENT.map(([, column, type]) => (type === 'numeric' ? `${column}::text AS ${column}` : column)),
].join(', ');

export function upsertSql(table: string): string {
  const recordset = ['record_id bigint', 'version bigint', ...CONTENT.map(([, column, type]) => `${column} ${type}`), 'tokens bigint[]'].join(', ');
  const set = [...CONTENT_COLUMNS, 'tokens'].map((column) => `${column} = EXCLUDED.${column}`).join(', ');
  return `INSERT INTO ${table} AS p (record_id, version, withdrawn, ${CONTENT_COLUMNS.join(', ')}, tokens, indexed_at)
          SELECT d.record_id, d.version, false, ${CONTENT_COLUMNS.map((c) => `d.${c}`).join(', ')}, d.tokens, now()
            FROM jsonb_to_recordset($1::jsonb) AS d(${recordset})
           ORDER BY d.record_id
          ON CONFLICT (record_id) DO UPDATE SET version = EXCLUDED.version, withdrawn = false, ${set}, indexed_at = now()
           WHERE p.version < EXCLUDED.version`;
}

/** A delete writes a tombstone that keeps the version and drops the content. */
export function tombstoneSql(table: string): string {
  const clear = CONTENT_COLUMNS.map((column) => `${column} = NULL`).join(', ');
  return `INSERT INTO ${table} AS p (record_id, version, withdrawn, tokens, indexed_at)
          SELECT t.id, t.version, true, '{}', now() FROM unnest($1::bigint[], $2::bigint[]) AS t(id, version) ORDER BY t.id
          ON CONFLICT (record_id) DO UPDATE SET version = EXCLUDED.version, withdrawn = true, ${clear}, tokens = '{}', indexed_at = now()
           WHERE p.version < EXCLUDED.version`;
}

/** One JSON row for jsonb_to_recordset. */
export function toWriteRow(doc: DisclosureDocument, version: number): Record<string, unknown> {
  const row: Record<string, unknown> = { record_id: doc.id, version, tokens: documentTokens(doc).map(tokenKey) };
  for (const [key, column] of CONTENT) row[column] = doc[key];
  return row;
}

const collapse = (text: string): string => normalizeText(text).trim().replace(/\s+/g, ' ');

/** Everything a document can be found by: text bigrams, exact keys, filter keys. */
export function documentTokens(doc: DisclosureDocument): string[] {
  const keys = new Set<string>(tokenize(`${doc.partyName}\n${doc.violationType}\n${doc.violationFacts}`));
  keys.add(`x:${collapse(doc.partyName)}`);
  keys.add(`d:${collapse(doc.decisionNumber)}`);
  if (doc.uscc) keys.add(`u:${doc.uscc.toUpperCase()}`);
  for (const prefix of regionPrefixes(doc.regionCode)) keys.add(`r:${prefix}`);
  keys.add(`g:${doc.departmentCode}`);
  for (const category of doc.penaltyCategories) keys.add(`c:${category}`);
  keys.add(`s:${doc.severity}`);
  return [...keys];
}

/** Filter keys that the GIN index answers (date range is a column condition). */
export function filterKeys(filter: DisclosureSearchFilter): string[] {
  const keys: string[] = [];
  if (filter.regionCode) {
    const prefix = regionPrefix(filter.regionCode);
    if (prefix) keys.push(`r:${prefix}`);
  }
  if (filter.departmentCode) keys.push(`g:${filter.departmentCode}`);
  if (filter.penaltyCategory) keys.push(`c:${filter.penaltyCategory}`);
  if (filter.severity) keys.push(`s:${filter.severity}`);
  if (filter.uscc) keys.push(`u:${filter.uscc.trim().toUpperCase()}`);
  return keys;
}

export function exactKeys(query: ParsedQuery): string[] {
  return [`x:${query.exact}`, `d:${query.exact}`, `u:${query.exact.toUpperCase()}`];
}

/** Relevance tiers: 2 exact name / USCC / decision number, 1 every term found elsewhere; 0 without a query. */
export type Tier = 0 | 1 | 2;

export interface SearchSql {
  text: string;
  params: unknown[];
}

export interface BuildSearchInput {
  table: string;
  query: ParsedQuery | null;
  filter: DisclosureSearchFilter;
  asOf: string;
  limit: number;
  countBound: number;
  cursor: { tier: Tier; date: string; id: string } | null;
}

const FACET_LIMIT = 20;

/**
 * Tokens are stored as 53-bit hashes (bigint[]), not text: a row's ~100 keys take 8 bytes each and stay
 * uncompressed in the row, so testing `tokens @> …` on a row costs no decompression (text keys were ~1 KB
 * compressed per row, ~7 µs per row to test). 53 bits keep collisions out of reach for millions of keys and
 * the values exact in JavaScript numbers.
 */
export function tokenKey(token: string): number {
  let h1 = 0x811c9dc5;
  let h2 = 0x9747b28c;
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  h1 ^= h1 >>> 13;
  h1 = Math.imul(h1, 0x85ebca6b);
  h1 ^= h1 >>> 16;
  return (h1 & 0x1fffff) * 4294967296 + (h2 >>> 0);
}

/** Share of documents holding a key, from the column's most-common-elements statistics, and the row count. */
export interface TokenStats {
  rows: number;
  frequency(key: number): number;
}

/** No statistics yet (an empty or never analysed table): every key counts as rare. */
export const NO_TOKEN_STATS: TokenStats = { rows: 0, frequency: () => 0 };

/** The page walks the newest-first index when at least this share of rows match (≤ ~10,000 rows read for 21). */
export const PAGE_WALK_MIN_SHARE = 0.002;
/**
 * Reading a row while walking costs about ten times adding one match to a GIN bitmap (3.5 µs against 0.36 µs
 * here), so a sample of n matches walks (n / share rows) when that is cheaper than the bitmap (share × rows
 * entries): from share = √(10 n / rows), 4.5% for 200 matches among 1,000,000 rows.
 */
export function sampleWalkMinShare(sample: number, rows: number): number {
  return Math.min(1, Math.sqrt((10 * sample) / Math.max(rows, 1)));
}
/** The GIN lookup uses only the rarest keys; the others are checked on the few rows it returns. */
export const GIN_LOOKUP_KEYS = 3;

/**
 * Walking the newest-first index and testing each row is the fastest way to the newest matches of a frequent
 * word and the slowest possible for a rare one (it reads the whole index when nothing matches); the GIN bitmap
 * is the reverse. The planner guesses badly for keys outside its statistics, so the choice is made here, from
 * the statistics, assuming independent keys: frequent → ORDER BY … LIMIT; rare → the matches first (OFFSET 0
 * keeps the planner from turning them into a walk), then sort.
 */
function estimatedShare(keys: number[], stats: TokenStats): number {
  return keys.reduce((share, key) => share * stats.frequency(key), 1);
}

/**
 * `tokens @> rarest` (GIN) and, when there are more keys, `arraycontains(tokens, all)`: the function form of the
 * operator is not indexable, so the frequent keys (公司, 有限 …) do not make GIN intersect huge posting lists.
 */
function containsAll(all: string, keys: number[], stats: TokenStats, p: (value: unknown, cast: string) => string): string {
  if (keys.length <= GIN_LOOKUP_KEYS) return `tokens @> ${all}`;
  const rarest = [...keys].sort((a, b) => stats.frequency(a) - stats.frequency(b)).slice(0, GIN_LOOKUP_KEYS);
  return `tokens @> ${p(rarest, 'bigint[]')} AND arraycontains(tokens, ${all})`;
}

/**
 * One statement: the page (exact matches first, then the other matches newest first), the bounded count and the
 * facets of the same bounded sample (the newest matches when walking, any matches otherwise).
 */
export function buildSearchSql(input: BuildSearchInput, stats: TokenStats = NO_TOKEN_STATS): SearchSql {
  const params: unknown[] = [];
  const p = (value: unknown, cast: string): string => {
    params.push(value);
    return `$${params.length}::${cast}`;
  };
  const base = ['NOT withdrawn', `published_from <= ${p(input.asOf, 'date')}`, `published_until >= ${p(input.asOf, 'date')}`];
  if (input.filter.decisionDateFrom) base.push(`decision_date >= ${p(input.filter.decisionDateFrom, 'date')}`);
  if (input.filter.decisionDateTo) base.push(`decision_date <= ${p(input.filter.decisionDateTo, 'date')}`);
  const keys = filterKeys(input.filter).map(tokenKey);
  const andKeys = [...(input.query ? input.query.tokens.map(tokenKey) : []), ...keys];
  const share = estimatedShare(andKeys, stats);
  const limit = p(input.limit + 1, 'int');
  const cursor = input.cursor;
  const keyset = (tier: Tier) => (cursor && tier === cursor.tier ? [`(decision_date, record_id) < (${p(cursor.date, 'date')}, ${p(cursor.id, 'bigint')})`] : []);
  const select = (tier: Tier, where: string[], walk: boolean) => {
    const rows = `SELECT ${tier} AS tier, ${READ_COLUMNS}, decision_date AS sort_date, record_id AS sort_id FROM ${input.table} WHERE ${where.join(' AND ')}`;
    return walk
      ? `(${rows} ORDER BY decision_date DESC, record_id DESC LIMIT ${limit})`
      : `(SELECT * FROM (${rows} OFFSET 0) m ORDER BY sort_date DESC, sort_id DESC LIMIT ${limit})`;
  };
  const parts: string[] = [];
  const withKeys = keys.length ? [`tokens @> ${p(keys, 'bigint[]')}`] : [];
  let match: string[];
  if (input.query) {
    const exact = p(exactKeys(input.query).map(tokenKey), 'bigint[]');
    const all = containsAll(p(andKeys, 'bigint[]'), andKeys, stats, p);
    if (!cursor || cursor.tier >= 2) parts.push(select(2, [...base, `tokens && ${exact}`, ...withKeys, ...keyset(2)], false));
    parts.push(select(1, [...base, all, `NOT tokens && ${exact}`, ...keyset(1)], share >= PAGE_WALK_MIN_SHARE));
    match = [`((${all}) OR (tokens && ${exact}${withKeys.length ? ` AND ${withKeys[0]}` : ''}))`];
  } else {
    parts.push(select(0, [...base, ...withKeys, ...keyset(0)], share >= PAGE_WALK_MIN_SHARE));
    match = withKeys;
  }
  const bound = p(input.countBound + 1, 'int');
  const sampleOrder = share >= sampleWalkMinShare(input.countBound + 1, stats.rows) ? 'ORDER BY decision_date DESC, record_id DESC ' : '';
  const bucket = (key: string, label: string, from: string) =>
    `(SELECT coalesce(json_agg(json_build_object('value', k, 'label', l, 'count', c) ORDER BY c DESC, k), '[]')
        FROM (SELECT ${key} AS k, ${label} AS l, count(*) AS c FROM ${from} WHERE ${key} IS NOT NULL GROUP BY 1 ORDER BY 3 DESC, 1 LIMIT ${FACET_LIMIT}) f)`;
  const text = `WITH page AS (${parts.join(' UNION ALL ')}),
    sample AS (SELECT department_code, department_name, region_code, decision_date, penalty_categories FROM ${input.table}
                WHERE ${[...base, ...match].join(' AND ')} ${sampleOrder}LIMIT ${bound})
    SELECT (SELECT coalesce(json_agg(h ORDER BY h.tier DESC, h.sort_date DESC, h.sort_id DESC), '[]') FROM page h) AS hits,
           (SELECT count(*)::int FROM sample) AS total,
           ${bucket('department_code', 'min(department_name)', 'sample')} AS departments,
           ${bucket('region_code', 'NULL::text', 'sample')} AS regions,
           ${bucket('year', 'NULL::text', "(SELECT date_part('year', decision_date)::int::text AS year FROM sample) y")} AS years,
           ${bucket('category', 'NULL::text', '(SELECT unnest(penalty_categories) AS category FROM sample) c')} AS categories`;
  return { text, params };
}

/** numeric(18,6) reads back as "0.500000": the canonical "0.5" the department sent. */
export function canonicalAmount(value: string | null): string | null {
  if (value === null) return null;
  return value.includes('.') ? value.replace(/0+$/, '').replace(/\.$/, '') : value;
}

/** A row (snake_case, as READ_COLUMNS names it) back to a document. */
export function toDocument(row: Record<string, any>): DisclosureDocument {
  return {
    id: String(row.id),
    partyType: row.party_type,
    partyName: row.party_name,
    uscc: row.uscc,
    legalRepresentative: row.legal_representative,
    decisionNumber: row.decision_number,
    violationType: row.violation_type,
    violationFacts: row.violation_facts,
    legalBasis: row.legal_basis,
    penaltyCategories: row.penalty_categories ?? [],
    penaltyContent: row.penalty_content,
    fineAmount: canonicalAmount(row.fine_amount),
    confiscatedAmount: canonicalAmount(row.confiscated_amount),
    decisionDate: row.decision_date,
    publishedFrom: row.published_from,
    publishedUntil: row.published_until,
    authorityName: row.authority_name,
    departmentCode: row.department_code,
    departmentName: row.department_name,
    regionCode: row.region_code,
    severity: row.severity,
  };
}

// SQL of the PostgreSQL search index: version-guarded writes and the tiered search query. Kept as explicit,
// set-based SQL (one statement per batch, one round trip per search) because it is the public hot path.
import type { DisclosureDocument, DisclosureFacets, DisclosureSearchFilter, FacetBucket } from '../search-index.port';
import { normalizeText, ParsedQuery, regionPrefix, regionPrefixes, tokenize } from '../search-text';
import { containsAll, correlatedShare, estimatedShare, ginLookupKeys, NO_TOKEN_STATS, PAGE_WALK_MIN_SHARE, sampleWalkMinShare, termwiseShare, TokenStats, walkBudget } from './search-plan';

export { GIN_LOOKUP_KEYS, NO_TOKEN_STATS, PAGE_WALK_MIN_SHARE, sampleWalkMinShare } from './search-plan';
export type { TokenStats } from './search-plan';

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
  ['withdrawnOn', 'withdrawn_on', 'date'],
  ['withdrawalReason', 'withdrawal_reason', 'text'],
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

/** The `tokens` key of each filterable value: a document holds it, a filter looks it up, a walk scope is named by it. */
const FILTER_KEY = {
  region: (prefix: string) => `r:${prefix}`,
  department: (code: string) => `g:${code}`,
  category: (category: string) => `c:${category}`,
  severity: (severity: string) => `s:${severity}`,
  uscc: (uscc: string) => `u:${uscc.toUpperCase()}`,
};

/** Everything a document can be found by: text bigrams, exact keys, filter keys. */
export function documentTokens(doc: DisclosureDocument): string[] {
  const keys = new Set<string>(tokenize(`${doc.partyName}\n${doc.violationType}\n${doc.violationFacts}`));
  keys.add(`x:${collapse(doc.partyName)}`);
  keys.add(`d:${collapse(doc.decisionNumber)}`);
  if (doc.uscc) keys.add(FILTER_KEY.uscc(doc.uscc));
  for (const prefix of regionPrefixes(doc.regionCode)) keys.add(FILTER_KEY.region(prefix));
  keys.add(FILTER_KEY.department(doc.departmentCode));
  for (const category of doc.penaltyCategories) keys.add(FILTER_KEY.category(category));
  keys.add(FILTER_KEY.severity(doc.severity));
  return [...keys];
}

/** Filter keys that the GIN index answers (date range is a column condition). */
export function filterKeys(filter: DisclosureSearchFilter): string[] {
  const keys: string[] = [];
  if (filter.regionCode) {
    const prefix = regionPrefix(filter.regionCode);
    if (prefix) keys.push(FILTER_KEY.region(prefix));
  }
  if (filter.departmentCode) keys.push(FILTER_KEY.department(filter.departmentCode));
  if (filter.penaltyCategory) keys.push(FILTER_KEY.category(filter.penaltyCategory));
  if (filter.severity) keys.push(FILTER_KEY.severity(filter.severity));
  if (filter.uscc) keys.push(FILTER_KEY.uscc(filter.uscc.trim()));
  return keys;
}

export function exactKeys(query: ParsedQuery): string[] {
  return [`x:${query.exact}`, `d:${query.exact}`, FILTER_KEY.uscc(query.exact)];
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
  /** Count the matches up to countBound (default true); without it the statement reads the page only. */
  count?: boolean;
  /** Return the sampled matches' facet columns (default true); false with count returns only `sampled`. */
  facets?: boolean;
}

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

const NEWEST = 'ORDER BY decision_date DESC, record_id DESC';
/** What the facets are counted from, per sampled match (see facetsOf). */
const SAMPLE_COLUMNS = 'record_id, decision_date, department_code, department_name, region_code, penalty_categories';
/** What a bare count needs per sampled match (the newest-first order and the union with the exact matches). */
const COUNT_COLUMNS = 'record_id, decision_date';

function positiveInt(value: number, name: string): number {
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, not ${value}`);
  return value;
}

/**
 * One statement, one round trip: the page (exact matches first, then the other matches newest first) and the
 * bounded sample the count and the facets come from (the newest matches when walking, any matches otherwise).
 *
 * The plan shape is fixed by the text, not left to the planner: a walk has no indexable token condition, a
 * GIN lookup sits behind `OFFSET 0` (planned without the LIMIT that would tempt the planner into a walk). The
 * exact matches (whole name, USCC, decision number) are looked up once, for the page and the sample; walked
 * rows never test their keys. Facets are counted from the sample by facetsOf, in the API.
 *
 * Without `count` there is no sample at all (the page alone: `first + 1` rows); with `count` but without
 * `facets` the sample carries only its keys and the statement returns its size (`sampled`), not its rows.
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
  const wordKeys = input.query ? input.query.tokens.map(tokenKey) : [];
  const andKeys = [...wordKeys, ...keys];
  // The AND groups of the search: each term's bigrams, each filter key.
  const termGroups = input.query ? input.query.terms.map((term) => tokenize(term).map(tokenKey)) : [];
  const groupsOf = (filterKeyHashes: number[]) => [...termGroups, ...filterKeyHashes.map((key) => [key])];
  const groups = groupsOf(keys);
  const lookup = ginLookupKeys(groups, stats);
  const share = estimatedShare(andKeys, stats);
  const limit = positiveInt(input.limit + 1, 'limit');
  const bound = positiveInt(input.countBound + 1, 'countBound');
  const walkPage = share >= PAGE_WALK_MIN_SHARE;
  const walkSample = share >= sampleWalkMinShare(bound, stats.rows);
  const cursor = input.cursor;
  const keyset = (tier: Tier) => (cursor && tier === cursor.tier ? [`(decision_date, record_id) < (${p(cursor.date, 'date')}, ${p(cursor.id, 'bigint')})`] : []);
  const all = andKeys.length ? p(andKeys, 'bigint[]') : '';
  // A walk, or the GIN matches fenced off and sorted by `fencedOrder` (null: any of them) before the LIMIT.
  const rows = (columns: string, where: string[], walk: boolean, take: number, fencedOrder: string | null) =>
    walk
      ? `(SELECT ${columns} FROM ${input.table} WHERE ${where.join(' AND ')} ${NEWEST} LIMIT ${take})`
      : `(SELECT * FROM (SELECT ${columns} FROM ${input.table} WHERE ${where.join(' AND ')} OFFSET 0) m${fencedOrder ? ` ORDER BY ${fencedOrder}` : ''} LIMIT ${take})`;
  const pageColumns = (tier: Tier) => `${tier} AS tier, ${READ_COLUMNS}, decision_date AS sort_date, record_id AS sort_id`;
  const ctes: string[] = [];
  const pageParts: string[] = [];
  const tier: Tier = input.query ? 1 : 0;
  const notExact: string[] = [];
  if (input.query) {
    const exact = p(exactKeys(input.query).map(tokenKey), 'bigint[]');
    const withKeys = keys.length ? [`arraycontains(tokens, ${p(keys, 'bigint[]')})`] : [];
    ctes.push(`exact AS MATERIALIZED (SELECT ${pageColumns(2)} FROM ${input.table} WHERE ${[...base, `tokens && ${exact}`, ...withKeys].join(' AND ')} OFFSET 0)`);
    if (!cursor || cursor.tier >= 2) {
      const after = cursor && cursor.tier === 2 ? ` WHERE (sort_date, sort_id) < (${p(cursor.date, 'date')}, ${p(cursor.id, 'bigint')})` : '';
      pageParts.push(`(SELECT * FROM exact${after} ORDER BY sort_date DESC, sort_id DESC LIMIT ${limit})`);
    }
    // Against the few exact matches already found (a hashed set), not by testing three more keys per row.
    notExact.push('record_id NOT IN (SELECT sort_id FROM exact)');
  }
  // The keys may be correlated (the bigrams of one word: 医疗, 疗器, 器械 in the same rows), so that a walk finds
  // what is needed far sooner than the independent estimate says: then a bounded walk goes first, named `name`,
  // and GIN looks the matches up only when the walk fell short (a one-time filter: the GIN scan never starts
  // otherwise). `from` is where the walk starts (a cursor), `filters` what else every row must meet; the two
  // parts come back for a UNION ALL.
  const walkThenLookUp = (name: string, columns: string, walkRows: number, take: number, from: string[], filters: string[], fencedOrder: string | null): string[] => {
    ctes.push(`${name} AS (SELECT ${columns} FROM (SELECT * FROM ${input.table} WHERE ${[...base, ...from].join(' AND ')} ${NEWEST} LIMIT ${walkRows}) w
                 WHERE ${[containsAll(all, andKeys, lookup, p, true), ...filters].join(' AND ')} ${NEWEST} LIMIT ${take})`);
    const enough = `(SELECT count(*) FROM ${name}) >= ${take}`;
    return [`(SELECT * FROM ${name} WHERE ${enough})`, rows(columns, [`NOT ${enough}`, ...base, containsAll(all, andKeys, lookup, p, false), ...filters, ...from], false, take, fencedOrder)];
  };
  const order = 'sort_date DESC, sort_id DESC';
  const after = keyset(tier);
  // A department, severity or county filter scopes a walk to its own newest-first index: it reads only that
  // filter's rows and tests the other keys on them (假冒 in county 341102: ~1,300 rows walked for 201 matches, where
  // GIN built a 19,274-row bitmap from two posting lists of 155k and 125k entries, 20 ms against 5).
  const scope = walkScope(input.filter, stats);
  // The filter keys besides the scope's (its column condition holds them), and the condition, written once when used.
  const restKeys = scope ? keys.filter((key) => key !== scope.key) : keys;
  let scopeSql: string | null = null;
  const scoped = (walked: WalkScope) => [(scopeSql ??= `${walked.column} = ${p(walked.value, 'text')}`)];
  const budget = walkBudget(lookup, stats);
  // The page walks first (twice the rows its matches would take, then GIN) when a term's bigrams going together
  // makes that fewer rows than GIN would fetch and sort: 医疗器械 is 87,546 GIN rows for a page found in ~240
  // walked. Estimated termwise: bigrams of a term together, terms and filters independent. A name with one rare
  // bigram (盛食 in 永盛食品: 1,320 rows) stays with GIN, whose fast scan skips along that key.
  const pageShare = termwiseShare(groups, stats);
  const pageWalkRows = Math.ceil((2 * limit) / pageShare);
  const scopedPageRows = Math.ceil((2 * limit) / termwiseShare(groupsOf(restKeys), stats));
  if (scope && (walkPage || scopedPageRows <= budget)) {
    pageParts.push(...walkThenLookUp('page_walk', pageColumns(tier), scopedPageRows, limit, [...scoped(scope), ...after], notExact, order));
  } else if (!walkPage && wordKeys.length > 1 && pageWalkRows <= pageShare * stats.rows) {
    pageParts.push(...walkThenLookUp('page_walk', pageColumns(tier), pageWalkRows, limit, after, notExact, order));
  } else {
    pageParts.push(rows(pageColumns(tier), [...base, containsAll(all, andKeys, lookup, p, walkPage), ...notExact, ...after], walkPage, limit, order));
  }
  const count = input.count !== false || input.facets !== false;
  const facets = input.facets !== false;
  ctes.push(`page AS (${pageParts.join(' UNION ALL ')})`);
  const hits = `(SELECT coalesce(json_agg(json_build_array(${HIT_FIELDS.map((field) => `h.${field}`).join(', ')}) ORDER BY h.tier DESC, h.sort_date DESC, h.sort_id DESC), '[]') FROM page h) AS hits`;
  if (!count) return { text: `WITH ${ctes.join(',\n    ')}\n    SELECT ${hits}`, params };
  const columns = facets ? SAMPLE_COLUMNS : COUNT_COLUMNS;
  // Each branch builds only its own parts: a part built and then dropped would leave its parameter unreferenced,
  // and PostgreSQL refuses a statement with a parameter it cannot type ("could not determine data type").
  let matched: string;
  const sampleRest = correlatedShare(wordKeys, restKeys, stats);
  if (scope && (walkSample || bound / sampleRest <= budget)) {
    // Twice the rows the matches should take, as for the page: a walk the planner sees as a small part of the
    // filter's rows stays an index walk rather than a bitmap of all of them and a sort.
    const walkRows = Math.max(bound, Math.min(Math.ceil((2 * bound) / sampleRest), budget));
    matched = `(${walkThenLookUp('walked', columns, walkRows, bound, scoped(scope), [], null).join(' UNION ALL ')})`;
  } else if (!walkSample && wordKeys.length > 1 && bound / correlatedShare(wordKeys, keys, stats) <= budget) {
    // The sample walks first when, the word's bigrams all going together, it would be found within what the GIN
    // lookup costs.
    matched = `(${walkThenLookUp('walked', columns, budget, bound, [], [], null).join(' UNION ALL ')})`;
  } else {
    matched = rows(columns, [...base, containsAll(all, andKeys, lookup, p, walkSample)], walkSample, bound, null);
  }
  const exactColumns = facets ? 'sort_id, sort_date, department_code, department_name, region_code, penalty_categories' : 'sort_id, sort_date';
  const sample = input.query
    ? `SELECT * FROM (${matched} UNION SELECT ${exactColumns} FROM exact) u${walkSample ? ` ${NEWEST}` : ''} LIMIT ${bound}`
    : matched.slice(1, -1);
  ctes.push(`sample AS (${sample})`);
  const counted = facets
    ? `(SELECT coalesce(json_agg(json_build_array(department_code, department_name, region_code, date_part('year', decision_date)::int, penalty_categories)), '[]') FROM sample) AS sample`
    : `(SELECT count(*)::int FROM sample) AS sampled`;
  const text = `WITH ${ctes.join(',\n    ')}
    SELECT ${hits},
           ${counted}`;
  return { text, params };
}

/** A filter with its own (column, decision_date DESC, record_id DESC) index: see Migration20261205040000. */
interface WalkScope {
  column: 'department_code' | 'severity' | 'region_code';
  value: string;
  /** Its key in `tokens` (filterKeys): the column holds this value exactly when the row holds this key. */
  key: number;
}

/** Of the filter's scopable conditions, the one with the fewest rows (the rarest key), or null. */
function walkScope(filter: DisclosureSearchFilter, stats: TokenStats): WalkScope | null {
  const scopes: WalkScope[] = [];
  if (filter.departmentCode) scopes.push({ column: 'department_code', value: filter.departmentCode, key: tokenKey(FILTER_KEY.department(filter.departmentCode)) });
  if (filter.severity) scopes.push({ column: 'severity', value: filter.severity, key: tokenKey(FILTER_KEY.severity(filter.severity)) });
  // Only a county code names one value of the column; a city or province prefix spans several.
  const region = filter.regionCode ? regionPrefix(filter.regionCode) : null;
  if (region?.length === 6) scopes.push({ column: 'region_code', value: region, key: tokenKey(FILTER_KEY.region(region)) });
  if (stats.rows === 0 || scopes.length === 0) return null;
  return scopes.reduce((rarest, scope) => (stats.frequency(scope.key) < stats.frequency(rarest.key) ? scope : rarest));
}

/** One sampled match as the statement returns it: department code and name, region, decision year, categories. */
export type SampleRow = [string | null, string | null, string | null, number | null, string[] | null];

const FACET_LIMIT = 20;

/** Facet buckets of the sample: count descending, then value ascending, at most FACET_LIMIT per facet. */
export function facetsOf(sample: SampleRow[]): DisclosureFacets {
  const departments = new Map<string, { label: string | null; count: number }>();
  const regions = new Map<string, number>();
  const years = new Map<string, number>();
  const categories = new Map<string, number>();
  const add = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  for (const [department, departmentName, region, year, categoryList] of sample) {
    if (department !== null) {
      const bucket = departments.get(department);
      if (bucket) {
        bucket.count++;
        // the smallest name, as min() would pick, should one department code carry two names
        if (departmentName !== null && (bucket.label === null || departmentName < bucket.label)) bucket.label = departmentName;
      } else {
        departments.set(department, { label: departmentName, count: 1 });
      }
    }
    if (region !== null) add(regions, region);
    if (year !== null) add(years, String(year));
    for (const category of categoryList ?? []) if (category !== null) add(categories, category);
  }
  const top = (buckets: FacetBucket[]) =>
    buckets.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0)).slice(0, FACET_LIMIT);
  const plain = (map: Map<string, number>) => top([...map].map(([value, count]) => ({ value, label: null, count })));
  return {
    departments: top([...departments].map(([value, { label, count }]) => ({ value, label, count }))),
    regions: plain(regions),
    years: plain(years),
    categories: plain(categories),
  };
}

/** numeric(18,6) reads back as "0.500000": the canonical "0.5" the department sent. */
export function canonicalAmount(value: string | null): string | null {
  if (value === null) return null;
  return value.includes('.') ? value.replace(/0+$/, '').replace(/\.$/, '') : value;
}

/**
 * The page's rows as JSON arrays in this order, not objects: the column names were half of the page's JSON,
 * which the API receives, decodes and parses on every search (JSON.parse of a page: 65 → 34 µs here).
 */
const HIT_FIELDS = ['tier', 'id', ...CONTENT.map(([, column]) => column)];

/** One page row as the statement returns it (see HIT_FIELDS). */
export type HitRow = unknown[];

/** Position of each content column in a page row. */
const HIT_INDEX = new Map(CONTENT.map(([key], i) => [key, i + 2]));

/** A page row back to its relevance band and document (by position: no intermediate object per row). */
export function toHit(row: HitRow): { tier: Tier; doc: DisclosureDocument } {
  return { tier: row[0] as Tier, doc: documentFrom(row[1], (key) => row[HIT_INDEX.get(key) as number]) };
}

/** Column of each content key (see CONTENT). */
const COLUMN_OF = new Map(CONTENT.map(([key, column]) => [key, column]));

/** A row (snake_case, as READ_COLUMNS names it) back to a document. */
export function toDocument(row: Record<string, any>): DisclosureDocument {
  return documentFrom(row.id, (key) => row[COLUMN_OF.get(key) as string]);
}

/** A document from its id and its content read key by key: the one mapping for rows by name and by position. */
function documentFrom(id: unknown, at: (key: keyof DisclosureDocument) => any): DisclosureDocument {
  return {
    id: String(id),
    partyType: at('partyType'),
    partyName: at('partyName'),
    uscc: at('uscc'),
    legalRepresentative: at('legalRepresentative'),
    decisionNumber: at('decisionNumber'),
    violationType: at('violationType'),
    violationFacts: at('violationFacts'),
    legalBasis: at('legalBasis'),
    penaltyCategories: at('penaltyCategories') ?? [],
    penaltyContent: at('penaltyContent'),
    fineAmount: canonicalAmount(at('fineAmount')),
    confiscatedAmount: canonicalAmount(at('confiscatedAmount')),
    decisionDate: at('decisionDate'),
    publishedFrom: at('publishedFrom'),
    publishedUntil: at('publishedUntil'),
    authorityName: at('authorityName'),
    departmentCode: at('departmentCode'),
    departmentName: at('departmentName'),
    regionCode: at('regionCode'),
    severity: at('severity'),
    withdrawnOn: at('withdrawnOn') ?? null,
    withdrawalReason: at('withdrawalReason') ?? null,
  };
}

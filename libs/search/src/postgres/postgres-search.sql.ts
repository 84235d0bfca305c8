// SQL of the PostgreSQL search: the tiered search query. Kept as explicit, set-based SQL (one round trip per
// search) because it is the public hot path. The rows it reads are postgres-search.rows.ts, the keys it looks up
// postgres-search.tokens.ts.
import { isIsoDate } from '@credit/domain';
import type { DisclosureFacets, DisclosureSearchFilter, FacetBucket } from '../search-index.port';
import { ParsedQuery, regionPrefix, tokenize } from '../search-text';
import { HIT_FIELDS, READ_COLUMNS, Tier } from './postgres-search.rows';
import { exactKeys, filterKeys, FILTER_KEY, tokenKey } from './postgres-search.tokens';
import { inBucket, sampleFromBucket } from './sample-buckets';
import { signatureThen, TOKEN_SIGNATURE_TYPE, tokenSignature } from './token-signature';
import { containsAll, estimatedShare, ginLookupKeys, NO_TOKEN_STATS, PAGE_WALK_MIN_SHARE, sampleWalkMinShare, SIGNED_WALK_MAX_SHARE, termwiseShare, testDatesAfterLookup, TokenStats, walkBudget } from './search-plan';

export { GIN_LOOKUP_KEYS, NO_TOKEN_STATS, PAGE_WALK_MIN_SHARE, sampleWalkMinShare } from './search-plan';
export type { TokenStats } from './search-plan';

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
  /** Count the sample's facets (default true); false with count returns only `sampled`. */
  facets?: boolean;
}

const NEWEST = 'ORDER BY decision_date DESC, record_id DESC';
/**
 * From this many estimated matches, a page looked up in GIN sorts them by their narrow key (newestByKey). Below it,
 * reading the page's rows a second time by record_id costs more than sorting the few whole rows: the pages of the
 * bench's USCCs (0-3 matches) took ~0.1 ms more that way. Above the estimate of a key too rare for the statistics
 * (half the rarest listed key's share: 303 rows of the bench's 1,000,000), which every USCC gets.
 */
const NARROW_SORT_MIN_MATCHES = 500;
/** What the facets are counted from, per sampled match (see FACET_GROUPS). */
const SAMPLE_COLUMNS = 'record_id, decision_date, department_code, department_name, region_code, penalty_categories';
/** What a bare count needs per sampled match (the newest-first order and the union with the exact matches). */
const COUNT_COLUMNS = 'record_id, decision_date';

function positiveInt(value: number, name: string): number {
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, not ${value}`);
  return value;
}

/** A calendar date as a SQL literal; anything but YYYY-MM-DD (a real date) is refused, so nothing else reaches the text. */
export function sqlDateLiteral(date: string): string {
  if (!isIsoDate(date)) throw new RangeError(`not an ISO date: ${date}`);
  return `'${date}'::date`;
}

/**
 * One statement, one round trip: the page (exact matches first, then the other matches newest first) and the
 * bounded sample the count and the facets come from (the newest matches when walking, any matches otherwise).
 *
 * The plan shape is fixed by the text, not left to the planner: a walk has no indexable token condition, a
 * GIN lookup sits behind `OFFSET 0` (planned without the LIMIT that would tempt the planner into a walk). The
 * exact matches (whole name, USCC, decision number) are looked up once, for the page and the sample; walked
 * rows never test their keys. The facets are counted from the sample in the statement (FACET_GROUPS).
 *
 * Without `count` there is no sample at all (the page alone: `first + 1` rows); with `count` the statement returns
 * the sample's size (`sampled`), or with `facets` its size and buckets (`facets`, read by facetsFromGroups).
 */
export function buildSearchSql(input: BuildSearchInput, stats: TokenStats = NO_TOKEN_STATS): SearchSql {
  const params: unknown[] = [];
  const p = (value: unknown, cast: string): string => {
    params.push(value);
    return `$${params.length}::${cast}`;
  };
  const dates: string[] = [];
  const { decisionDateFrom: from = null, decisionDateTo: to = null } = input.filter;
  if (from) dates.push(`decision_date >= ${p(from, 'date')}`);
  if (to) dates.push(`decision_date <= ${p(to, 'date')}`);
  // Today is written into the text, not bound: the statement runs prepared with a generic plan (one per text and
  // day, see SEARCH_SESSION_OPTIONS), and a generic plan must know that published_until >= today holds for nearly
  // every row, or it ANDs in a bitmap of the whole table.
  const today = sqlDateLiteral(input.asOf);
  const base = ['NOT withdrawn', `published_from <= ${today}`, `published_until >= ${today}`, ...dates];
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
  const walkSample = share >= sampleWalkMinShare(bound, stats.rows);
  const cursor = input.cursor;
  const keyset = (tier: Tier) => (cursor && tier === cursor.tier ? [`(decision_date, record_id) < (${p(cursor.date, 'date')}, ${p(cursor.id, 'bigint')})`] : []);
  const all = andKeys.length ? p(andKeys, 'bigint[]') : '';
  // The keys' signature, a parameter only once a walk tests it (an unreferenced parameter cannot be typed).
  let mask: string | null = null;
  const maskParam = () => (mask ??= p(tokenSignature(andKeys), TOKEN_SIGNATURE_TYPE));
  const contains = (walk: boolean) => containsAll(all, andKeys, lookup, p, walk, maskParam);
  // Estimated termwise: each term's bigrams together, terms and filters independent (see termwiseShare).
  const pageShare = termwiseShare(groups, stats);
  // A sample looked up in GIN on its own (not sharing the page's lookup, which sorts every match) tests a wide date
  // range on the rows GIN returns (decision_date is one of its columns), rather than letting the planner AND in a
  // bitmap of the whole range: 物流 in one month, 26.7 → 15.3 ms.
  const datesOutside = dates.length > 0 && testDatesAfterLookup(stats.dateShare?.(from, to) ?? null, pageShare, bound, stats.rows);
  // The GIN matches fenced off and sorted by `fencedOrder` (null: any of them) before the LIMIT. Any of them (the
  // sample) tests a wide date range outside the fence, on the rows the lookup returns.
  const rows = (columns: string, where: string[], take: number, fencedOrder: string | null) => {
    const outside = fencedOrder === null && datesOutside ? dates : [];
    const inside = where.filter((condition) => !outside.includes(condition));
    return `(SELECT * FROM (SELECT ${columns} FROM ${input.table} WHERE ${inside.join(' AND ')} OFFSET 0) m${outside.length ? ` WHERE ${outside.join(' AND ')}` : ''}${fencedOrder ? ` ORDER BY ${fencedOrder}` : ''} LIMIT ${take})`;
  };
  // Rows read whole by record_id, once the newest matches were found by their narrow key or a walk (`ids`).
  const wholeRows = (columns: string, ids: string) => `(SELECT ${columns} FROM ${input.table} WHERE record_id IN (${ids}))`;
  // A walk newest first, through at most `walkRows` rows when bounded: `where` is where it goes (the index's own
  // columns: publication, dates, a cursor, a filter's scope), `rest` what else a match must meet besides the keys,
  // `keysShare` the share of the rows expected to hold the keys (termwise: a word's bigrams go together). The keys'
  // signature is tested on the index's own copy of it (every newest-first index INCLUDEs it and the publication
  // dates: an index-only scan), and only a row it lets through (~0.6 % of those lacking a key) is read from the
  // table, by record_id, for the exact test, in a subquery of the walk's own condition: a walk written as a join to
  // the table was planned, on PostgreSQL 17, as a sort of every published row. A page's matches are then read whole
  // (wholeRows); a sample's columns come back from the visit that tests it (sampleWalk), a bare count's from the
  // index. A walked row the signature turns away costs no visit to the table: 排放's sample, 201 matches of ~2,100
  // rows walked, 4.9 → 2.5 ms. Not when a quarter of the rows or more hold the keys (SIGNED_WALK_MAX_SHARE):
  // rows are read directly. Unbounded, it comes in parentheses; bounded, it is the statement of a CTE (walkThenLookUp).
  const walk = (columns: string, where: string[], rest: string[], take: number, keysShare: number, walkRows: number | null = null) => {
    if (andKeys.length === 0 || keysShare >= SIGNED_WALK_MAX_SHARE) {
      return walkRows === null
        ? `(SELECT ${columns} FROM ${input.table} WHERE ${[...where, contains(true), ...rest].join(' AND ')} ${NEWEST} LIMIT ${take})`
        : `SELECT ${columns} FROM (SELECT * FROM ${input.table} WHERE ${where.join(' AND ')} ${NEWEST} LIMIT ${walkRows}) w
                 WHERE ${[contains(true), ...rest].join(' AND ')} ${NEWEST} LIMIT ${take}`;
    }
    // What is walked, as `c` (the table, or the first walkRows rows read from the index alone), and what else a
    // walked row must meet.
    const [walked, meet] = walkRows === null
      ? [`${input.table} c`, [...where, ...rest]]
      : [`(SELECT record_id, decision_date, token_signature FROM ${input.table} WHERE ${where.join(' AND ')} ${NEWEST} LIMIT ${walkRows}) c`, rest];
    const visit = `${input.table} x WHERE x.record_id = c.record_id`;
    const inParentheses = (statement: string) => (walkRows === null ? `(${statement})` : statement);
    if (columns === SAMPLE_COLUMNS) return inParentheses(sampleWalk(walked, meet, maskParam(), `${visit} AND arraycontains(x.tokens, ${all})`, take));
    const exact = signatureThen(maskParam(), `(SELECT arraycontains(x.tokens, ${all}) FROM ${visit})`);
    // A bare count needs nothing the index does not hold.
    const matches = `SELECT ${columns === COUNT_COLUMNS ? COUNT_COLUMNS : 'record_id'} FROM ${walked} WHERE ${[...meet, exact].join(' AND ')} ${NEWEST} LIMIT ${take}`;
    if (columns === COUNT_COLUMNS) return inParentheses(matches);
    const whole = wholeRows(columns, matches);
    return walkRows === null ? whole : whole.slice(1, -1);
  };
  // The newest GIN matches sorted by their narrow key, then only the page's rows read whole: sorting every match's
  // whole row (its text, the amounts cast to text) cost the page of 明光市金源 (2,576 matches) 8.5 ms against 6.2,
  // medians of 8 alternating runs.
  const newestByKey = (columns: string, where: string[], take: number) =>
    wholeRows(columns, `SELECT record_id FROM (SELECT record_id, decision_date FROM ${input.table} WHERE ${where.join(' AND ')} OFFSET 0) m ${NEWEST} LIMIT ${take}`);
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
  // A bounded first try, the CTE `name` (`firstTry` its statement), and GIN looking the matches up only when that
  // found fewer than `take` (a one-time filter: the GIN scan never starts otherwise); `where` is what else every
  // looked-up row must meet. The two parts come back for a UNION ALL.
  const lookUpIfShort = (name: string, columns: string, firstTry: string, take: number, where: string[], fencedOrder: string | null): string[] => {
    ctes.push(`${name} AS (${firstTry})`);
    const enough = `(SELECT count(*) FROM ${name}) >= ${take}`;
    return [`(SELECT * FROM ${name} WHERE ${enough})`, rows(columns, [`NOT ${enough}`, ...base, contains(false), ...where], take, fencedOrder)];
  };
  // The keys may be correlated (the bigrams of one word: 医疗, 疗器, 器械 in the same rows), so that a walk finds
  // what is needed far sooner than the independent estimate says: then a bounded walk goes first, named `name`,
  // and GIN looks the matches up only when the walk fell short. `from` is where the walk starts (a cursor),
  // `filters` what else every row must meet.
  const walkThenLookUp = (name: string, columns: string, walkRows: number, take: number, from: string[], filters: string[], fencedOrder: string | null, keysShare: number): string[] =>
    lookUpIfShort(name, columns, walk(columns, [...base, ...from], filters, take, keysShare, walkRows), take, [...filters, ...from], fencedOrder);
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
  const pageWalkRows = Math.ceil((2 * limit) / pageShare);
  // The matches besides the scope's filter, estimated termwise as for the page: each term's bigrams together,
  // terms and filters independent.
  const restShare = termwiseShare(groupsOf(restKeys), stats);
  const scopedPageRows = Math.ceil((2 * limit) / restShare);
  const count = input.count !== false || input.facets !== false;
  const facets = input.facets !== false;
  const columns = facets ? SAMPLE_COLUMNS : COUNT_COLUMNS;
  // How the page and the sample reach their matches. Counting a query's terms as one word (all its bigrams
  // together) sent two frequent words seldom found together, 食品 运输, on a sample walk of the whole budget:
  // 27,715 rows and 64 ms for 200 matches, then the GIN lookup anyway (7 ms).
  const sampleScoped = scope !== null && (walkSample || bound / restShare <= budget);
  const sampleWalksFirst = !sampleScoped && !walkSample && wordKeys.length > 1 && bound / pageShare <= budget;
  // Without statistics every key counts as rare, and a frequent word's every match would be kept for the sample.
  const sampleLooksUp = count && stats.rows > 0 && !sampleScoped && !sampleWalksFirst && !walkSample;
  // Whether a page looked up on its own would rather walk.
  const walkable = share >= PAGE_WALK_MIN_SHARE;
  const pageScoped = scope !== null && (walkable || scopedPageRows <= budget);
  const pageWalksFirst = !pageScoped && !walkable && wordKeys.length > 1 && pageWalkRows <= pageShare * stats.rows;
  // When both look their matches up in GIN, they share one lookup: the page reads every match anyway (to sort
  // them), so its narrow columns are kept once, the sample takes any of them, and only the page's rows are read
  // whole (by record_id). 兴旺养殖: two lookups of 713 rows and a sort of 713 whole rows, 3.6 → 2.6 ms. Not for a page
  // that would walk (PAGE_WALK_MIN_SHARE): a walk gave way to the shared lookup up to 0.4 % of the rows while it read
  // every walked row from the table (超市 虚假, ~0.3 %, walked 6,000 rows for its 21 matches, 23 → 14 ms); through the
  // signatures on the index it is the cheaper one there (茶叶 排放 9.4 → 6.8 ms, 酒店 虚假 10.3 → 7.6, the full page).
  const sharedLookup = sampleLooksUp && !pageScoped && !pageWalksFirst && !walkable;
  if (pageScoped) {
    pageParts.push(...walkThenLookUp('page_walk', pageColumns(tier), scopedPageRows, limit, [...scoped(scope), ...after], notExact, order, restShare));
  } else if (pageWalksFirst) {
    pageParts.push(...walkThenLookUp('page_walk', pageColumns(tier), pageWalkRows, limit, after, notExact, order, pageShare));
  } else if (sharedLookup) {
    ctes.push(`matches AS MATERIALIZED (SELECT ${columns} FROM ${input.table} WHERE ${[...base, contains(false)].join(' AND ')})`);
    const pageMatches = [...notExact, ...after];
    const newest = `SELECT record_id FROM matches${pageMatches.length ? ` WHERE ${pageMatches.join(' AND ')}` : ''} ${NEWEST} LIMIT ${limit}`;
    pageParts.push(wholeRows(pageColumns(tier), newest));
  } else if (walkable) {
    pageParts.push(walk(pageColumns(tier), [...base, ...after], notExact, limit, pageShare));
  } else {
    const where = [...base, contains(false), ...notExact, ...after];
    const manyMatches = pageShare * stats.rows >= NARROW_SORT_MIN_MATCHES;
    pageParts.push(manyMatches ? newestByKey(pageColumns(tier), where, limit) : rows(pageColumns(tier), where, limit, order));
  }
  ctes.push(`page AS (${pageParts.join(' UNION ALL ')})`);
  const hits = `(SELECT coalesce(json_agg(json_build_array(${HIT_FIELDS.map((field) => `h.${field}`).join(', ')}) ORDER BY h.tier DESC, h.sort_date DESC, h.sort_id DESC), '[]') FROM page h) AS hits`;
  if (!count) return { text: `WITH ${ctes.join(',\n    ')}\n    SELECT ${hits}`, params };
  // Each branch builds only its own parts: a part built and then dropped would leave its parameter unreferenced,
  // and PostgreSQL refuses a statement with a parameter it cannot type ("could not determine data type").
  let matched: string;
  // A sample from the buckets is any of the matches: no sort of it (the others that walk keep the newest).
  let fromBuckets = false;
  if (sampleScoped) {
    // Twice the rows the matches should take, as for the page: a walk the planner sees as a small part of the
    // filter's rows stays an index walk rather than a bitmap of all of them and a sort.
    const walkRows = Math.max(bound, Math.min(Math.ceil((2 * bound) / restShare), budget));
    matched = `(${walkThenLookUp('walked', columns, walkRows, bound, scoped(scope), [], null, restShare).join(' UNION ALL ')})`;
  } else if (sampleWalksFirst) {
    // The sample walks first when, each term's bigrams going together, it would be found within what the GIN
    // lookup costs; at most twice the rows its matches should take, as the scoped sample (an estimate too high
    // then costs that walk before the lookup, not the whole budget, three times what it was before a walked row was
    // priced at three posting entries).
    const walkRows = Math.max(bound, Math.min(Math.ceil((2 * bound) / pageShare), budget));
    matched = `(${walkThenLookUp('walked', columns, walkRows, bound, [], [], null, pageShare).join(' UNION ALL ')})`;
  } else if (sharedLookup) {
    matched = `(SELECT * FROM matches LIMIT ${bound})`;
  } else if (dates.length === 0 && (walkSample || sampleLooksUp) && sampleFromBucket(bound, pageShare, stats)) {
    // A sample that GIN or a plain walk would find (not one scoped, walked first or shared, above)
    // reads the first bucket's matches instead when that is quicker (sample-buckets.ts), the second bucket's only when
    // the first held too few, and GIN looks every match up only when the two did. Each later part is behind a one-time
    // filter: its lookup never starts otherwise. Not with a date range: the bucket's matches within one month were
    // too few, and the lookup after them made 餐饮 in a month 7.3 → 34.9 ms.
    fromBuckets = true;
    const bucketRows = (bucket: number, gate: string[]) => rows(columns, [...gate, ...base, contains(false), inBucket(bucket, (list) => p(list, 'bigint[]'))], bound, null);
    ctes.push(`bucketed AS (${bucketRows(0, [])})`, `bucketed_next AS (${bucketRows(1, [`(SELECT count(*) FROM bucketed) < ${bound}`])})`);
    const enough = `(SELECT count(*) FROM bucketed) + (SELECT count(*) FROM bucketed_next) >= ${bound}`;
    // At most the sample, whatever the two buckets held: a search without a query takes the sample as it comes.
    matched = `(SELECT * FROM (SELECT * FROM bucketed WHERE ${enough} UNION ALL SELECT * FROM bucketed_next WHERE ${enough}
                UNION ALL ${rows(columns, [`NOT (${enough})`, ...base, contains(false)], bound, null)}) b LIMIT ${bound})`;
  } else {
    matched = walkSample ? walk(columns, base, [], bound, pageShare) : rows(columns, [...base, contains(false)], bound, null);
  }
  const exactColumns = facets ? 'sort_id, sort_date, department_code, department_name, region_code, penalty_categories' : 'sort_id, sort_date';
  const sample = input.query
    ? `SELECT * FROM (${matched} UNION SELECT ${exactColumns} FROM exact) u${walkSample && !fromBuckets ? ` ${NEWEST}` : ''} LIMIT ${bound}`
    : matched.slice(1, -1);
  ctes.push(`sample AS (${sample})`);
  const counted = facets ? `${FACET_GROUPS} AS facets` : `(SELECT count(*)::int FROM sample) AS sampled`;
  const text = `WITH ${ctes.join(',\n    ')}
    SELECT ${hits},
           ${counted}`;
  return { text, params };
}

/**
 * A signed walk's sample (SAMPLE_COLUMNS) from `walked` (the walked rows as `c`, newest first, with their record_id,
 * decision_date and token_signature) and `meet` (what else a walked row must meet), each match's table row visited
 * once: record_id and decision_date are the index's own, and the visit that tests the keys (`tested`: the row as `x`,
 * when it holds them) brings the facets' columns back with it, as one text array. Read again by record_id after the
 * walk (wholeRows), 假冒's 201 matches cost ~800 more buffers. The walk is a subquery fenced by OFFSET 0 with the test
 * on the array outside it (pushed into it, the condition would run the visit twice), and no ORDER BY above it: a
 * sort there would have the walk planned for all of its rows.
 */
function sampleWalk(walked: string, meet: string[], mask: string, tested: string, take: number): string {
  // The LIMIT takes the newest: a subquery scan and its filter keep the order of the walk below them (the
  // signed-walk int-spec checks the sample is the newest matches).
  // As a CASE, as the page's test: the planner takes half the rows to pass it (a bit test's own estimate is one in
  // 200, and with that few rows to find, PostgreSQL 17 planned the walk as a sort of every published row).
  const mayHold = signatureThen(mask, 'true');
  const facetColumns = `ARRAY[x.department_code, x.department_name, x.region_code, array_to_string(x.penalty_categories, ',')]`;
  return `SELECT record_id, decision_date, m[1] AS department_code, m[2] AS department_name, m[3] AS region_code, string_to_array(m[4], ',') AS penalty_categories
                 FROM (SELECT record_id, decision_date, (SELECT ${facetColumns} FROM ${tested}) AS m
                         FROM ${walked} WHERE ${[...meet, mayHold].join(' AND ')} ${NEWEST} OFFSET 0) w
                WHERE m IS NOT NULL LIMIT ${take}`;
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

const FACET_LIMIT = 20;

/**
 * The sample counted in the statement, in one pass over it: one row per department, region and decision year
 * (grouping sets), and a last row (the empty set) with the sample's size and every category of it in one string.
 * Before, the statement returned the sample itself (201 rows, ~13 KB of JSON) and the API counted it: that parse
 * and count were ~0.1 ms of the API's CPU on every full page. Four ordered top-20 subqueries cost the database
 * ~0.13 ms more a search (the sample materialised, sorted four times); this costs it nothing measurable, because
 * the sample is read once, as before. The API sorts the few buckets (facetsFromGroups).
 */
const FACET_GROUPS = `(SELECT json_agg(json_build_array(g, v, l, c)) FROM (
             SELECT grouping(department_code, region_code, y) AS g,
                    CASE grouping(department_code, region_code, y) WHEN 3 THEN department_code WHEN 5 THEN region_code WHEN 6 THEN y
                         ELSE string_agg(array_to_string(penalty_categories, ','), ',') END AS v,
                    min(department_name COLLATE "C") AS l, count(*)::int AS c
               FROM (SELECT department_code, department_name, region_code, date_part('year', decision_date)::int::text AS y, penalty_categories FROM sample) s
              GROUP BY GROUPING SETS ((department_code), (region_code), (y), ())) f)`;

/** One row of FACET_GROUPS: which set (grouping()'s bits), the value, a department's smallest name, the count. */
export type FacetGroupRow = [number, string | null, string | null, number];

// grouping(department_code, region_code, y): a bit set for each column the row is not grouped by.
const BY_DEPARTMENT = 3;
const BY_REGION = 5;
const BY_YEAR = 6;

/**
 * The sample's size and facets from FACET_GROUPS' rows: each facet's buckets most frequent first, then by value
 * (JavaScript's <, as the tests' reference count, testing/sample-rows.ts), at most FACET_LIMIT. A department's
 * label is the smallest of its names in byte order (COLLATE "C"): code point order, which is JavaScript's order
 * for every character but those beyond U+FFFF. Categories are enum codes, so a comma never occurs in one.
 */
export function facetsFromGroups(rows: readonly FacetGroupRow[] | null): { sampled: number; facets: DisclosureFacets } {
  const departments: FacetBucket[] = [];
  const regions: FacetBucket[] = [];
  const years: FacetBucket[] = [];
  const categories = new Map<string, number>();
  let sampled = 0;
  for (const [set, value, label, count] of rows ?? []) {
    if (set === BY_DEPARTMENT) {
      if (value !== null) departments.push({ value, label, count });
    } else if (set === BY_REGION || set === BY_YEAR) {
      if (value !== null) (set === BY_REGION ? regions : years).push({ value, label: null, count });
    } else {
      sampled = count;
      for (const category of value === null ? [] : value.split(',')) if (category !== '') categories.set(category, (categories.get(category) ?? 0) + 1);
    }
  }
  const top = (buckets: FacetBucket[]) => buckets.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0)).slice(0, FACET_LIMIT);
  return {
    sampled,
    facets: { departments: top(departments), regions: top(regions), years: top(years), categories: top([...categories].map(([value, count]) => ({ value, label: null, count }))) },
  };
}

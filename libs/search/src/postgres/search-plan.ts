// How a search reaches its matches, chosen from the token statistics rather than left to the planner: walk the
// newest-first index or look the rarest keys up in GIN, and which keys. buildSearchSql writes the statement.
import { signatureThen } from './token-signature';

/** Share of documents holding a key, from the column's most-common-elements statistics, and the row count. */
export interface TokenStats {
  rows: number;
  frequency(key: number): number;
  /** Share of rows decided within [from, to] (ISO dates, either open), from decision_date's statistics; null: unknown. */
  dateShare?(from: string | null, to: string | null): number | null;
}

/** No statistics yet (an empty or never analysed table): every key counts as rare. */
export const NO_TOKEN_STATS: TokenStats = { rows: 0, frequency: () => 0 };

const dayOf = (date: string): number => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

/**
 * Share of values within [from, to] from an equal-frequency histogram's bounds (pg_stats.histogram_bounds: each
 * of the n buckets between n + 1 ascending bounds holds 1/n of the rows), interpolating linearly within a bucket,
 * as the planner does. `to` is inclusive: the range ends where the next day starts. The bounds are read once
 * (the statistics are loaded every ten minutes, the share asked on every search with a date filter); null
 * without a histogram.
 */
export function histogramShareOf(bounds: string[]): ((from: string | null, to: string | null) => number) | null {
  if (bounds.length < 2) return null;
  const days = bounds.map(dayOf);
  const buckets = days.length - 1;
  const position = (day: number): number => {
    if (day <= days[0]) return 0;
    if (day > days[buckets]) return buckets;
    // The first bucket that ends on or after the day: a run of equal bounds (a date common enough to fill whole
    // buckets) lies after the day, not before it. days[i] < day <= days[i + 1], so the divisor is positive.
    let i = 0;
    while (days[i + 1] < day) i++;
    return i + (day - days[i]) / (days[i + 1] - days[i]);
  };
  return (from, to) => {
    const start = from === null ? 0 : position(dayOf(from));
    const end = to === null ? buckets : position(dayOf(to) + 1);
    return Math.max(0, end - start) / buckets;
  };
}

/** decision_date's statistics (pg_stats): its most common values with their frequencies, and the histogram of the rest. */
export interface DateStats {
  common: string[];
  commonFrequencies: number[];
  nullFraction: number;
  histogram: string[];
}

/**
 * Share of rows decided within [from, to], as the planner reckons it: the most common dates in the range, plus the
 * histogram's share of the rows that are neither common nor null. Null when ANALYZE has not run.
 */
export function dateRangeShareOf(stats: DateStats): (from: string | null, to: string | null) => number | null {
  const histogram = histogramShareOf(stats.histogram);
  const rest = Math.max(0, 1 - stats.nullFraction - stats.commonFrequencies.reduce((sum, frequency) => sum + frequency, 0));
  return (from, to) => {
    if (histogram === null && stats.common.length === 0) return null;
    const inRange = (date: string) => (from === null || date >= from) && (to === null || date <= to);
    const common = stats.common.reduce((sum, date, i) => sum + (inRange(date) ? stats.commonFrequencies[i] : 0), 0);
    return common + rest * (histogram?.(from, to) ?? 0);
  };
}

/**
 * Whether a sample drawn through GIN should test its date range on the rows the lookup returns, instead of ANDing
 * in a bitmap of every row in the range (which the planner likes; a btree bitmap costs about one GIN entry's worth
 * per row in range: 96,573 rows and 13.6 ms for a month of the bench's 1M, where 201 matches of 物流 were found
 * among the first ~2,100 rows the lookup returned). A returned row costs about HEAP_ROW_COST_IN_GIN_ENTRIES; the
 * sample stops at `sample` matches, or reads every match of the keys (`keyShare` of the rows) when the range holds
 * fewer. A narrow range (a day) keeps the bitmap: then few rows are in it and most returned rows would be outside.
 * The estimate takes the words and the dates as independent; should the keys have no match in the range at all
 * (a word that appeared later), every match of the keys is read, so that worst case is bounded too: at most
 * WORST_CASE_FACTOR times the bitmap it replaces.
 */
export function testDatesAfterLookup(dateShare: number | null, keyShare: number, sample: number, rows: number): boolean {
  if (dateShare === null || dateShare <= 0 || rows <= 0) return false;
  const bitmap = dateShare * rows;
  const everyMatch = keyShare * rows * HEAP_ROW_COST_IN_GIN_ENTRIES;
  const expected = Math.min(keyShare * rows, sample / dateShare) * HEAP_ROW_COST_IN_GIN_ENTRIES;
  return expected < bitmap && everyMatch <= WORST_CASE_FACTOR * bitmap;
}
const HEAP_ROW_COST_IN_GIN_ENTRIES = 15;
const WORST_CASE_FACTOR = 8;

/** The page walks the newest-first index when at least this share of rows match (≤ ~10,000 rows read for 21). */
export const PAGE_WALK_MIN_SHARE = 0.002;
/**
 * Below this share a walk tests the keys' signature on the newest-first index and reads from the table only the
 * rows it lets through (buildSearchSql's walk), each twice by record_id (to test its tokens, then whole); above it,
 * most walked rows are matches anyway, and the walk reads each row directly, once. Paired on the bench's 1M (generic
 * plans, full page): 食品 (22 %) 2.79 → 2.45 ms through the signature, 许可 (32 %) 1.75 → 2.26, a city every row is
 * in 1.06 → 1.56; 排放 (10 %) 5.15 → 2.90.
 */
export const SIGNED_WALK_MAX_SHARE = 0.25;
/**
 * Walking a row (an index entry, its publication dates and token signature tested on the index: ~0.5 µs) costs about
 * three times reading one entry of a GIN posting list (~0.15 µs) here, so a sample of n matches walks (n / share
 * rows) when that is cheaper than the bitmap (share × rows entries): from share = √(3 n / rows), 2.5 % for 201
 * matches among 1,000,000 rows. It was ten (4.5 %) while a walk read each row from the table (~2 µs); at three,
 * paired against 0668b95 (generic plans, a quiet machine), the long tail's 15 filter searches that change took
 * 112.6 → 88.8 and 111.5 → 91.8 ms, the head mix's 8 ×0.98–1.04 (neutral). A block sample of the table, which
 * served the words between √(3 n / rows) and the walk before, no longer had a share of its own and went: on the
 * bench's 1M without sample buckets, 超市 8.90 → 6.15 ms walking, 茶叶 8.59 → 5.65, 家电 6.56 → 4.46.
 */
export function sampleWalkMinShare(sample: number, rows: number): number {
  return Math.min(1, Math.sqrt((WALK_COST_IN_GIN_ENTRIES * sample) / Math.max(rows, 1)));
}
const WALK_COST_IN_GIN_ENTRIES = 3;
/** The GIN lookup uses only the rarest keys; the others are checked on the few rows it returns. */
export const GIN_LOOKUP_KEYS = 3;

/**
 * Walking the newest-first index and testing each row is the fastest way to the newest matches of a frequent
 * word and the slowest possible for a rare one (it reads the whole index when nothing matches); the GIN bitmap
 * is the reverse. The planner guesses badly for keys outside its statistics, so the choice is made here, from
 * the statistics, assuming independent keys (an underestimate for the overlapping bigrams of one word, which
 * errs towards GIN, whose cost is bounded by the posting lists, rather than towards a walk, whose cost is not).
 */
export function estimatedShare(keys: number[], stats: TokenStats): number {
  return keys.reduce((share, key) => share * stats.frequency(key), 1);
}

/**
 * The share when each term's bigrams occur together but terms and filters are independent of one another (the
 * product of each AND group's rarest share): 医疗器械 不合, 8.7 % × 30 %, where the fully independent estimate
 * says 0.087³ × 30 % and the fully correlated one 8.7 %.
 */
export function termwiseShare(groups: number[][], stats: TokenStats): number {
  return mergeOverlapping(groups).reduce((share, group) => share * Math.min(...group.map((key) => stats.frequency(key))), 1);
}

/** Groups that share a key are one group: 天长 and 天长市 hold the same 天长, which must count once, not squared. */
function mergeOverlapping(groups: number[][]): number[][] {
  let merged: number[][] = [];
  for (const group of groups.filter((g) => g.length > 0)) {
    const overlapping = merged.filter((m) => m.some((key) => group.includes(key)));
    merged = [...merged.filter((m) => !overlapping.includes(m)), [...new Set([...group, ...overlapping.flat()])]];
  }
  return merged;
}

/**
 * Rows a bounded sample walk may read before giving up for the GIN lookup: about what the lookup itself costs
 * (in walked rows), so a wrong guess at most doubles the cost, and a right one (correlated keys, far more matches
 * than the independent estimate) saves nearly all of it. GIN intersects the lookup keys by stepping along the
 * rarest one and skipping through the others' posting trees, so the rarest list is most of its cost, not their
 * sum: 食品 + 运输 (226,940 and 50,213 entries) took 6.6 ms, what 50,000 entries take, not 277,000 (decoding the
 * others' lists adds ~10 ns an entry, which is why a key of the same term is left out when it rules out little:
 * worthLookingUp).
 */
export function walkBudget(lookupKeys: number[], stats: TokenStats): number {
  return Math.round(Math.min(MAX_WALK_BUDGET, lookupEntries(lookupKeys, stats) / WALK_COST_IN_GIN_ENTRIES));
}
const MAX_WALK_BUDGET = 50_000;

/** What a GIN lookup of these keys costs, in posting entries: its rarest list (see walkBudget). */
function lookupEntries(lookupKeys: number[], stats: TokenStats): number {
  return lookupKeys.length === 0 ? 0 : Math.min(...lookupKeys.map((key) => stats.frequency(key))) * stats.rows;
}

/**
 * The keys the GIN lookup intersects, at most GIN_LOOKUP_KEYS. `groups` are the AND groups of the search: each
 * query term's bigrams, and each filter key alone. The candidates are each group's rarest key (the rarest groups
 * first, when there are more groups than places), then the rarest keys left. The bigrams of one
 * term often occur together (医疗, 疗器, 器械: the same 87,546 rows of the bench's 1M), so the three rarest keys
 * overall could all come from one term and leave another term (排放) or a region to be tested on each of those
 * rows: 1.3 s for 医疗器械 排放 on an idle server, against tens of milliseconds when both terms are looked up.
 *
 * The first candidate always goes in; a later one only when it is worth its posting list (see worthLookingUp), so
 * places may stay empty: 永盛食品 looks up
 * 盛食 and 永盛 (1,365 and 21,052 entries, 709 rows) and tests 食品 on those rows, rather than stepping through
 * 食品's 225,986 entries, which GIN decodes nearly all of when the rows it seeks are spread over every page of the
 * list (one lookup 3.5 → 1.6 ms).
 */
export function ginLookupKeys(groups: number[][], stats: TokenStats): number[] {
  const byRarity = (a: number, b: number) => stats.frequency(a) - stats.frequency(b);
  const firsts = [...new Set(groups.filter((group) => group.length > 0).map((group) => [...group].sort(byRarity)[0]))].sort(byRarity).slice(0, GIN_LOOKUP_KEYS);
  const rest = [...new Set(groups.flat())].filter((key) => !firsts.includes(key)).sort(byRarity);
  const lookup: number[] = [];
  for (const key of [...firsts, ...rest]) {
    if (lookup.length === GIN_LOOKUP_KEYS) break;
    if (lookup.length === 0 || worthLookingUp(key, lookup, groups, stats)) lookup.push(key);
  }
  return lookup;
}

/**
 * Whether intersecting `key`'s posting list costs less than testing it on the rows the keys already chosen
 * return. Intersecting costs decoding about its whole list, ~10 ns an entry (GIN skips along it, but decodes a page
 * of it for each row it seeks, and the rows of a rarer key fall on nearly every page of a frequent one); the bitmap
 * GIN builds costs far more per entry but only for the rows all keys share (walkBudget); testing costs a containment
 * test per returned row, plus, for a key of another term or filter (taken as independent), fetching the rows it
 * would have ruled out. Within a term the bigrams are taken to go together: the key rules out few rows.
 */
function worthLookingUp(key: number, lookup: number[], groups: number[][], stats: TokenStats): boolean {
  const among = (keys: number[]) => groups.map((group) => group.filter((k) => keys.includes(k)));
  const returned = termwiseShare(among(lookup), stats) * stats.rows;
  const sameTerm = groups.some((group) => group.includes(key) && group.some((k) => lookup.includes(k)));
  const ruledOut = sameTerm ? 0 : 1 - stats.frequency(key);
  const testing = returned * (TEST_ROW_IN_POSTINGS + ruledOut * FETCH_ROW_IN_POSTINGS);
  return stats.frequency(key) * stats.rows <= testing;
}
/** Testing a returned row for one more key (~100-key containment), in decoded posting-list entries (~10 ns each). */
const TEST_ROW_IN_POSTINGS = 30;
/** Fetching a heap row that the key would have ruled out, in decoded posting-list entries. */
const FETCH_ROW_IN_POSTINGS = 250;

/**
 * For a GIN lookup: `tokens @> lookupKeys` (indexable) and, when the lookup leaves keys out, `arraycontains(tokens,
 * all)`: the function form of the operator is not indexable, so the frequent keys (公司, 有限, 食品 …) do not make GIN
 * intersect huge posting lists. For a walk: only the function form, so that no plan but the walk is possible.
 */
export function containsAll(all: string, keys: number[], lookupKeys: number[], p: (value: unknown, cast: string) => string, walk: boolean, mask: () => string): string {
  if (keys.length === 0) return 'true';
  // A walked row is tested against the keys' signature first (token-signature.ts).
  if (walk) return signatureThen(mask(), `arraycontains(tokens, ${all})`);
  // The lookup is a subset of the keys: when it holds every one of them, the operator alone says it all.
  if (lookupKeys.length === new Set(keys).size) return `tokens @> ${all}`;
  return `tokens @> ${p(lookupKeys, 'bigint[]')} AND arraycontains(tokens, ${all})`;
}

import { buildSearchSql, PAGE_WALK_MIN_SHARE, sampleWalkMinShare, TokenStats } from './postgres-search.sql';
import { SIGNED_WALK_MAX_SHARE } from './search-plan';
import { documentTokens, filterKeys, tokenKey } from './postgres-search.tokens';
import { dateRangeShareOf, histogramShareOf, termwiseShare, testDatesAfterLookup } from './search-plan';

const histogramShare = (bounds: string[], from: string | null, to: string | null) => histogramShareOf(bounds)?.(from, to) ?? null;
import { parseQuery, ParsedQuery } from '../search-text';
import { contractDoc } from '../search-index.contract';

const stats = (shares: Record<string, number>): TokenStats => {
  const byKey = new Map(Object.entries(shares).map(([token, share]) => [tokenKey(token), share]));
  return { rows: 1_000_000, frequency: (key) => byKey.get(key) ?? 0 };
};
const input = (query: string | null, filter = {}) => ({
  table: 'public_disclosures', query: query ? (parseQuery(query) as ParsedQuery) : null, filter, asOf: '2026-11-28', limit: 20, countBound: 1000, cursor: null,
});

/** Parameters the statement sends but never uses: PostgreSQL refuses a statement with one it cannot type. */
const unreferenced = (sql: { text: string; params: unknown[] }) => sql.params.map((_, i) => i + 1).filter((n) => !new RegExp(`\\$${n}(?!\\d)`).test(sql.text));

describe('tokenKey', () => {
  it('is a stable 53-bit integer, different for different tokens', () => {
    expect(tokenKey('食品')).toBe(tokenKey('食品'));
    expect(Number.isSafeInteger(tokenKey('食品'))).toBe(true);
    const keys = new Set(['食品', '品食', '假冒', 'u:91341102MA2N0ABC1X', 'x:食品', 'a', 'b', ''].map(tokenKey));
    expect(keys.size).toBe(8);
  });
});

describe('documentTokens and filterKeys', () => {
  it('hold bigrams and prefixed keys that filters look up', () => {
    const doc = contractDoc({ partyName: '滁州食品', uscc: '91341102ma2n0abc1x', regionCode: '341102', departmentCode: 'CZ-SWJ', penaltyCategories: ['FINE'], severity: 'SERIOUS' });
    const tokens = documentTokens(doc);
    expect(tokens).toEqual(expect.arrayContaining(['滁州', '州食', '食品', 'x:滁州食品', 'u:91341102MA2N0ABC1X', 'r:34', 'r:3411', 'r:341102', 'g:CZ-SWJ', 'c:FINE', 's:SERIOUS']));
    expect(filterKeys({ regionCode: '341100', departmentCode: 'CZ-SWJ', penaltyCategory: 'FINE', severity: 'SERIOUS', uscc: '91341102ma2n0abc1x' }))
      .toEqual(['r:3411', 'g:CZ-SWJ', 'c:FINE', 's:SERIOUS', 'u:91341102MA2N0ABC1X']);
  });
});

describe('buildSearchSql plan choice', () => {
  /** How the statement reaches the page and the sample: a walk of the newest-first index, GIN, or both. */
  const shape = (sql: string) => {
    // One GIN lookup for both: the page's newest matches and the sample's any matches come from `matches`.
    if (sql.includes('matches AS MATERIALIZED (')) return { page: 'gin', sample: 'gin' };
    const walked = sql.includes('walked AS (');
    const page = sql.slice(sql.indexOf('page AS ('), sql.indexOf('sample AS ('));
    const sample = sql.slice(sql.indexOf('sample AS ('), sql.indexOf('SELECT (SELECT coalesce'));
    return {
      page: sql.includes('page_walk AS (') ? 'walk, then gin' : /record_id DESC LIMIT \d+\)/.test(page) && !page.includes('OFFSET 0) m') ? 'walk' : 'gin',
      sample: walked ? 'walk, then gin' : sample.includes('OFFSET 0) m') ? 'gin' : 'walk',
    };
  };

  it('walks through the signatures on the index below SIGNED_WALK_MAX_SHARE, and reads rows directly above it', () => {
    // The page tests a walked row's keys in a CASE, the sample in the visit that brings back the facets' columns.
    const signed = /CASE WHEN token_signature IS NULL OR .{0,200} THEN \(SELECT arraycontains\(x\.tokens, |\(SELECT ARRAY\[x\.department_code, .{0,200} AND arraycontains\(x\.tokens, .{0,300} CASE WHEN token_signature IS NULL OR .{0,200} THEN true END /s;
    const direct = /CASE WHEN token_signature IS NULL OR .{0,200} THEN arraycontains\(tokens, /;
    // 排放 at 15 %: the page and the sample (1,001, walked from 5.5 %) walk, both through the signatures
    const rare = buildSearchSql(input('排放'), stats({ 排放: 0.15 })).text;
    expect(rare.match(new RegExp(signed, 'gs'))).toHaveLength(2);
    expect(rare).not.toMatch(direct);
    // 许可 at 32 %: most walked rows match, and each is read once, directly
    const common = buildSearchSql(input('许可'), stats({ 许可: SIGNED_WALK_MAX_SHARE + 0.07 })).text;
    expect(common).not.toMatch(signed);
    expect(common.match(new RegExp(direct, 'g'))).toHaveLength(2);
    // termwise: 天长市's two bigrams go together (30 %, not 9 %), so it reads rows directly too
    expect(buildSearchSql(input('天长市'), stats({ 天长: 0.3, 长市: 0.3 })).text).not.toMatch(signed);
  });

  it('looks up only the rarest keys in GIN and checks the others on the rows found', () => {
    const { text, params } = buildSearchSql(input('琅琊区华星食品'), stats({ 琅琊: 0.1, 琊区: 0.1, 区华: 0.001, 华星: 0.02, 星食: 0.001, 食品: 0.2 }));
    expect(text).toContain('arraycontains(tokens,');
    expect(params).toContainEqual([tokenKey('区华'), tokenKey('星食'), tokenKey('华星')]);
  });

  it('looks up every term and filter in GIN, not three bigrams of one term that occur together', () => {
    const shares = { 医疗: 0.087, 疗器: 0.087, 器械: 0.087, 排放: 0.1, 'r:341124': 0.11 };
    const lookupOf = (query: string, filter = {}) => {
      const sql = buildSearchSql(input(query, filter), stats(shares));
      return sql.params[Number(/tokens @> \$(\d+)::bigint\[\] AND arraycontains/.exec(sql.text)?.[1]) - 1];
    };
    expect(lookupOf('医疗器械 排放')).toEqual([tokenKey('医疗'), tokenKey('排放'), tokenKey('疗器')]);
    expect(lookupOf('医疗器械', { regionCode: '341124' })).toEqual([tokenKey('医疗'), tokenKey('r:341124'), tokenKey('疗器')]);
  });

  it('leaves a key out of the lookup when testing it on the rows found costs less than its posting list', () => {
    // 永盛食品: 盛食 and 永盛 find ~1,400 rows; 食品 (22 % of rows) is tested on them rather than intersected
    const shares = { 永盛: 0.021, 盛食: 0.0014, 食品: 0.22, 运输: 0.05, 'r:341124': 0.11 };
    const lookupOf = (query: string, filter = {}) => {
      const sql = buildSearchSql(input(query, filter), stats(shares));
      const lookup = /tokens @> \$(\d+)::bigint\[\]( AND arraycontains\(tokens, \$(\d+))?/.exec(sql.text);
      return { lookup: sql.params[Number(lookup?.[1]) - 1], tested: lookup?.[3] ? sql.params[Number(lookup[3]) - 1] : null };
    };
    const name = lookupOf('永盛食品');
    expect(name.lookup).toEqual([tokenKey('盛食'), tokenKey('永盛')]);
    expect(name.tested).toEqual(expect.arrayContaining([tokenKey('食品'), tokenKey('盛食'), tokenKey('永盛')]));
    // another term or a filter rules rows out (taken as independent): worth intersecting even when frequent; then
    // ~70 or ~150 rows are found, and 永盛 is tested on them
    expect(lookupOf('永盛食品 运输').lookup).toEqual([tokenKey('盛食'), tokenKey('运输')]);
    expect(lookupOf('永盛食品', { regionCode: '341124' }).lookup).toEqual([tokenKey('盛食'), tokenKey('r:341124')]);
    // when every key is in the lookup, the operator alone tests them
    const alone = buildSearchSql(input('盛食'), stats(shares)).text;
    expect(alone).toMatch(/tokens @> \$\d+::bigint\[\]\)/);
    expect(alone).not.toContain('arraycontains(tokens, $');
  });

  it('walks first for the page too when the bigrams of a word go together, and looks up GIN only if that fell short', () => {
    const together = stats({ 医疗: 0.087, 疗器: 0.087, 器械: 0.087 });
    const { text } = buildSearchSql({ ...input('医疗器械'), countBound: 200 }, together);
    // independent, 0.087³ = 0.07 % of rows would match (GIN); together, 8.7 %: 21 matches within ~240 rows
    expect(shape(text)).toEqual({ page: 'walk, then gin', sample: 'walk, then gin' });
    // 1,001 matches take ~11,500 walked rows, within what the GIN lookup costs (87,000 entries ≈ 29,000 walked rows);
    // with the bigrams far rarer (1.5 %: 15,000 entries ≈ 5,000 rows, and ~67,000 rows to walk) GIN looks them up
    expect(shape(buildSearchSql(input('医疗器械'), together).text)).toEqual({ page: 'walk, then gin', sample: 'walk, then gin' });
    expect(shape(buildSearchSql(input('医疗器械'), stats({ 医疗: 0.015, 疗器: 0.015, 器械: 0.015 })).text).sample).toBe('gin');
    expect(text).toMatch(/NOT \(SELECT count\(\*\) FROM page_walk\) >= 21/);
    // a next page walks from its cursor on
    const next = buildSearchSql({ ...input('医疗器械'), cursor: { tier: 1, date: '2026-10-01', id: '77' } }, together);
    expect(next.text).toMatch(/page_walk AS \(SELECT .* WHERE NOT withdrawn AND .*\(decision_date, record_id\) < \(\$\d+::date, \$\d+::bigint\) ORDER BY decision_date DESC, record_id DESC LIMIT \d+\) c/s);
    // two terms, each frequent: 8.7 % × 30 % of rows, ~800 walked for a page
    expect(shape(buildSearchSql(input('医疗器械 不合'), stats({ 医疗: 0.087, 疗器: 0.087, 器械: 0.087, 不合: 0.3 })).text).page).toBe('walk, then gin');
    // rare bigrams, or one rare bigram among frequent ones (盛食 in 永盛食品): straight to GIN
    expect(shape(buildSearchSql(input('医疗器械'), stats({ 医疗: 0.0001, 疗器: 0.0001, 器械: 0.0001 })).text).page).toBe('gin');
    expect(shape(buildSearchSql(input('永盛食品'), stats({ 永盛: 0.021, 盛食: 0.0013, 食品: 0.226 })).text).page).toBe('gin');
  });

  it('walks the newest-first index for a frequent word, page and sample, with no indexable token test', () => {
    const { text } = buildSearchSql(input('食品'), stats({ 食品: 0.2 }));
    expect(shape(text)).toEqual({ page: 'walk', sample: 'walk' });
    // only the exact tier (whole name, USCC, decision number) goes through GIN, once for page and sample
    expect(text.match(/tokens (@>|&&) \$/g)).toEqual(['tokens && $']);
  });
  it('takes the GIN matches first for a rare word or one outside the statistics', () => {
    for (const share of [0, PAGE_WALK_MIN_SHARE / 2]) {
      const { text } = buildSearchSql(input('野生'), stats({ 野生: share }));
      expect(shape(text)).toEqual({ page: 'gin', sample: 'gin' });
    }
  });
  it('walks the page but samples through GIN between the two thresholds', () => {
    // √(3 · 1,001 / 1,000,000)
    expect(sampleWalkMinShare(1001, 1_000_000)).toBeCloseTo(0.0548, 3);
    const { text } = buildSearchSql(input('纳税'), stats({ 纳税: 0.05 }));
    expect(shape(text)).toEqual({ page: 'walk', sample: 'gin' });
  });
  it('walks for the sample of a word of a few percent from √(3 n / rows), and looks it up in GIN below', () => {
    // 家电 at 3.4 % without sample buckets: 201 matches in ~5,900 walked rows, against a posting list of 34,000 entries
    const { text } = buildSearchSql({ ...input('家电'), countBound: 200 }, stats({ 家电: 0.034 }));
    expect(shape(text)).toEqual({ page: 'walk', sample: 'walk' });
    // below √(3 × 201 / 1,000,000) ≈ 2.5 % the posting list is cheaper
    expect(shape(buildSearchSql({ ...input('家电'), countBound: 200 }, stats({ 家电: 0.02 })).text).sample).toBe('gin');
    // a larger sample needs more rows: 1,001 matches at 3.4 % (below √(3 × 1,001 / 1M) ≈ 5.5 %) stay with GIN
    expect(shape(buildSearchSql(input('家电'), stats({ 家电: 0.034 })).text).sample).toBe('gin');
  });
  it('looks the page up with the sample when the page would not walk, and walks it when it would', () => {
    // 超市 虚假 at 5 % × 3 % = 0.15 %, under PAGE_WALK_MIN_SHARE: the page and the sample share one lookup
    expect(shape(buildSearchSql(input('超市 虚假'), stats({ 超市: 0.05, 虚假: 0.03 })).text)).toEqual({ page: 'gin', sample: 'gin' });
    expect(buildSearchSql(input('超市 虚假'), stats({ 超市: 0.05, 虚假: 0.03 })).text).toContain('matches AS MATERIALIZED');
    // at 5 % × 6 % = 0.3 %, the page walks (~7,000 index entries) rather than read the ~3,000 matches from the table
    const pair = stats({ 超市: 0.05, 虚假: 0.06 });
    expect(shape(buildSearchSql(input('超市 虚假'), pair).text)).toEqual({ page: 'walk', sample: 'gin' });
    // without a sample, the page looked up alone reads every match whole: it walks from PAGE_WALK_MIN_SHARE
    const pageOnly = buildSearchSql({ ...input('超市 虚假'), count: false, facets: false }, pair).text;
    expect(pageOnly).not.toContain('tokens @>');
    // (the signatures tested on the newest-first index, the tokens only of the rows they let through)
    expect(pageOnly).toMatch(/record_id NOT IN \(SELECT sort_id FROM exact\) AND CASE WHEN token_signature IS NULL OR .+ THEN \(SELECT arraycontains\(x\.tokens, \$\d+::bigint\[\]\) FROM public_disclosures x WHERE x\.record_id = c\.record_id\) END ORDER BY decision_date DESC, record_id DESC LIMIT 21/);
    // the bigrams of one term go together: 天长市 is ~5 % (termwise), not 0.3 %, and its page still walks
    expect(shape(buildSearchSql(input('天长市'), stats({ 天长: 0.05, 长市: 0.06 })).text)).toEqual({ page: 'walk', sample: 'gin' });
    // a page scoped to a department's own index stays scoped
    const scoped = buildSearchSql({ ...input('假冒', { departmentCode: 'CZ-SWJ' }), countBound: 200 }, stats({ 假冒: 0.01, 'g:CZ-SWJ': 0.3 })).text;
    expect(scoped).toMatch(/page_walk AS \(SELECT [^\n]*department_code = \$\d+::text/);
    expect(scoped).not.toContain('matches AS');
    // without statistics every key counts as rare: the sample stops at its bound instead of keeping every match
    expect(buildSearchSql(input('食品')).text).not.toContain('matches AS');
  });
  it('writes the operator alone when the lookup holds every key', () => {
    const { text, params } = buildSearchSql(input('超市 虚假'), stats({ 超市: 0.05, 虚假: 0.03 }));
    const lookup = /matches AS MATERIALIZED \(SELECT [^\n]* tokens @> \$(\d+)::bigint\[\]\)/.exec(text);
    expect(params[Number(lookup?.[1]) - 1]).toEqual(expect.arrayContaining([tokenKey('超市'), tokenKey('虚假')]));
    expect(text).not.toContain('arraycontains(tokens, $');
  });
  it('multiplies the shares of a word and a filter, and walks when nothing narrows the list', () => {
    // a penalty category has no index of its own to walk (a department, severity or county has: see below)
    const narrow = buildSearchSql(input('食品', { penaltyCategory: 'REVOKE_LICENSE' }), stats({ 食品: 0.2, 'c:REVOKE_LICENSE': 0.005 }));
    expect(shape(narrow.text)).toEqual({ page: 'gin', sample: 'gin' });
    expect(shape(buildSearchSql(input(null), stats({})).text)).toEqual({ page: 'walk', sample: 'walk' });
  });
  it('tries a bounded walk for the sample when the bigrams of a word may occur together (天长 + 长市)', () => {
    const { text } = buildSearchSql(input('天长市'), stats({ 天长: 0.12, 长市: 0.12 }));
    expect(shape(text)).toEqual({ page: 'walk', sample: 'walk, then gin' });
    // the GIN lookup only runs when the walk found fewer matches than the sample needs
    expect(text).toMatch(/NOT \(SELECT count\(\*\) FROM walked\) >= 1001/);
    // a word and an independent filter are not assumed to go together
    const filtered = buildSearchSql(input('天长市', { penaltyCategory: 'FINE' }), stats({ 天长: 0.12, 长市: 0.12, 'c:FINE': 0.1 }));
    expect(shape(filtered.text).sample).toBe('gin');
  });
  it('does not assume that two words go together: two frequent words seldom met together sample through GIN', () => {
    // 食品 运输 on the bench's 1M: 22.7 % × 5.0 % of rows. As one word (all bigrams together) the sample would
    // have walked the whole budget (27,715 rows, 64 ms, 200 matches) and then looked them up anyway.
    const pair = stats({ 食品: 0.227, 运输: 0.05 });
    expect(shape(buildSearchSql({ ...input('食品 运输'), countBound: 200 }, pair).text).sample).toBe('gin');
    // two words met together often enough for the sample to be found within the GIN lookup's cost still walk first
    const often = stats({ 医疗: 0.1, 疗器: 0.1, 器械: 0.1, 运输: 0.3 });
    expect(shape(buildSearchSql({ ...input('医疗器械 运输'), countBound: 200 }, often).text).sample).toBe('walk, then gin');
  });
  it('counts a bigram shared by two terms once (天长 天长市 match as often as 天长市)', () => {
    const shared = stats({ 天长: 0.12, 长市: 0.12 });
    expect(termwiseShare([[tokenKey('天长')], [tokenKey('天长'), tokenKey('长市')]], shared)).toBeCloseTo(0.12, 5);
    expect(shape(buildSearchSql({ ...input('天长 天长市'), countBound: 200 }, shared).text)).toEqual(shape(buildSearchSql({ ...input('天长市'), countBound: 200 }, shared).text));
  });
  it('walks a department, severity or county filter through its own newest-first index, testing the other keys on its rows', () => {
    const scopeOf = (text: string, cte: 'page_walk' | 'walked') => /(\w+) = \$\d+::text/.exec(text.slice(text.indexOf(`${cte} AS (`)).split(') w')[0])?.[1] ?? null;
    // 食品 in a department holding 0.5 % of rows: ~80 of its rows for a page and ~400 for a sample of 201, where
    // GIN would look up the department's 5,000 entries (≈ 500 walked rows)
    const department = buildSearchSql({ ...input('食品', { departmentCode: 'CZ-HBJ' }), countBound: 200 }, stats({ 食品: 0.5, 'g:CZ-HBJ': 0.005 }));
    expect(shape(department.text)).toEqual({ page: 'walk, then gin', sample: 'walk, then gin' });
    // a sample of 1,001 would walk ~2,000 of them: GIN
    expect(shape(buildSearchSql(input('食品', { departmentCode: 'CZ-HBJ' }), stats({ 食品: 0.5, 'g:CZ-HBJ': 0.005 })).text).sample).toBe('gin');
    expect([scopeOf(department.text, 'page_walk'), scopeOf(department.text, 'walked')]).toEqual(['department_code', 'department_code']);
    expect(department.params).toContain('CZ-HBJ');
    // a filter alone: the first rows of its index are the page and the sample, nothing to test
    const county = buildSearchSql(input(null, { regionCode: '341102' }), stats({ 'r:341102': 0.12 }));
    expect([scopeOf(county.text, 'page_walk'), scopeOf(county.text, 'walked')]).toEqual(['region_code', 'region_code']);
    // the rarer of two scopable filters; a city spans several region codes and is not one
    const both = buildSearchSql(input('假冒', { regionCode: '341102', severity: 'SERIOUS' }), stats({ 假冒: 0.15, 'r:341102': 0.12, 's:SERIOUS': 0.04 }));
    expect(scopeOf(both.text, 'page_walk')).toBe('severity');
    const city = buildSearchSql(input('假冒', { regionCode: '341100' }), stats({ 假冒: 0.15, 'r:3411': 0.5 }));
    expect(city.text).not.toMatch(/region_code = /);
    // a word rare within the filter's rows stays with GIN, and without statistics nothing is scoped
    expect(shape(buildSearchSql(input('野生', { departmentCode: 'CZ-HBJ' }), stats({ 野生: 0.00001, 'g:CZ-HBJ': 0.1 })).text)).toEqual({ page: 'gin', sample: 'gin' });
    expect(buildSearchSql(input('食品', { departmentCode: 'CZ-HBJ' })).text).not.toMatch(/department_code = /);
  });
});

describe('date ranges', () => {
  // Four equal buckets: January to April 2026, a quarter of the rows each.
  const bounds = ['2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01', '2026-05-01'];
  it('estimates the share of rows in a range from decision_date\'s histogram, interpolating within a bucket', () => {
    expect(histogramShare(bounds, null, null)).toBe(1);
    expect(histogramShare(bounds, '2026-02-01', '2026-02-28')).toBeCloseTo(0.25, 5);
    expect(histogramShare(bounds, '2026-01-01', '2026-01-16')).toBeCloseTo(0.25 * (16 / 31), 5);
    expect(histogramShare(bounds, '2025-01-01', '2025-12-31')).toBe(0);
    expect(histogramShare(bounds, '2026-04-01', null)).toBeCloseTo(0.25, 5);
    expect(histogramShare([], '2026-04-01', null)).toBeNull();
  });
  it('counts a run of equal bounds (a date filling whole buckets) inside a range that starts on that date', () => {
    // a third of the rows before 1 January, two thirds on it or in January
    const runs = ['2025-12-01', '2026-01-01', '2026-01-01', '2026-02-01'];
    expect(histogramShare(runs, '2026-01-01', '2026-01-31')).toBeCloseTo(2 / 3, 5);
    expect(histogramShare(runs, null, '2025-12-31')).toBeCloseTo(1 / 3, 5);
    expect(histogramShare(['2026-01-01', '2026-01-01', '2026-01-01', '2026-02-01', '2026-02-01'], '2026-01-01', '2026-01-31')).toBeCloseTo(0.75, 5);
  });
  it('adds the most common dates in the range to the histogram\'s share of the other rows', () => {
    // 40 % of rows on two common dates, 10 % null, the other half spread over the histogram
    const dates = { common: ['2026-02-10', '2026-04-20'], commonFrequencies: [0.3, 0.1], nullFraction: 0.1, histogram: bounds };
    expect(dateRangeShareOf(dates)('2026-02-01', '2026-02-28')).toBeCloseTo(0.3 + 0.5 * 0.25, 5);
    expect(dateRangeShareOf(dates)(null, null)).toBeCloseTo(0.9, 5);
    expect(dateRangeShareOf({ common: [], commonFrequencies: [], nullFraction: 0, histogram: [] })(null, null)).toBeNull();
  });
  it('tests a wide range on the rows a GIN sample returns, and lets a narrow one AND in its bitmap', () => {
    // 物流 (3.4 %) in one month of 1M (9.6 %): ~2,100 rows returned for 201 matches, against a bitmap of 96,000
    expect(testDatesAfterLookup(0.096, 0.034, 201, 1_000_000)).toBe(true);
    // in one day (0.3 %): the 201 matches are not there; all 34,000 rows of 物流 would be read
    expect(testDatesAfterLookup(0.003, 0.034, 201, 1_000_000)).toBe(false);
    expect(testDatesAfterLookup(null, 0.034, 201, 1_000_000)).toBe(false);
    // a word at 4.5 % and a range of 5 %: should the word have no match in the range, all 45,000 of its rows would
    // be read, more than eight times the bitmap of 50,000: keep the bitmap
    expect(testDatesAfterLookup(0.05, 0.045, 201, 1_000_000)).toBe(false);
  });
  it('writes the range outside the GIN fence of a sample looked up on its own, never of the page or a shared lookup', () => {
    // 物流 at 2 %: the page walks, the sample goes through GIN and tests a month's range on the rows it returns
    const wide: TokenStats = { ...stats({ 物流: 0.02 }), dateShare: () => 0.096 };
    const filter = { decisionDateFrom: '2026-10-05', decisionDateTo: '2026-11-05' };
    const { text } = buildSearchSql({ ...input('物流', filter), countBound: 200 }, wide);
    const sample = text.slice(text.indexOf('sample AS ('));
    expect(sample).toMatch(/OFFSET 0\) m WHERE decision_date >= \$\d+::date AND decision_date <= \$\d+::date LIMIT 201/);
    expect(unreferenced(buildSearchSql({ ...input('物流', filter), countBound: 200 }, wide))).toEqual([]);
    // a narrow range stays inside the sample's fence, where GIN's bitmap meets the range's
    const narrow = buildSearchSql({ ...input('物流', filter), countBound: 200 }, { ...wide, dateShare: () => 0.003 });
    const narrowSample = narrow.text.slice(narrow.text.indexOf('sample AS ('));
    expect(narrowSample).not.toMatch(/\) m WHERE decision_date/);
    expect(narrowSample).toMatch(/decision_date >= \$\d+::date AND decision_date <= \$\d+::date AND tokens @> .* OFFSET 0\) m LIMIT 201/);
    // 物流 at 0.1 %: the page too goes through GIN and sorts every match, so the range stays in the bitmap, both in
    // the lookup the page and the sample share and in the page's own lookup when there is no sample
    const rare: TokenStats = { ...wide, ...stats({ 物流: 0.001 }) };
    const shared = buildSearchSql({ ...input('物流', filter), countBound: 200 }, rare).text;
    expect(shared).toMatch(/matches AS MATERIALIZED \(SELECT .* decision_date >= \$\d+::date AND decision_date <= \$\d+::date AND tokens @> /);
    const pageOnly = buildSearchSql({ ...input('物流', filter), countBound: 200, count: false, facets: false }, rare).text;
    expect(pageOnly).toMatch(/decision_date >= \$\d+::date AND decision_date <= \$\d+::date AND tokens @> .* OFFSET 0\) m ORDER BY/);
    for (const statement of [shared, pageOnly]) expect(statement).not.toMatch(/\) m WHERE decision_date/);
  });
  it('looks the matches up once when the page and the sample both go through GIN, and reads only the page whole', () => {
    const rare = stats({ 野生: 0.0001 });
    const { text, params } = buildSearchSql(input('野生'), rare);
    // one GIN lookup (the exact matches have their own, by the whole-query keys), narrow columns kept for both
    expect(text.match(/tokens @> /g)).toHaveLength(1);
    expect(text).toMatch(/matches AS MATERIALIZED \(SELECT record_id, decision_date, department_code, department_name, region_code, penalty_categories FROM/);
    expect(text).toMatch(/FROM public_disclosures WHERE record_id IN \(SELECT record_id FROM matches WHERE record_id NOT IN \(SELECT sort_id FROM exact\) ORDER BY decision_date DESC, record_id DESC LIMIT 21\)\)/);
    expect(text).toContain('(SELECT * FROM matches LIMIT 1001)');
    expect(unreferenced({ text, params })).toEqual([]);
    // a next page keeps its keyset on the shared matches; the count alone shares the keys only
    const next = buildSearchSql({ ...input('野生'), cursor: { tier: 1, date: '2026-11-01', id: '42' } }, rare);
    expect(next.text).toMatch(/FROM matches WHERE record_id NOT IN \(SELECT sort_id FROM exact\) AND \(decision_date, record_id\) < \(\$\d+::date, \$\d+::bigint\) ORDER BY/);
    expect(buildSearchSql({ ...input('野生'), facets: false }, rare).text).toContain('matches AS MATERIALIZED (SELECT record_id, decision_date FROM');
    // without a count there is no sample to share with: the page looks up on its own
    expect(buildSearchSql({ ...input('野生'), count: false, facets: false }, rare).text).not.toContain('matches AS');
  });
});

describe('buildSearchSql parameters', () => {
  // PostgreSQL refuses a statement holding a parameter its text never uses ("could not determine data type of
  // parameter $n"): the public saw SEARCH_UNAVAILABLE for every query of more than three keys that tried the
  // bounded walk first (医疗器械 plus a word or a region, 28 of 8,150 long-tail searches).
  const queries = [null, '食品', '天长市', '医疗器械', '医疗器械 规定', '滁州市华星电器有限公司', '91341102MA2N0ABC1X', '假冒 过期 商标'];
  const filters = [{}, { regionCode: '341124' }, { departmentCode: 'CZ-SWJ', severity: 'SERIOUS' }, { penaltyCategory: 'FINE', decisionDateFrom: '2026-01-01', decisionDateTo: '2026-06-30' }];
  const shares = [0, 0.0005, 0.003, 0.01, 0.03, 0.05, 0.3, 0.9];
  const cases = queries.flatMap((query) => filters.flatMap((filter) => shares.map((share) => [query, filter, share] as const)));
  // a first page, a next page within the other matches, and one that starts after an exact match
  const cursors = [null, { tier: 1 as const, date: '2026-05-01', id: '42' }, { tier: 2 as const, date: '2026-05-01', id: '42' }];

  it.each([true, false])('uses every parameter it sends, whatever the plan (count %p)', (count) => {
    for (const [query, filter, share] of cases) {
      // Every key of the query and the filter at the same share: rare, between the thresholds, or frequent.
      const tokens = [...(query ? (parseQuery(query) as ParsedQuery).tokens : []), ...filterKeys(filter)];
      const keyStats = stats(Object.fromEntries(tokens.map((token) => [token, share])));
      // and with a date range wide enough to be tested outside a GIN sample's fence
      for (const withDates of [keyStats, { ...keyStats, dateShare: () => 0.3 }]) {
        for (const cursor of cursors) {
          const sql = buildSearchSql({ ...input(query, filter), countBound: 200, count, facets: count, cursor }, withDates);
          expect([query, filter, share, cursor, unreferenced(sql)]).toEqual([query, filter, share, cursor, []]);
        }
      }
    }
  });

  it('covers the bounded walk that goes to GIN with more than three keys', () => {
    const sql = buildSearchSql({ ...input('医疗器械设备'), countBound: 200 }, stats(Object.fromEntries((parseQuery('医疗器械设备') as ParsedQuery).tokens.map((token) => [token, 0.05]))));
    expect(sql.text).toContain('walked AS (');
    expect(sql.params.length).toBeGreaterThan(3); // the keys; today is in the text
    expect(unreferenced(sql)).toEqual([]);
  });

  it('writes today into the text as a date literal (the statement runs with a generic plan), and nothing but a real date', () => {
    const sql = buildSearchSql({ ...input('食品'), asOf: '2026-12-06' });
    expect(sql.text).toContain(`published_until >= '2026-12-06'::date`);
    expect(sql.params).not.toContain('2026-12-06');
    for (const bad of ["2026-12-06'; DROP TABLE public_disclosures; --", '2026-02-30', '20261206']) {
      expect(() => buildSearchSql({ ...input('食品'), asOf: bad })).toThrow(RangeError);
    }
  });
});

import { buildSearchSql, documentTokens, filterKeys, PAGE_WALK_MIN_SHARE, sampleWalkMinShare, tokenKey, TokenStats } from './postgres-search.sql';
import { parseQuery, ParsedQuery } from '../search-text';
import { contractDoc } from '../search-index.contract';

const stats = (shares: Record<string, number>): TokenStats => {
  const byKey = new Map(Object.entries(shares).map(([token, share]) => [tokenKey(token), share]));
  return { rows: 1_000_000, frequency: (key) => byKey.get(key) ?? 0 };
};
const input = (query: string | null, filter = {}) => ({
  table: 'public_disclosures', query: query ? (parseQuery(query) as ParsedQuery) : null, filter, asOf: '2026-11-28', limit: 20, countBound: 1000, cursor: null,
});

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
  const walks = (sql: string) => (sql.match(/ORDER BY decision_date DESC, record_id DESC LIMIT/g) ?? []).length;
  const fenced = (sql: string) => (sql.match(/OFFSET 0/g) ?? []).length;

  it('looks up only the rarest keys in GIN and checks the others on the rows found', () => {
    const { text, params } = buildSearchSql(input('琅琊区华星食品'), stats({ 琅琊: 0.1, 琊区: 0.1, 区华: 0.001, 华星: 0.02, 星食: 0.001, 食品: 0.2 }));
    expect(text).toContain('arraycontains(tokens,');
    expect(params).toContainEqual([tokenKey('区华'), tokenKey('星食'), tokenKey('华星')]);
  });

  it('walks the newest-first index for a frequent word, page and sample', () => {
    const { text } = buildSearchSql(input('食品'), stats({ 食品: 0.2 }));
    expect([walks(text), fenced(text)]).toEqual([2, 1]); // tier 1 page + sample walk; exact tier always fenced
  });
  it('takes the GIN matches first for a rare word or one outside the statistics', () => {
    for (const share of [0, PAGE_WALK_MIN_SHARE / 2]) {
      const { text } = buildSearchSql(input('野生'), stats({ 野生: share }));
      expect([walks(text), fenced(text)]).toEqual([0, 2]);
    }
  });
  it('walks the page but samples through GIN between the two thresholds', () => {
    expect(sampleWalkMinShare(1001, 1_000_000)).toBeCloseTo(0.1, 2);
    const { text } = buildSearchSql(input('纳税'), stats({ 纳税: 0.05 }));
    expect([walks(text), fenced(text)]).toEqual([1, 1]);
  });
  it('multiplies the shares of a word and a filter, and walks when nothing narrows the list', () => {
    const narrow = buildSearchSql(input('食品', { departmentCode: 'CZ-HBJ' }), stats({ 食品: 0.2, 'g:CZ-HBJ': 0.005 }));
    expect(walks(narrow.text)).toBe(0);
    expect(walks(buildSearchSql(input(null), stats({})).text)).toBe(2);
  });
});

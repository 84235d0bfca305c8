import { escapeHtml, highlight, normalizeText, parseQuery, regionPrefix, regionPrefixes, tokenize } from './search-text';

describe('tokenize (CJK bigrams, like cjk_width + lowercase + cjk_bigram)', () => {
  it.each<[string, string[]]>([
    ['食品', ['食品']],
    ['假冒食品', ['假冒', '冒食', '食品']],
    ['张*', ['张']],
    ['滁州市ＡＢＣ公司', ['滁州', '州市', 'abc', '公司']],
    ['罚款5000元', ['罚款', '5000', '元']],
    ['食品，食品。', ['食品']],
    ['91341102MA2N0ABC1X', ['91341102ma2n0abc1x']],
    ['', []],
  ])('%j → %j', (text, tokens) => {
    expect(tokenize(text)).toEqual(tokens);
  });

  it('folds full-width letters and case', () => {
    expect(normalizeText('ＵＳＣＣ Abc')).toBe('uscc abc');
  });
});

describe('parseQuery', () => {
  it('parses a text once and shares the result, frozen, so no caller can change it for the next', () => {
    const first = parseQuery('过期 食品');
    expect(parseQuery('过期 食品')).toBe(first);
    if (typeof first === 'string') throw new Error(first);
    expect(() => (first.terms as string[]).push('假冒')).toThrow(TypeError);
    expect(() => Object.assign(first, { exact: '假冒' })).toThrow(TypeError);
    expect(parseQuery('过期 食品')).toEqual({ exact: '过期 食品', terms: ['过期', '食品'], tokens: ['过期', '食品'] });
  });

  it('splits terms on whitespace and unions their tokens', () => {
    expect(parseQuery('  假冒  食品 ')).toEqual({ exact: '假冒 食品', terms: ['假冒', '食品'], tokens: ['假冒', '食品'] });
  });
  it.each([
    ['食', 'TOO_SHORT'],
    ['  ', 'TOO_SHORT'],
    ['**', 'NO_WORDS'],
    ['食'.repeat(101), 'TOO_LONG'],
  ])('%j is refused as %s', (raw, problem) => {
    expect(parseQuery(raw)).toBe(problem);
  });
});

describe('region prefixes', () => {
  it.each([
    ['341100', '3411'],
    ['340000', '34'],
    ['341102', '341102'],
    ['34', '34'],
    ['3411', '3411'],
    ['34110', null],
    ['abc', null],
  ])('filter %s → prefix %s', (code, prefix) => {
    expect(regionPrefix(code)).toBe(prefix);
  });
  it('a document answers to its province, city and county', () => {
    expect(regionPrefixes('341102')).toEqual(['34', '3411', '341102']);
    expect(regionPrefixes(null)).toEqual([]);
  });
});

describe('highlight', () => {
  it('marks every occurrence of a two-character word', () => {
    expect(highlight('销售过期食品，食品安全', ['食品'])).toBe('销售过期<em>食品</em>，<em>食品</em>安全');
  });
  it('marks a longer term whole, and its bigrams when they only match apart', () => {
    expect(highlight('假冒注册商标', ['假冒注册'])).toBe('<em>假冒注册</em>商标');
    expect(highlight('食品经营，安全隐患', ['食品安全'])).toBe('<em>食品</em>经营，<em>安全</em>隐患');
  });
  it('matches full-width and case-folded text and keeps the original characters', () => {
    expect(highlight('ＡＢＣ食品公司', ['abc'])).toBe('<em>ＡＢＣ</em>食品公司');
  });
  it('cuts a long text to a window around the first match', () => {
    const text = `${'甲'.repeat(100)}假冒${'乙'.repeat(100)}`;
    const snippet = highlight(text, ['假冒']) as string;
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippet).toContain(`${'甲'.repeat(20)}<em>假冒</em>`);
    expect(Array.from(snippet.replace(/<\/?em>/g, '')).length).toBe(82);
  });
  it('escapes markup around the marks and returns null without a match', () => {
    expect(highlight('<b>食品</b>', ['食品'])).toBe('&lt;b&gt;<em>食品</em>&lt;/b&gt;');
    expect(highlight('药品', ['食品'])).toBeNull();
    expect(highlight(null, ['食品'])).toBeNull();
    expect(escapeHtml(`"'&`)).toBe('&quot;&#39;&amp;');
  });
});

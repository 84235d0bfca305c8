import { escapeHtml, highlight, html, queryString } from './html';

describe('portal html', () => {
  it('escapes every interpolated value, arrays included, and keeps nested Html as it is', () => {
    const name = '<script>alert("x")</script>&';
    const page = html`<p title="${name}">${name}</p>${[html`<b>${'a<b'}</b>`, 'c>d']}${null}${false}${3}`;
    expect(page.text).toBe('<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;</p><b>a&lt;b</b>c&gt;d3');
    expect(escapeHtml(`'`)).toBe('&#39;');
  });

  it('turns a search highlight into <mark> only when it is the search service\u2019s own markup', () => {
    expect(highlight('琅琊区好味<em>食品</em>商行 &amp; &lt;x&gt;').text).toBe('琅琊区好味<mark>食品</mark>商行 &amp; &lt;x&gt;');
    expect(highlight('<em>a</em><script>x</script>').text).toBe('&lt;em&gt;a&lt;/em&gt;&lt;script&gt;x&lt;/script&gt;');
    expect(highlight('a & b').text).toBe('a &amp; b');
  });

  it('builds query strings without empty parameters', () => {
    expect(queryString({ q: '食品 公司', region: null, after: '' })).toBe('?q=%E9%A3%9F%E5%93%81+%E5%85%AC%E5%8F%B8');
    expect(queryString({})).toBe('');
  });
});

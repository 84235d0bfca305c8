// The public portal at the HTTP level (Fastify inject, no browser): security headers, escaping, the 404 that
// is no existence oracle, ETag/304, HTML error pages (400, 404, 429), credentials ignored, natural persons never
// shown, withdrawal notices. The browser flow is test/browser/portal.e2e-spec.ts.
import { PORTAL_CSS_PATH } from '@credit/portal';
import { addMonths, todayInChina } from '@credit/domain';
import { createTestApp, naturalPersonRecord, PERSON_ID, PERSON_NAME, PORTAL_CONTACT, PortalFixture, SCRIPT_NAME, seedPortal, SUBMIT, TestApp } from '@credit/testing';

describe('public portal pages (HTML over HTTP)', () => {
  let t: TestApp;
  let f: PortalFixture;
  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

  beforeAll(async () => {
    t = await createTestApp();
    f = await seedPortal(t, { foodRecords: 22 });
  });
  afterAll(() => t.close());

  it('serves every page as complete zh-CN HTML with strict security headers and one stylesheet', async () => {
    for (const url of ['/', '/search?q=食品', `/disclosures/${f.company.id}`, `/subjects/${f.company.uscc}`, '/lists/serious-dishonesty']) {
      const page = await get(url);
      expect([url, page.statusCode]).toEqual([url, 200]);
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(page.headers['content-security-policy']).toBe("default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
      expect(page.headers['x-content-type-options']).toBe('nosniff');
      expect(page.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(page.body).toMatch(/^<!doctype html>\n<html lang="zh-CN">/);
      expect(page.body).not.toMatch(/<script|<style|<[^>]+\s(?:style|on\w+)=|https?:\/\//i);
      expect(page.body.match(/<link rel="stylesheet"/g)).toHaveLength(1);
      expect(page.body).toContain('开发者接口');
      expect(page.body).toContain('href="/graphql"');
    }
    const css = await get(PORTAL_CSS_PATH);
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(css.headers['cache-control']).toContain('immutable');
  });

  it('escapes a stored <script> in a party name and markup in the facts', async () => {
    const list = await get('/search?q=脚本测试');
    expect(list.body).toContain('&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;');
    expect(list.body).not.toContain(SCRIPT_NAME);
    const one = await get(`/disclosures/${f.scriptRecordId}`);
    expect(one.statusCode).toBe(200);
    expect(one.body).toContain('&lt;script&gt;');
    expect(one.body).not.toMatch(/<script|<img/i);
  });

  it('shows the 双公示 fields, the publication window and its rule, and the authority\u2019s 异议 contact', async () => {
    const page = await get(`/disclosures/${f.company.id}`);
    for (const text of [f.company.name, f.company.uscc, f.company.decisionNumber, '没收违法所得', '5 万元', '0.36 万元', '公示期至', '信用修复管理办法', '滁州市市场监督管理局', PORTAL_CONTACT]) {
      expect([text, page.body.includes(text.replace(/</g, '&lt;'))]).toEqual([text, true]);
    }
  });

  it('shows a withdrawal notice instead of a revoked decision\u2019s content', async () => {
    const page = await get(`/disclosures/${f.revoked.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('该行政处罚决定已撤回');
    expect(page.body).toContain(f.revoked.reason);
    expect(page.body).toContain('行政处罚法');
    expect(page.body).not.toContain('违法事实');
  });

  it('answers 404 with one and the same page for unknown, unpublished and malformed ids and codes', async () => {
    const bodies = new Set<string>();
    for (const url of ['/subjects/91341100MA2TEST000', `/subjects/${f.minorUscc}`, '/subjects/abc', `/subjects/${f.company.uscc.toLowerCase().replace(/.$/, '0')}`, '/disclosures/999999999', '/disclosures/abc']) {
      const page = await get(url);
      expect([url, page.statusCode, page.headers['content-type'], page.headers['cache-control']]).toEqual([url, 404, 'text/html; charset=utf-8', 'no-store']);
      expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      bodies.add(page.body);
    }
    expect(bodies.size).toBe(1);
    expect([...bodies][0]).toContain('<h1>未找到</h1>');
    // Any other address a browser loads gets the same page; API clients keep their JSON.
    const browser = await get('/no-such-page', { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' });
    expect([browser.statusCode, browser.headers['content-type'], browser.body]).toEqual([404, 'text/html; charset=utf-8', [...bodies][0]]);
    const api = await get('/no-such-page');
    expect([api.statusCode, JSON.parse(api.body).error.code]).toEqual([404, 'NOT_FOUND']);
  });

  it('never shows a natural person or an ID number', async () => {
    const byName = await get(`/search?q=${encodeURIComponent(PERSON_NAME)}`);
    expect(byName.body).toContain('没有找到');
    const pages = await Promise.all(['/', '/search?q=无证销售', '/search', '/search?q=食品', '/lists/serious-dishonesty'].map((url) => get(url)));
    for (const page of [...pages, byName]) {
      if (page !== byName) expect(page.body).not.toContain(PERSON_NAME);
      expect(page.body).not.toContain(PERSON_ID);
    }
  });

  it('sends Cache-Control and an ETag on decision and subject pages, and 304 when unchanged', async () => {
    for (const url of [`/disclosures/${f.company.id}`, `/subjects/${f.company.uscc}`]) {
      const first = await get(url);
      expect(first.headers['cache-control']).toBe('public, max-age=60');
      const etag = first.headers.etag as string;
      expect(etag).toMatch(/^"[\w-]{27}"$/);
      const again = await get(url, { 'if-none-match': etag });
      expect([url, again.statusCode, again.body]).toEqual([url, 304, '']);
      expect((await get(url, { 'if-none-match': '"other"' })).statusCode).toBe(200);
    }
    expect((await get('/search?q=食品')).headers['cache-control']).toBe('public, max-age=30');
  });

  it('says when a query is too short, suggests removing filters, and answers bad parameters with an HTML 400', async () => {
    const short = await get('/search?q=食');
    expect(short.statusCode).toBe(200);
    expect(short.body).toContain('查询词至少两个字');
    const empty = await get('/search?q=食品&severity=MINOR');
    expect(empty.body).toContain('去掉全部筛选条件');
    for (const url of ['/search?region=34x', '/search?category=NOPE', '/search?after=not-a-cursor', '/search?q=a&q=b', '/search?year=99']) {
      const page = await get(url);
      expect([url, page.statusCode, page.headers['content-type']]).toEqual([url, 400, 'text/html; charset=utf-8']);
      expect(page.body).toContain('<h1>请求有误</h1>');
    }
  });

  it('pages forward through the results and filters them', async () => {
    const first = await get('/search?q=食品经营部');
    expect(first.body).toMatch(/共 22 条/);
    const next = /href="([^"]+)" rel="next"/.exec(first.body)?.[1].replace(/&amp;/g, '&');
    expect(next).toBeDefined();
    const second = await get(next as string);
    expect(second.statusCode).toBe(200);
    expect(second.body).toContain('第 2 页');
    const filtered = await get('/search?q=食品经营部&dept=CZ-SSTHJJ');
    expect(filtered.body).toContain('没有找到');
    const ecology = await get('/search?dept=CZ-SSTHJJ');
    expect(ecology.body).toContain('凤阳县水务污染测试有限公司');
    expect(ecology.body).not.toContain(f.company.name);
  });

  it('shows a subject\u2019s listing with reasons, basis, removal conditions and remedies, and no tier', async () => {
    const page = await get(`/subjects/${f.listed.uscc}`);
    expect(page.statusCode).toBe(200);
    for (const text of [f.listed.name, '该主体目前列入严重失信主体名单', '拒不履行生效行政处罚决定', '第十条', '移出条件和程序', '救济措施', '抽查检查结果']) expect(page.body).toContain(text);
    expect(page.body).not.toMatch(/信用等级|风险分类|tier/i);
    const list = await get(`/lists/serious-dishonesty?q=${encodeURIComponent('失信名单示例')}`);
    expect(list.body).toContain(f.listed.name);
    expect(list.body).toContain(`/subjects/${f.listed.uscc}`);
  });

  it('ignores credentials on portal pages, keeps refusing bad ones on /graphql, and renders the rate limit as HTML', async () => {
    expect((await get('/', { 'x-api-key': 'not-a-key' })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: '/graphql', headers: { 'x-api-key': 'not-a-key', 'content-type': 'application/json' }, payload: '{"query":"{ __typename }"}' })).statusCode).toBe(401);
    const limited = await createTestApp({ RATE_LIMIT_ANONYMOUS_PER_MINUTE: '3' });
    try {
      const codes: number[] = [];
      let last = null as Awaited<ReturnType<typeof get>> | null;
      for (let i = 0; i < 5; i++) {
        last = await limited.app.inject({ method: 'GET', url: '/search?q=食品' });
        codes.push(last.statusCode);
      }
      expect(codes).toEqual([200, 200, 200, 429, 429]);
      expect(last?.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(Number(last?.headers['retry-after'])).toBeGreaterThan(0);
      expect(last?.body).toContain('<h1>访问过于频繁</h1>');
      // The stylesheet is not a page view.
      expect((await limited.app.inject({ method: 'GET', url: PORTAL_CSS_PATH })).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe('public portal with PUBLISH_NATURAL_PERSONS=true', () => {
  let t: TestApp;
  afterAll(() => t?.close());

  it('shows a natural person\u2019s decision with the name masked, never the ID number', async () => {
    t = await createTestApp({ PUBLISH_NATURAL_PERSONS: 'true' });
    const market = { 'x-api-key': (await t.createDepartment('CZ-SCJGJ', '滁州市市场监督管理局')).apiKey };
    const record = naturalPersonRecord({ severity: 'GENERAL', decisionDate: addMonths(todayInChina(), -1), partyName: PERSON_NAME, idNumber: PERSON_ID, violationFacts: `${PERSON_NAME}（身份证号${PERSON_ID}）无证销售食品。` });
    const pushed = await t.gql(SUBMIT, { records: [record] }, market);
    expect(pushed.data.submitPenaltyRecords.created).toBe(1);
    await t.deliverOutbox();
    const list = await t.app.inject({ method: 'GET', url: `/search?q=${encodeURIComponent('无证销售')}` });
    expect(list.body).toContain('张*');
    const id = /href="\/disclosures\/(\d+)"/.exec(list.body)?.[1];
    const page = await t.app.inject({ method: 'GET', url: `/disclosures/${id}` });
    expect(page.statusCode).toBe(200);
    for (const body of [list.body, page.body]) {
      expect(body).not.toContain(PERSON_NAME);
      expect(body).not.toContain(PERSON_ID);
    }
  });
});

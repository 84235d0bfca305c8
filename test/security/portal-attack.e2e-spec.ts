// Attacks on the public portal and its 双随机、一公开 pages (review of issues 13 and 14): hostile query strings on
// every route (never a 500, never a stack trace, always the portal's HTML error page with its headers), stored
// markup in every field a page shows, the one 404 for everything that is not public, credentials ignored.
import { createTestApp, InspectionFixture, PERSON_ID, seedInspections, TestApp } from '@credit/testing';

describe('security: portal attacks', () => {
  let t: TestApp;
  let f: InspectionFixture;
  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

  beforeAll(async () => {
    t = await createTestApp();
    f = await seedInspections(t);
  }, 120_000);
  afterAll(() => t.close());

  const expectHtmlError = (url: string, page: { statusCode: number; headers: Record<string, unknown>; body: string }) => {
    expect([url, page.statusCode, [400, 404].includes(page.statusCode)]).toEqual([url, page.statusCode, true]);
    expect([url, page.headers['content-type']]).toEqual([url, 'text/html; charset=utf-8']);
    expect([url, String(page.headers['content-security-policy'])]).toEqual([url, expect.stringContaining("default-src 'none'")]);
    expect([url, page.headers['x-content-type-options']]).toEqual([url, 'nosniff']);
    expect(page.body).not.toMatch(/\bat \w+ \(|Error:|node_modules|\/work\//);
  };

  it('answers hostile query strings on every route with an HTML 400/404, never a 500', async () => {
    const long = 'a'.repeat(10_000);
    const hostile = [
      `q=${long}`, 'q=%00abc', 'q=ab%00', 'q=%E4%B8', 'q=%FF%FE', 'q=%', 'q=a&q=b', 'q[]=a', 'q[a]=b', 'page=-1', 'page=99999999999999999999', 'page=1e5', 'page=%00',
      'after=%00', `after=${long}`, 'after=AAAA', 'after=a&after=b', 'region=99999%00', 'region=abc', 'region=1234567', 'region=000000', 'year=-1', 'year=99999', 'year=2026&year=2027',
      'category=%3Cscript%3E', 'category=NO_PROBLEM&category=NO_PROBLEM', 'uscc=%00', `uscc=${long}`, 'uscc=a&uscc=b', 'first=1000000', 'severity=%00', 'sort=%00',
    ];
    const routes = ['/', '/search', '/inspections', `/inspections/plans/${f.planId}`, '/lists/serious-dishonesty', `/subjects/${f.disclosed.uscc}`];
    for (const route of routes) {
      for (const query of hostile) {
        const url = `${route}?${query}`;
        const page = await get(url);
        if (page.statusCode === 200) {
          expect([url, page.headers['content-type']]).toEqual([url, 'text/html; charset=utf-8']);
          continue;
        }
        expectHtmlError(url, page);
      }
    }
  }, 120_000);

  it('answers hostile path parameters with the portal\u2019s HTML 404', async () => {
    for (const id of ['abc', '-1', '0', '1e3', '99999999999999999999999999', '%00', '%E4%B8', `${'9'.repeat(2000)}`, '1%20OR%201=1']) {
      for (const route of ['/inspections/plans/', '/subjects/', '/disclosures/']) expectHtmlError(route + id, await get(route + id, { accept: 'text/html' }));
    }
    // A malformed percent-encoding is refused by Fastify before routing: still the portal's page on a portal path
    // (no Accept header), and the platform's coded error elsewhere, never Fastify's JSON echoing the URL.
    for (const url of ['/inspections/plans/%E4%B8', '/subjects/%FF', '/disclosures/%E4%B8']) expectHtmlError(url, await get(url));
    const api = await get('/inspections/plans/%E4%B8/candidates.csv');
    expect([api.statusCode, JSON.parse(api.body)]).toEqual([400, { errors: [{ message: expect.any(String), extensions: { code: 'BAD_USER_INPUT' } }] }]);
    expect(api.body).not.toContain('%E4%B8');
  });

  it('gives one byte-identical 404 for an unknown USCC, an unknown plan, an undrawn plan and a malformed id', async () => {
    const urls = ['/subjects/91341181MA0000000X', `/inspections/plans/${f.undrawnPlanId}`, '/inspections/plans/999999999', '/inspections/plans/abc', '/inspections/plans/99999999999999999999', '/disclosures/999999999'];
    const pages = await Promise.all(urls.map((url) => get(url)));
    for (const [i, page] of pages.entries()) {
      expect([urls[i], page.statusCode]).toEqual([urls[i], 404]);
      expect([urls[i], page.body]).toEqual([urls[i], pages[0].body]);
      const headers = (h: Record<string, unknown>) => Object.fromEntries(Object.entries(h).filter(([name]) => !['date', 'x-request-id'].includes(name)));
      expect([urls[i], headers(page.headers)]).toEqual([urls[i], headers(pages[0].headers)]);
    }
  });

  it('shows the same page to a caller with good, bad or no credentials', async () => {
    const login = await t.gql(`mutation { login(username: "tc-regulator", password: "regulator-password-1") { accessToken } }`);
    const bearer = `Bearer ${login.data.login.accessToken}`;
    for (const url of ['/inspections', `/inspections/plans/${f.planId}`, `/subjects/${f.inspectedOnly.uscc}`, `/inspections/plans/${f.undrawnPlanId}`]) {
      const anonymous = await get(url);
      for (const headers of <Record<string, string>[]>[{ authorization: bearer }, { authorization: 'Bearer x.y.z' }, { 'x-api-key': 'no-such-key' }, { authorization: 'Basic YTpi' }]) {
        const page = await get(url, headers);
        expect([url, page.statusCode, page.body]).toEqual([url, anonymous.statusCode, anonymous.body]);
      }
    }
  });

  it('escapes stored markup in every field the inspection pages show', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    await t.db.query(`UPDATE inspection_items SET name = name || $1, legal_basis = legal_basis || $1`, [evil]);
    await t.db.query(`UPDATE departments SET name = name || $1, public_contact = $1 WHERE code = 'TC-SCJGJ'`, [evil]);
    await t.db.query(`UPDATE inspection_plans SET name = name || $1 WHERE id = $2::bigint`, [evil, f.planId]);
    await t.db.query(`UPDATE credit_subjects SET name = name || $1 WHERE uscc = $2`, [evil, f.inspectedOnly.uscc]);
    const published = await t.db.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name LIKE '%inspection%' AND data_type IN ('text', 'character varying')
          AND column_name IN ('findings', 'subject_name', 'plan_name', 'department_names')`,
    );
    expect(published.map((c) => c.column_name).sort()).toEqual(expect.arrayContaining(['department_names', 'findings', 'plan_name', 'subject_name']));
    for (const { table_name: table, column_name: column } of published) await t.db.query(`UPDATE ${table} SET ${column} = ${column} || $1`, [evil]);
    for (const url of ['/inspections', `/inspections/plans/${f.planId}`, `/subjects/${f.inspectedOnly.uscc}`, `/inspections?q=${encodeURIComponent('无法联系')}`]) {
      const page = await get(url);
      expect([url, page.statusCode]).toEqual([url, 200]);
      expect([url, page.body.includes('<img')]).toEqual([url, false]);
      expect(page.body).not.toContain(PERSON_ID);
    }
  });

  it('counts the inspection pages, their 404s and hostile queries against the anonymous page-view budget', async () => {
    const limited = await createTestApp({ RATE_LIMIT_ANONYMOUS_PER_MINUTE: '3' });
    try {
      const urls = ['/inspections/plans/999999999', '/inspections?q=%00', `/inspections/plans/${'9'.repeat(30)}`, '/inspections', '/inspections/plans/1'];
      const pages = [];
      for (const url of urls) pages.push(await limited.app.inject({ method: 'GET', url }));
      expect(pages.map((p) => p.statusCode)).toEqual([404, 200, 404, 429, 429]);
      expect(pages[4].headers['content-type']).toBe('text/html; charset=utf-8');
      expect(String(pages[4].headers['content-security-policy'])).toContain("default-src 'none'");
      expect(pages[4].headers['retry-after']).toMatch(/^\d+$/);
    } finally {
      await limited.close();
    }
  });

  it('never shows an ID number on the inspection pages with PUBLISH_NATURAL_PERSONS on', async () => {
    const open = await createTestApp({ PUBLISH_NATURAL_PERSONS: 'true' });
    try {
      const fixture = await seedInspections(open, { subjects: 3 });
      for (const url of ['/inspections', `/inspections/plans/${fixture.planId}`, `/subjects/${fixture.inspectedOnly.uscc}`, `/inspections?q=${encodeURIComponent('无法联系')}`]) {
        const page = await open.app.inject({ method: 'GET', url });
        expect([url, page.statusCode]).toEqual([url, 200]);
        expect([url, page.body.includes(PERSON_ID)]).toEqual([url, false]);
        expect([url, page.body.includes('13912345678')]).toEqual([url, false]);
      }
      const api = await open.gql(`{ searchInspectionResults(first: 50) { edges { node { findings uscc subjectName } } } }`);
      expect(api.raw).not.toContain(PERSON_ID);
    } finally {
      await open.close();
    }
  }, 120_000);
});

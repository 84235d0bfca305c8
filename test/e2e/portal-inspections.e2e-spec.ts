// The portal's 双随机、一公开 pages at the HTTP level (Fastify inject), over data made by the real flow
// (seedInspections: admin item → regulator plan → publish → draw → assign → department results → publication):
// /inspections (search, filters, forward pages), /inspections/plans/{id} (commit–reveal record, selection,
// the server's verdict, no candidate list), the 抽查检查结果 section of /subjects/{uscc}, escaping, no ID number,
// and the one 404 for an unknown or undrawn plan and an unknown USCC.
import { seedCommitment } from '@credit/domain';
import { companyUscc, createTestApp, INSPECTION_SCRIPT_NAME, InspectionFixture, PERSON_ID, seedInspections, TestApp } from '@credit/testing';

describe('public portal: 双随机、一公开 pages', () => {
  let t: TestApp;
  let f: InspectionFixture;
  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

  beforeAll(async () => {
    t = await createTestApp();
    f = await seedInspections(t);
  }, 120_000);
  afterAll(() => t.close());

  it('serves the pages as complete HTML with the portal\u2019s headers, linked from the header', async () => {
    for (const url of ['/inspections', `/inspections/plans/${f.planId}`, `/subjects/${f.inspectedOnly.uscc}`]) {
      const page = await get(url);
      expect([url, page.statusCode, page.headers['content-type']]).toEqual([url, 200, 'text/html; charset=utf-8']);
      expect(page.headers['content-security-policy']).toContain("default-src 'none'");
      expect(page.body).toMatch(/^<!doctype html>\n<html lang="zh-CN">/);
      expect(page.body).not.toMatch(/<script|<style|<[^>]+\s(?:style|on\w+)=|https?:\/\//i);
      expect(page.body).toContain('<a href="/inspections">抽查检查结果</a>');
      expect(page.body).not.toContain(PERSON_ID);
      expect(page.body).not.toContain('13912345678');
    }
    // Credentials are not read on these pages; the credentialed candidate export still asks for them.
    expect((await get('/inspections', { 'x-api-key': 'not-a-key' })).statusCode).toBe(200);
    expect((await get(`/inspections/plans/${f.planId}/candidates.csv`)).statusCode).toBe(401);
  });

  it('lists published results, newest first, searchable by words, region, year and category, paged forward', async () => {
    const all = await get('/inspections');
    expect(all.body).toContain('共 22 条');
    expect(all.headers['cache-control']).toBe('public, max-age=30');
    expect(all.body).toContain('&lt;i&gt;已核查&lt;/i&gt;');
    const script = await get(`/inspections?q=${encodeURIComponent('脚本测试')}`);
    expect(script.body).toContain('共 1 条');
    expect(script.body).toContain(INSPECTION_SCRIPT_NAME.replace('<script>', '&lt;script&gt;').replace('</script>', '&lt;/script&gt;').replace(/"/g, '&quot;'));
    expect(all.body).toContain('天长市市场监督管理局');
    expect(all.body).toContain(`/inspections/plans/${f.planId}`);
    const next = /href="([^"]+)" rel="next"/.exec(all.body)?.[1].replace(/&amp;/g, '&');
    expect(next).toMatch(/^\/inspections\?after=.+&page=2$/);
    const second = await get(next as string);
    expect([second.statusCode, second.body.includes('第 2 页'), (second.body.match(/<h3>/g) ?? []).length]).toEqual([200, true, 2]);

    const words = await get(`/inspections?q=${encodeURIComponent('无法联系')}`);
    expect(words.body).toContain('共 1 条');
    expect(words.body).toContain(f.inspectedOnly.name);
    expect(words.body).toContain('通过登记的住所（经营场所）无法联系');
    const year = f.planName.slice(0, 4);
    expect((await get(`/inspections?region=341181&year=${year}&category=ADDRESS_UNREACHABLE`)).body).toContain('共 1 条');
    expect((await get(`/inspections?category=NO_PROBLEM`)).body).toContain('共 21 条');
    const elsewhere = await get('/inspections?region=341102');
    expect(elsewhere.body).toContain('没有找到已公示的抽查检查结果（已应用筛选条件）');
    expect(elsewhere.body).toContain('去掉全部筛选条件');
    const short = await get(`/inspections?q=${encodeURIComponent('无')}`);
    expect([short.statusCode, short.body.includes('查询词须为 2–100 个字符')]).toEqual([200, true]);
    for (const url of ['/inspections?year=26', '/inspections?year=1999', '/inspections?category=NOPE', '/inspections?region=34x', '/inspections?after=not-a-cursor', '/inspections?q=a&q=b']) {
      const page = await get(url);
      expect([url, page.statusCode, page.headers['content-type']]).toEqual([url, 400, 'text/html; charset=utf-8']);
      expect(page.body).toContain('<h1>请求有误</h1>');
    }
  });

  it('shows a drawn plan: commitment, revealed seed, list hash, strata, selection, and the verdict 一致', async () => {
    const page = await get(`/inspections/plans/${f.planId}`);
    expect(page.statusCode).toBe(200);
    const body = page.body;
    expect(body).toContain('天长市企业“双随机”抽查 &lt;b&gt;第一批&lt;/b&gt;');
    expect(seedCommitment(f.seed)).toBe(f.seedCommitment);
    for (const text of [f.seedCommitment, f.seed, f.candidateListHash, '天长市市场监督管理局', '登记事项检查', '《企业信息公示暂行条例》第十四条', '天长市', '验证结论：一致', '共抽取 22 个检查对象']) {
      expect([text, body.includes(text)]).toEqual([text, true]);
    }
    expect((body.match(/✓ 通过/g) ?? []).length).toBe(4);
    expect(body).not.toContain('✗');
    expect(body).toMatch(/<th scope="row">A 类<\/th><td>100%<\/td><td>—<\/td><td>\d+<\/td><td>\d+<\/td>/);
    for (const uscc of f.selected) expect(body).toContain(`<span class="muted">${uscc}</span>`);
    expect(body).toContain('&lt;script&gt;alert(&quot;inspection&quot;)&lt;/script&gt;');
    // No candidate list for the public (its hash covers the risk tiers), no tier per selected subject.
    expect(body).not.toContain('candidates.csv');
    expect(body).not.toMatch(/<span class="muted">[0-9A-Z]{18}<\/span>[^<]*[ABCD]/);
    expect(page.headers['cache-control']).toBe('public, max-age=60');
    const again = await get(`/inspections/plans/${f.planId}`, { 'if-none-match': page.headers.etag as string });
    expect(again.statusCode).toBe(304);
  });

  it('fills the subject page\u2019s 抽查检查结果 section, also for a subject with nothing else public', async () => {
    const only = await get(`/subjects/${f.inspectedOnly.uscc}`);
    expect(only.statusCode).toBe(200);
    for (const text of [`<h1>${f.inspectedOnly.name}</h1>`, '抽查检查结果', '通过登记的住所（经营场所）无法联系', '天长市市场监督管理局', '检查日期', '公示日期', `/inspections/plans/${f.planId}`, '目前没有公示中的行政处罚决定']) {
      expect([text, only.body.includes(text)]).toEqual([text, true]);
    }
    expect(only.body).not.toMatch(/风险分类<\/dt>|信用等级|tier/i);
    const disclosed = await get(`/subjects/${f.disclosed.uscc}`);
    expect(disclosed.body).toContain('未发现问题');
    expect(disclosed.body).not.toContain('目前没有公示中的行政处罚决定');
    const script = await get(`/subjects/${f.script.uscc}`);
    expect(script.statusCode).toBe(200);
    expect(script.body).not.toContain(INSPECTION_SCRIPT_NAME);
  });

  it('answers the portal\u2019s one 404 for an unknown or undrawn plan, an unknown USCC and a subject with nothing published', async () => {
    const unpublished = companyUscc('341181');
    await t.db.query(`INSERT INTO credit_subjects (subject_key, uscc, name, subject_type, region_code, category) VALUES ($1, $1, '天长市未公示有限公司', 'LEGAL_ENTITY', '341181', '91')`, [unpublished]);
    const bodies = new Set<string>();
    for (const url of [`/inspections/plans/${f.undrawnPlanId}`, '/inspections/plans/999999999', '/inspections/plans/abc', '/subjects/91341181MA2TEST000', `/subjects/${unpublished}`, '/disclosures/999999999']) {
      const page = await get(url);
      expect([url, page.statusCode, page.headers['cache-control']]).toEqual([url, 404, 'no-store']);
      bodies.add(page.body);
    }
    expect(bodies.size).toBe(1);
    expect((await get(`/inspections/plans/${f.planId}?after=bad`)).statusCode).toBe(400);
  });

  it('says 不一致 when the recorded draw does not follow from the frozen candidates', async () => {
    const drawn = await t.gql(`mutation($id: ID!) { drawInspection(planId: $id) { status } }`, { id: f.undrawnPlanId }, f.regulator);
    expect(drawn.data.drawInspection.status).toBe('DRAWN');
    // One frozen candidate's tier changed after the draw: the list no longer hashes to the recorded value.
    await t.db.query(`UPDATE inspection_candidates SET tier = CASE tier WHEN 'D' THEN 'A' ELSE 'D' END WHERE plan_id = $1 AND uscc = $2`, [f.undrawnPlanId, f.disclosed.uscc]);
    const page = await get(`/inspections/plans/${f.undrawnPlanId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('验证结论：不一致');
    expect(page.body).toContain('✗ 未通过：冻结的候选名单与其哈希值一致');
  });

  it('withholds the per-tier table when only one tier had subjects drawn (it would disclose their risk tier)', async () => {
    const year = Number(f.planName.slice(0, 4));
    const today = (await t.gql(`query($id: ID!) { inspectionPlan(planId: $id) { plannedStart plannedEnd } }`, { id: f.planId }, f.regulator)).data.inspectionPlan;
    // The tier with the most candidates in the first plan: a plan that samples only it.
    const first = await t.gql(`query($id: ID!) { inspectionDraw(planId: $id) { strata { tier candidates } } }`, { id: f.planId }, f.regulator);
    const only: string = [...first.data.inspectionDraw.strata].sort((a: { candidates: number }, b: { candidates: number }) => b.candidates - a.candidates)[0].tier;
    const created = await t.gql(
      `mutation($i: InspectionPlanInput!) { createInspectionPlan(input: $i) { id } }`,
      {
        i: {
          name: `${year}年天长市单档抽查`, year, regionCode: '341181', subjectTypes: ['LEGAL_ENTITY'], departmentCodes: ['TC-SCJGJ'], itemCodes: ['TC-REGISTRATION'],
          strata: ['A', 'B', 'C', 'D'].map((tier) => ({ tier, ratioPercent: tier === only ? '100' : '0' })),
          exclusionMonths: 0, plannedStart: today.plannedStart, plannedEnd: today.plannedEnd,
        },
      },
      f.regulator,
    );
    expect(created.errors).toBeUndefined();
    const planId = created.data.createInspectionPlan.id;
    expect((await t.gql(`mutation($id: ID!) { publishInspectionPlan(planId: $id) { id } }`, { id: planId }, f.regulator)).errors).toBeUndefined();
    const drawn = await t.gql(`mutation($id: ID!) { drawInspection(planId: $id) { strata { tier count } } }`, { id: planId }, f.regulator);
    expect(drawn.errors).toBeUndefined();
    expect(drawn.data.drawInspection.strata.filter((s: { count: number }) => s.count > 0).map((s: { tier: string }) => s.tier)).toEqual([only]);
    const page = await get(`/inspections/plans/${planId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('故不公开分档数据');
    expect(page.body).not.toMatch(/<th scope="row">[ABCD] 类<\/th>/);
    expect(page.body).toContain('验证结论：一致');
  });
});

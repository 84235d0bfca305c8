// Public disclosure end to end over HTTP: departments push, the outbox feeds the index, the public searches.
// Delivery is driven by calling the job directly (deterministic), except in the test of the in-process runner.
import { tokenKey } from '@credit/search';
import { addDays, addMonths, buildResidentId, todayInChina } from '@credit/domain';
import { companyUscc, createTestApp, naturalPersonRecord, penaltyRecord, SUBMIT, TestApp } from '@credit/testing';

const SEARCH = `query($q: String, $f: DisclosureFilter, $first: Int, $after: String) {
  searchDisclosures(query: $q, filter: $f, first: $first, after: $after) {
    totalCount totalCountIsLowerBound
    edges { cursor node { id partyName uscc legalRepresentative decisionNumber violationType violationFacts legalBasis penaltyCategories
      penaltyContent fineAmount confiscatedAmount decisionDate publishedUntil authorityName departmentName regionCode highlights } }
    pageInfo { hasNextPage endCursor }
    facets { departments { value label count } regions { value label count } years { value count } categories { value label count } }
  } }`;
// Anonymous callers have a query-cost budget (page size × fields): long pages ask for fewer fields.
const LIST = `query($q: String, $f: DisclosureFilter, $first: Int, $after: String) {
  searchDisclosures(query: $q, filter: $f, first: $first, after: $after) {
    totalCount totalCountIsLowerBound edges { node { id decisionNumber decisionDate partyName violationFacts } } pageInfo { hasNextPage endCursor }
    facets { departments { value label count } regions { value label count } categories { value label count } }
  } }`;
const ONE = `query($id: ID!) { disclosure(id: $id) { id partyName uscc violationFacts highlights } }`;
const REVOKE = `mutation($n: String!, $r: String!) { revokePenaltyRecord(decisionNumber: $n, reason: $r) { id status } }`;
const REPAIR = `mutation($n: String!, $c: String!) { approveCreditRepair(decisionNumber: $n, commitment: $c) { id decisionNumber status } }`;

const today = todayInChina();
const monthsAgo = (n: number) => addMonths(today, -n);
const PERSON_ID = buildResidentId('341102', '19800101', '123');

describe('public disclosure and the search index (e2e over HTTP)', () => {
  let t: TestApp;
  let marketKey: string;
  let taxKey: string;
  const market = () => ({ 'x-api-key': marketKey });
  const tax = () => ({ 'x-api-key': taxKey });
  const deliver = () => t.deliverOutbox();
  const search = async (variables: Record<string, unknown>) => {
    const response = await t.gql((variables.first as number) > 20 ? LIST : SEARCH, variables);
    expect(response.errors).toBeUndefined();
    return response.data.searchDisclosures;
  };
  const numbers = (connection: any) => connection.edges.map((e: any) => e.node.decisionNumber).sort();

  // One record of each kind (dates relative to today, so the periods hold whatever day the suite runs).
  const food = penaltyRecord({ severity: 'GENERAL', decisionDate: monthsAgo(1), partyName: '琅琊区好味食品商行' });
  const fake = penaltyRecord({
    severity: 'SERIOUS', decisionDate: monthsAgo(2), uscc: companyUscc('341103'), partyName: '南谯区华星电器商店',
    violationType: '销售假冒注册商标的商品', violationFacts: '当事人销售假冒注册商标的电饭煲12台，联系电话13912345678。',
    penaltyCategories: ['CONFISCATE_ILLEGAL_GAINS', 'FINE'], penaltyContent: '没收违法所得，罚款人民币伍万元整', fineAmount: '5', confiscatedAmount: '0.36',
  });
  const minor = penaltyRecord({ severity: 'MINOR', decisionDate: monthsAgo(1), partyName: '轻微食品违法商户' });
  const warningOnly = penaltyRecord({ severity: 'GENERAL', decisionDate: monthsAgo(1), penaltyCategories: ['WARNING'], penaltyContent: '警告', fineAmount: null });
  const person = naturalPersonRecord({
    severity: 'GENERAL', decisionDate: monthsAgo(1), partyName: '张三', idNumber: PERSON_ID,
    violationFacts: `张三（身份证号${PERSON_ID}，住址：滁州市琅琊区丰乐大道1号）无证销售食品。`,
  });
  const child = naturalPersonRecord({ severity: 'GENERAL', decisionDate: monthsAgo(1), partyName: '李小明', idNumber: buildResidentId('341102', addDays(monthsAgo(12 * 16), 0).replace(/-/g, ''), '456') });
  const expired = penaltyRecord({ severity: 'GENERAL', decisionDate: monthsAgo(13), partyName: '定远县过期食品店' });
  const toRepair = penaltyRecord({ severity: 'GENERAL', decisionDate: monthsAgo(4), partyName: '明光市修复食品厂' });
  const taxFood = penaltyRecord({ severity: 'GENERAL', decisionDate: monthsAgo(3), partyName: '天长市食品批发部', authorityName: '国家税务总局滁州市税务局' });
  const published = [food, fake, person, toRepair];

  beforeAll(async () => {
    t = await createTestApp({ PUBLISH_NATURAL_PERSONS: 'true' });
    marketKey = (await t.createDepartment('CZ-SCJGJ', '滁州市市场监督管理局')).apiKey;
    taxKey = (await t.createDepartment('CZ-SWJ', '国家税务总局滁州市税务局')).apiKey;
    const pushed = await t.gql(SUBMIT, { records: [food, fake, minor, warningOnly, person, child, expired, toRepair] }, market());
    expect(pushed.data.submitPenaltyRecords).toMatchObject({ created: 8, rejected: 0 });
    const taxPush = await t.gql(SUBMIT, { records: [taxFood] }, tax());
    expect(taxPush.data.submitPenaltyRecords).toMatchObject({ created: 1, rejected: 0 });
    await deliver();
  });
  afterAll(() => t.close());

  it('publishes only what the rules publish, newest first, with facets', async () => {
    const all = await search({ first: 50 });
    expect(numbers(all)).toEqual([...published, taxFood].map((r) => r.decisionNumber).sort());
    expect(all.edges.map((e: any) => e.node.decisionDate)).toEqual([...all.edges.map((e: any) => e.node.decisionDate)].sort().reverse());
    expect(all).toMatchObject({ totalCount: 5, totalCountIsLowerBound: false, pageInfo: { hasNextPage: false } });
    expect(all.facets.departments).toEqual([
      { value: 'CZ-SCJGJ', label: '滁州市市场监督管理局', count: 4 },
      { value: 'CZ-SWJ', label: '国家税务总局滁州市税务局', count: 1 },
    ]);
    expect(all.facets.categories).toContainEqual({ value: 'FINE', label: '罚款', count: 5 });
    expect(all.facets.regions).toContainEqual({ value: '341103', label: '南谯区', count: 1 });
  });

  it('finds a two-character word with highlights, by party name (exact first), and by USCC', async () => {
    const word = await search({ q: '食品' });
    expect(numbers(word)).toEqual([food, person, toRepair, taxFood].map((r) => r.decisionNumber).sort());
    const foodHit = word.edges.find((e: any) => e.node.decisionNumber === food.decisionNumber).node;
    expect(foodHit.highlights).toContain('琅琊区好味<em>食品</em>商行');
    expect(foodHit.highlights).toContain('销售不符合<em>食品</em>安全标准的<em>食品</em>');

    const fakeHits = await search({ q: '假冒' });
    expect(numbers(fakeHits)).toEqual([fake.decisionNumber]);
    expect(fakeHits.edges[0].node).toMatchObject({
      partyName: '南谯区华星电器商店', uscc: fake.uscc, legalRepresentative: '王建国', fineAmount: '5', confiscatedAmount: '0.36',
      penaltyCategories: ['CONFISCATE_ILLEGAL_GAINS', 'FINE'], departmentName: '滁州市市场监督管理局', regionCode: '341103',
      violationFacts: '当事人销售假冒注册商标的电饭煲12台，联系电话***********。',
    });
    expect(fakeHits.edges[0].node.highlights).toContain('销售<em>假冒</em>注册商标的商品');

    const byName = await search({ q: '明光市修复食品厂' });
    expect(byName.edges[0].node.decisionNumber).toBe(toRepair.decisionNumber);
    expect(byName.edges[0].node.highlights[0]).toBe('<em>明光市修复食品厂</em>');
    expect(numbers(await search({ q: fake.uscc }))).toEqual([fake.decisionNumber]);
    expect(numbers(await search({ f: { uscc: fake.uscc } }))).toEqual([fake.decisionNumber]);
  });

  it('filters by department, region, severity, category and decision date', async () => {
    expect(numbers(await search({ q: '食品', f: { departmentCode: 'CZ-SWJ' } }))).toEqual([taxFood.decisionNumber]);
    expect(numbers(await search({ f: { regionCode: '341103' } }))).toEqual([fake.decisionNumber]);
    expect((await search({ f: { regionCode: '341100' } })).totalCount).toBe(5);
    expect(numbers(await search({ f: { severity: 'SERIOUS' } }))).toEqual([fake.decisionNumber]);
    expect(numbers(await search({ f: { penaltyCategory: 'CONFISCATE_ILLEGAL_GAINS' } }))).toEqual([fake.decisionNumber]);
    expect(numbers(await search({ f: { decisionDateFrom: monthsAgo(2), decisionDateTo: monthsAgo(2) } }))).toEqual([fake.decisionNumber]);
  });

  it('masks a natural person and never returns an ID number, anywhere', async () => {
    const response = await t.gql(SEARCH, { q: '无证' });
    const node = response.data.searchDisclosures.edges[0].node;
    expect(node).toMatchObject({ partyName: '张*', uscc: null, legalRepresentative: null, regionCode: '341100' });
    expect(node.violationFacts).toBe('张*（身份证号******************，住址：***）无证销售食品。');
    const everything = [response.raw, (await t.gql(LIST, { first: 50 })).raw, (await t.gql(ONE, { id: node.id })).raw, (await t.gql(SEARCH, { q: '张三' })).raw].join();
    expect(everything).not.toContain(PERSON_ID);
    expect(everything).not.toContain(PERSON_ID.slice(0, 6) + '19800101');
    expect(everything).not.toContain('张三');
    expect(everything).not.toContain('李小明');
    const [{ count }] = await t.db.query<{ count: number }>(`SELECT count(*)::int AS count FROM public_disclosures p WHERE row_to_json(p)::text LIKE '%' || $1 || '%' OR row_to_json(p)::text LIKE '%张三%'`, [PERSON_ID]);
    expect(count).toBe(0);
    const [{ tokens }] = await t.db.query<{ tokens: number }>(`SELECT count(*)::int AS tokens FROM public_disclosures WHERE tokens && $1::bigint[]`, [[tokenKey(PERSON_ID.toLowerCase()), tokenKey('张三')]]);
    expect(tokens).toBe(0);
  });

  it('answers disclosure(id) for a published record only', async () => {
    const [{ id: minorId }] = await t.db.query<{ id: string }>('SELECT id::text AS id FROM penalty_records WHERE decision_number = $1', [minor.decisionNumber]);
    const [{ id: foodId }] = await t.db.query<{ id: string }>('SELECT id::text AS id FROM penalty_records WHERE decision_number = $1', [food.decisionNumber]);
    expect((await t.gql(ONE, { id: foodId })).data.disclosure).toMatchObject({ id: foodId, partyName: '琅琊区好味食品商行', highlights: [] });
    expect((await t.gql(ONE, { id: minorId })).data.disclosure).toBeNull();
    expect((await t.gql(ONE, { id: 'abc' })).errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('pages with cursors and refuses bad input with coded errors', async () => {
    const first = await search({ first: 2 });
    const second = await search({ first: 2, after: first.pageInfo.endCursor });
    const third = await search({ first: 2, after: second.pageInfo.endCursor });
    expect([...first.edges, ...second.edges, ...third.edges].map((e: any) => e.node.id)).toEqual((await search({})).edges.map((e: any) => e.node.id));
    const bad: [Record<string, unknown>, string][] = [
      [{ first: 51 }, 'first'],
      [{ first: 0 }, 'first'],
      [{ q: '食' }, 'query'],
      [{ q: '！！' }, 'query'],
      [{ after: 'not-a-cursor' }, 'after'],
      [{ f: { regionCode: '34x' } }, 'filter.regionCode'],
      [{ f: { uscc: '123' } }, 'filter.uscc'],
      [{ f: { decisionDateFrom: '2026-02-30' } }, 'filter.decisionDateFrom'],
      [{ f: { decisionDateFrom: '2026-05-01', decisionDateTo: '2026-04-01' } }, 'filter.decisionDateFrom'],
    ];
    for (const [variables, field] of bad) {
      const response = await t.gql(LIST, variables);
      expect([variables, response.errors?.[0].extensions]).toEqual([variables, expect.objectContaining({ code: 'BAD_USER_INPUT', field })]);
    }
  });

  it('reads the count and the facets only when the query selects them: the same page either way', async () => {
    const PAGE = `query($q: String, $first: Int, $after: String) { searchDisclosures(query: $q, first: $first, after: $after) {
      edges { cursor node { id highlights } } pageInfo { hasNextPage endCursor } } }`;
    const COUNTED = `fragment Counted on DisclosureConnection { totalCount totalCountIsLowerBound }
      query($q: String, $first: Int) { searchDisclosures(query: $q, first: $first) { ...Counted edges { node { id } } } }`;
    for (const variables of [{ q: '食品' }, { first: 2 }, {}]) {
      const full = await search(variables);
      const page = await t.gql(PAGE, variables);
      expect(page.errors).toBeUndefined();
      expect(page.data.searchDisclosures.edges).toEqual(full.edges.map((e: any) => ({ cursor: e.cursor, node: { id: e.node.id, highlights: e.node.highlights } })));
      expect(page.data.searchDisclosures.pageInfo).toEqual(full.pageInfo);
      const counted = await t.gql(COUNTED, variables);
      expect(counted.errors).toBeUndefined();
      expect([counted.data.searchDisclosures.totalCount, counted.data.searchDisclosures.totalCountIsLowerBound]).toEqual([full.totalCount, full.totalCountIsLowerBound]);
    }
  });

  it('approves credit repair only for the deciding department, on or after the earliest repair date', async () => {
    const anonymous = await t.gql(REPAIR, { n: toRepair.decisionNumber, c: '本单位承诺依法经营' });
    expect(anonymous.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(REPAIR, { n: toRepair.decisionNumber, c: '承诺' }, tax())).errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect((await t.gql(REPAIR, { n: '不存在〔2026〕1号', c: '承诺' }, market())).errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect((await t.gql(REPAIR, { n: toRepair.decisionNumber, c: '   ' }, market())).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'commitment' });
    expect((await t.gql(REPAIR, { n: minor.decisionNumber, c: '承诺' }, market())).errors?.[0].extensions.code).toBe('NOT_PUBLISHED');
    const early = await t.gql(REPAIR, { n: food.decisionNumber, c: '承诺' }, market());
    expect(early.errors?.[0].extensions.code).toBe('REPAIR_NOT_YET_ALLOWED');
    expect(early.errors?.[0].message).toContain(addMonths(food.decisionDate as string, 3));
  });

  it('withdraws a revoked and a repaired record from search at once', async () => {
    const revoked = await t.gql(REVOKE, { n: fake.decisionNumber, r: '行政复议决定撤销原处罚' }, market());
    expect(revoked.data.revokePenaltyRecord.status).toBe('REVOKED');
    const repaired = await t.gql(REPAIR, { n: toRepair.decisionNumber, c: '本单位已履行处罚决定，承诺今后依法诚信经营。' }, market());
    expect(repaired.errors).toBeUndefined();
    expect(repaired.data.approveCreditRepair).toMatchObject({ decisionNumber: toRepair.decisionNumber, status: 'ACTIVE' });
    const again = await t.gql(REPAIR, { n: toRepair.decisionNumber, c: '再次' }, market());
    expect(again.errors?.[0].extensions.code).toBe('ALREADY_REPAIRED');
    await deliver();
    // The revoked decision stays only as its withdrawal notice (行政处罚法 art. 48); the repaired one is gone.
    expect(numbers(await search({ first: 50 }))).toEqual([food, fake, person, taxFood].map((r) => r.decisionNumber).sort());
    expect(numbers(await search({ q: '假冒' }))).toEqual([]);
    expect(numbers(await search({ q: '明光市修复食品厂' }))).toEqual([]);
    const [repair] = await t.db.query(
      `SELECT c.approved_on, c.commitment, r.repaired_on FROM credit_repairs c JOIN penalty_records r ON r.id = c.record_id WHERE r.decision_number = $1`,
      [toRepair.decisionNumber],
    );
    expect(repair).toEqual({ approved_on: today, commitment: '本单位已履行处罚决定，承诺今后依法诚信经营。', repaired_on: today });
    const audit = await t.db.query<{ action: string }>(`SELECT action FROM audit_log WHERE action = 'PENALTY_RECORD_REPAIRED'`);
    expect(audit).toHaveLength(1);
  });

  it('shows a newly pushed record within 5 s with the in-process job runner', async () => {
    const fresh = penaltyRecord({ severity: 'GENERAL', decisionDate: today, partyName: '全椒县即时公示食品店' });
    const started = Date.now();
    expect((await t.gql(SUBMIT, { records: [fresh] }, market())).data.submitPenaltyRecords.created).toBe(1);
    let found: string[] = [];
    while (found.length === 0 && Date.now() - started < 5000) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      found = numbers(await search({ q: '即时公示' }));
    }
    expect(found).toEqual([fresh.decisionNumber]);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

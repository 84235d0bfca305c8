// A regulator is confined to its region subtree for every read and every write (issue 10, first item). The
// data lives in 滁州 (341100): subjects of 天长市 (341181), pushed and listed by a 滁州 department. A regulator of
// 北京 (110000) attacks it through HTTP; a 滁州 regulator and a national one (100000) are the controls. Whatever
// lies outside the caller's subtree answers as if it did not exist: null or NOT_FOUND for one thing, an empty
// page for a list (libs/common/src/auth/region-scope.ts).
import { todayInChina } from '@credit/domain';
import { companyUscc, createTestApp, penaltyRecord, SUBMIT, TestApp } from '@credit/testing';

const SUBJECT = `query($u: String!) { creditSubject(uscc: $u) { name regionCode tier { level } penaltyRecords { totalCount edges { node { decisionNumber } } } } }`;
const LISTINGS = `query($f: ListingFilter) { listings(filter: $f) { totalCount edges { node { id reasons } } } }`;
const SUGGESTIONS = `{ listingSuggestions { totalCount edges { node { penaltyDecisionNumber } } } }`;
const STATS = `query($r: String, $from: Date!, $to: Date!) { jointPunishmentStats(regionCode: $r, from: $from, to: $to) { totalChecks departments { department { code } checks } } }`;
const RESOLVE = `mutation($id: ID!) { resolveListingObjection(objectionId: $id, upheld: true, reply: "异议成立") { status } }`;
const REMOVE = `mutation($id: ID!) { removeListing(listingId: $id, reason: REVOKED, note: "撤销") { status } }`;
const OBJECT = `mutation($id: ID!) { fileListingObjection(listingId: $id, content: "代当事人提出异议") { id } }`;
const LISTING = `query($u: String!) { listings(filter: { uscc: $u }) { edges { node { status openObjectionCount removalReason } } } }`;
const REASONS = '天长市某公司销售假冒伪劣商品，情节严重';

describe('regulators are confined to their region subtree', () => {
  let t: TestApp;
  let admin: Record<string, string>;
  let department: Record<string, string>;
  const regulators = {} as Record<'beijing' | 'chuzhou' | 'national', Record<string, string>>;
  const subjects = { objected: companyUscc('341181'), removable: companyUscc('341181') };
  const fixture = { listingId: '', objectionId: '', decisionNumber: '' };
  const codeOf = (r: { errors?: { extensions: { code: string } }[] }) => r.errors?.map((e) => e.extensions.code).join(',');

  async function regulator(username: string, regionCode: string): Promise<Record<string, string>> {
    const created = await t.gql(`mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`, { i: { username, password: 'regulator-password-1', role: 'REGULATOR', regionCode } }, admin);
    expect(created.errors).toBeUndefined();
    const login = await t.gql(`mutation($u: String!) { login(username: $u, password: "regulator-password-1") { accessToken } }`, { u: username });
    return { authorization: `Bearer ${login.data.login.accessToken}` };
  }

  /** Proposes and notifies a listing of `uscc`; returns its id. */
  async function notifiedListing(uscc: string, n: number, recordId: string): Promise<string> {
    const proposed = await t.gql(
      `mutation($input: ProposeListingInput!) { proposeListing(input: $input) { id } }`,
      { input: { uscc, listTypeCode: 'RC-LIST', decisionDocumentNumber: `滁信认〔2026〕${n}号`, reasons: REASONS, legalBasis: '《测试条例》第一条', penaltyRecordIds: [recordId] } },
      department,
    );
    expect(proposed.errors).toBeUndefined();
    const id = proposed.data.proposeListing.id as string;
    expect((await t.gql(`mutation($id: ID!, $d: Date!) { notifyListingParty(listingId: $id, noticeDate: $d) { id } }`, { id, d: todayInChina() }, department)).errors).toBeUndefined();
    return id;
  }

  beforeAll(async () => {
    t = await createTestApp();
    admin = { authorization: `Bearer ${await t.adminToken()}` };
    department = { 'x-api-key': (await t.createDepartment('RC-SCJGJ', '滁州市市场监督管理局', '341100')).apiKey };
    regulators.beijing = await regulator('bj-regulator', '110000');
    regulators.chuzhou = await regulator('cz-regulator', '341100');
    regulators.national = await regulator('cn-regulator', '100000');
    await t.gql(`mutation { createListType(input: { code: "RC-LIST", name: "测试名单", legalBasis: "《测试条例》第一条", designatingDepartmentCodes: ["RC-SCJGJ"], termMonths: 36, earliestRemovalMonths: 12, objectionDays: 5 }) { code } }`, {}, admin);
    await t.gql(`mutation { createMeasure(input: { code: "RC-M", listTypeCode: "RC-LIST", description: "限制参加政府采购", legalBasis: "《政府采购法》第二十二条", executingDepartmentCodes: ["RC-SCJGJ"], scenarios: [PROCUREMENT] }) { code } }`, {}, admin);
    const records = Object.values(subjects).map((uscc) => penaltyRecord({ uscc, severity: 'SERIOUS', penaltyCategories: ['FINE', 'REVOKE_LICENSE'], decisionDate: '2025-01-10' }));
    const pushed = await t.gql(SUBMIT, { records }, department);
    expect(pushed.data.submitPenaltyRecords.created).toBe(2);
    const [objectedRecord, removableRecord] = pushed.data.submitPenaltyRecords.results.map((r: { recordId: string }) => r.recordId);
    fixture.decisionNumber = records[0].decisionNumber as string;
    fixture.listingId = await notifiedListing(subjects.removable, 2, removableRecord);
    const objectedListing = await notifiedListing(subjects.objected, 1, objectedRecord);
    fixture.objectionId = (await t.gql(OBJECT, { id: objectedListing }, department)).data.fileListingObjection.id;
    expect((await t.gql(`query($u: String!) { jointPunishmentCheck(uscc: $u, scenario: PROCUREMENT) { checkId } }`, { u: subjects.objected }, department)).errors).toBeUndefined();
  });
  afterAll(() => t.close());

  it('creditSubject: a 110000 regulator cannot read a 341181 subject, its records or its tier', async () => {
    const out = await t.gql(SUBJECT, { u: subjects.objected }, regulators.beijing);
    expect(out.errors).toBeUndefined();
    expect(out.data.creditSubject).toBeNull();
    expect(out.raw).not.toContain(fixture.decisionNumber);
    for (const caller of [regulators.chuzhou, regulators.national]) {
      const seen = await t.gql(SUBJECT, { u: subjects.objected }, caller);
      expect(seen.data.creditSubject).toMatchObject({ regionCode: '341181', tier: { level: expect.any(String) }, penaltyRecords: { totalCount: 1 } });
    }
  });

  it("listings: a 110000 regulator sees none of 滁州's listings or their reasons, with or without a region filter", async () => {
    for (const filter of [null, { regionCode: '341100' }, { regionCode: '341181' }, { uscc: subjects.objected }]) {
      const out = await t.gql(LISTINGS, { f: filter }, regulators.beijing);
      expect(out.errors).toBeUndefined();
      expect(out.data.listings).toEqual({ totalCount: 0, edges: [] });
    }
    for (const caller of [regulators.chuzhou, regulators.national]) {
      const seen = await t.gql(LISTINGS, { f: null }, caller);
      expect(seen.data.listings.totalCount).toBe(2);
      expect(seen.raw).toContain(REASONS);
    }
  });

  it("listingSuggestions: a 110000 regulator sees none of 滁州's suggestions", async () => {
    const out = await t.gql(SUGGESTIONS, {}, regulators.beijing);
    expect(out.errors).toBeUndefined();
    expect(out.data.listingSuggestions).toEqual({ totalCount: 0, edges: [] });
    for (const caller of [regulators.chuzhou, regulators.national]) expect((await t.gql(SUGGESTIONS, {}, caller)).data.listingSuggestions.totalCount).toBe(2);
  });

  it('jointPunishmentStats: a 110000 regulator gets no statistics of 341100, asked for by code or not', async () => {
    const period = { from: '2026-01-01', to: todayInChina() };
    for (const r of ['341100', '100000', null]) {
      const out = await t.gql(STATS, { r, ...period }, regulators.beijing);
      expect(out.errors).toBeUndefined();
      expect(out.data.jointPunishmentStats).toEqual({ totalChecks: 0, departments: [] });
    }
    for (const caller of [regulators.chuzhou, regulators.national]) {
      const seen = await t.gql(STATS, { r: '341100', ...period }, caller);
      expect(seen.data.jointPunishmentStats.departments).toEqual([{ department: { code: 'RC-SCJGJ' }, checks: 1 }]);
    }
  });

  it("resolveListingObjection: a 110000 regulator cannot uphold an objection on a 滁州 listing (NOT_FOUND, nothing changes)", async () => {
    const out = await t.gql(RESOLVE, { id: fixture.objectionId }, regulators.beijing);
    expect(codeOf(out)).toBe('NOT_FOUND');
    // The same answer an objection that does not exist gets: existence is not leaked.
    const missing = await t.gql(RESOLVE, { id: '999999999' }, regulators.beijing);
    expect(out.errors?.[0].message).toBe(missing.errors?.[0].message.replace('999999999', fixture.objectionId));
    const listing = await t.gql(LISTING, { u: subjects.objected }, department);
    expect(listing.data.listings.edges[0].node).toEqual({ status: 'NOTIFIED', openObjectionCount: 1, removalReason: null });
  });

  it('removeListing: a 110000 regulator cannot revoke a 滁州 listing (NOT_FOUND, nothing changes)', async () => {
    const out = await t.gql(REMOVE, { id: fixture.listingId }, regulators.beijing);
    expect(codeOf(out)).toBe('NOT_FOUND');
    const missing = await t.gql(REMOVE, { id: '999999999' }, regulators.beijing);
    expect(out.errors?.[0].message).toBe(missing.errors?.[0].message.replace('999999999', fixture.listingId));
    const listing = await t.gql(LISTING, { u: subjects.removable }, department);
    expect(listing.data.listings.edges[0].node).toMatchObject({ status: 'NOTIFIED', removalReason: null });
  });

  it('fileListingObjection: a 110000 regulator cannot object to a 滁州 listing (NOT_FOUND, nothing changes)', async () => {
    const out = await t.gql(OBJECT, { id: fixture.listingId }, regulators.beijing);
    expect(codeOf(out)).toBe('NOT_FOUND');
    const listing = await t.gql(LISTING, { u: subjects.removable }, department);
    expect(listing.data.listings.edges[0].node.openObjectionCount).toBe(0);
  });

  it('departmentList: a 110000 regulator does not see 滁州 departments', async () => {
    const codes = async (caller: Record<string, string>) => (await t.gql('{ departmentList(first: 200) { totalCount edges { node { code } } } }', {}, caller)).data.departmentList;
    expect(await codes(regulators.beijing)).toEqual({ totalCount: 0, edges: [] });
    expect((await codes(regulators.chuzhou)).edges).toEqual([{ node: { code: 'RC-SCJGJ' } }]);
    expect((await codes(regulators.national)).edges).toEqual([{ node: { code: 'RC-SCJGJ' } }]);
  });

  it('a 341100 regulator upholds the objection and a national one (100000) revokes the listing', async () => {
    expect(codeOf(await t.gql(RESOLVE, { id: fixture.objectionId }, regulators.chuzhou))).toBeUndefined();
    expect(codeOf(await t.gql(REMOVE, { id: fixture.listingId }, regulators.national))).toBeUndefined();
    expect((await t.gql(LISTING, { u: subjects.objected }, department)).data.listings.edges[0].node).toMatchObject({ status: 'NOT_LISTED', removalReason: 'OBJECTION_UPHELD' });
    expect((await t.gql(LISTING, { u: subjects.removable }, department)).data.listings.edges[0].node).toMatchObject({ status: 'NOT_LISTED', removalReason: 'REVOKED' });
  });
});

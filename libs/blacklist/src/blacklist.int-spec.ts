// The blacklist capability against a real PostgreSQL, through the GraphQL API: catalogue rules, access and
// procedure refusals, suggested proposals from penalty pushes, the expiry sweep, visibility and statistics.
import { addDays, addMonths } from '@credit/domain';
import { companyUscc, createTestApp, penaltyRecord, SUBMIT, TestApp } from '@credit/testing';
import { ListingClock } from './listing-clock';
import { ListingExpiryJob } from './listing-expiry.job';

const CREATE_LIST_TYPE = `mutation($i: CreateListTypeInput!) { createListType(input: $i) { code legalBasis termMonths } }`;
const CREATE_MEASURE = `mutation($i: CreateMeasureInput!) { createMeasure(input: $i) { code listTypeCode scenarios } }`;
const PROPOSE = `mutation($input: ProposeListingInput!) { proposeListing(input: $input) { id status subject { name } } }`;
const NOTIFY = `mutation($id: ID!, $d: Date!) { notifyListingParty(listingId: $id, noticeDate: $d) { status objectionDeadline } }`;
const CONFIRM = `mutation($id: ID!) { confirmListing(listingId: $id) { status listedAt expiresAt } }`;
const OBJECT = `mutation($id: ID!) { fileListingObjection(listingId: $id, content: "异议") { id status } }`;
const RESOLVE = `mutation($id: ID!, $u: Boolean!) { resolveListingObjection(objectionId: $id, upheld: $u, reply: "答复") { status } }`;
const LISTINGS = `query($f: ListingFilter) { listings(filter: $f) { totalCount edges { node { id status removalReason removedAt } } } }`;
const SUGGESTIONS = `{ listingSuggestions { totalCount edges { node { status penaltyDecisionNumber listingId department { code } listType { code } subject { uscc } } } } }`;

const TERMS = { termMonths: 24, earliestRemovalMonths: 6, objectionDays: 7 };
const LIST_TYPE = { code: 'TEST-LIST', name: '测试严重失信名单', legalBasis: '《测试管理办法》第五条', designatingDepartmentCodes: ['CZ-SCJGJ'], ...TERMS };

describe('blacklist capability (integration)', () => {
  let t: TestApp;
  let admin: Record<string, string>;
  let regulator: Record<string, string>;
  const keys: Record<string, string> = {};
  const as = (code: string) => ({ 'x-api-key': keys[code] });
  const codeOf = (r: { errors?: { extensions: { code: string } }[] }) => r.errors?.[0].extensions.code;
  const setToday = (date: string) => jest.spyOn(t.app.get(ListingClock), 'today').mockReturnValue(date);
  let seq = 0;
  const propose = (uscc: string, extra: Record<string, unknown> = {}, department = 'CZ-SCJGJ') =>
    t.gql(PROPOSE, { input: { uscc, listTypeCode: 'TEST-LIST', decisionDocumentNumber: `滁市监信认〔2026〕${++seq}号`, reasons: '严重违法', legalBasis: '第五条', penaltyRecordIds: [], subjectName: '滁州市测试公司', ...extra } }, as(department));

  /** A listing taken to LISTED on `listedOn` (proposed and notified 8 days before). */
  async function listedOn(uscc: string, listedOnDate: string): Promise<string> {
    setToday(addDays(listedOnDate, -8));
    const id = (await propose(uscc)).data.proposeListing.id;
    await t.gql(NOTIFY, { id, d: addDays(listedOnDate, -8) }, as('CZ-SCJGJ'));
    setToday(listedOnDate);
    const confirmed = await t.gql(CONFIRM, { id }, as('CZ-SCJGJ'));
    expect(confirmed.data.confirmListing.status).toBe('LISTED');
    return id;
  }

  beforeAll(async () => {
    t = await createTestApp();
    for (const code of ['CZ-SCJGJ', 'CZ-CZJ']) keys[code] = (await t.createDepartment(code)).apiKey;
    admin = { authorization: `Bearer ${await t.adminToken()}` };
    const user = await t.gql(`mutation { createUser(input: { username: "credit-office", password: "regulator-pass-22", role: REGULATOR }) { id } }`, {}, admin);
    expect(user.errors).toBeUndefined();
    regulator = { authorization: `Bearer ${(await t.gql(`mutation { login(username: "credit-office", password: "regulator-pass-22") { accessToken } }`)).data.login.accessToken}` };
    expect((await t.gql(CREATE_LIST_TYPE, { i: LIST_TYPE }, admin)).errors).toBeUndefined();
    const measure = await t.gql(CREATE_MEASURE, { i: { code: 'TEST-SUBSIDY', listTypeCode: 'TEST-LIST', description: '限制财政补贴', legalBasis: '国发〔2016〕33号', executingDepartmentCodes: ['CZ-CZJ'], scenarios: ['SUBSIDY'] } }, admin);
    expect(measure.data.createMeasure).toEqual({ code: 'TEST-SUBSIDY', listTypeCode: 'TEST-LIST', scenarios: ['SUBSIDY'] });
  });
  afterAll(() => t.close());
  afterEach(() => jest.restoreAllMocks());

  describe('who may call what', () => {
    // Ids that do not exist: a caller the guard lets through gets NOT_FOUND (or a validation code), never
    // FORBIDDEN / UNAUTHENTICATED, which are the guard's answers.
    const operations: [string, string, string[]][] = [
      ['createListType', `mutation { createListType(input: { code: "X-1", name: "n", legalBasis: " ", designatingDepartmentCodes: ["CZ-SCJGJ"], termMonths: 12, earliestRemovalMonths: 0, objectionDays: 5 }) { code } }`, ['ADMIN']],
      ['createMeasure', `mutation { createMeasure(input: { code: "X-1", listTypeCode: "NOPE", description: "d", legalBasis: "b", executingDepartmentCodes: ["CZ-CZJ"], scenarios: [OTHER] }) { code } }`, ['ADMIN']],
      ['listTypes', `{ listTypes { code } }`, ['ADMIN', 'REGULATOR', 'DEPARTMENT']],
      ['measures', `{ measures { code } }`, ['ADMIN', 'REGULATOR', 'DEPARTMENT']],
      ['proposeListing', `mutation { proposeListing(input: { uscc: "91350100M000100Y43", listTypeCode: "NOPE", decisionDocumentNumber: "x", reasons: "r", legalBasis: "b", penaltyRecordIds: [] }) { id } }`, ['DEPARTMENT']],
      ['notifyListingParty', `mutation { notifyListingParty(listingId: "999999", noticeDate: "2026-01-01") { id } }`, ['DEPARTMENT']],
      ['fileListingObjection', `mutation { fileListingObjection(listingId: "999999", content: "c") { id } }`, ['DEPARTMENT', 'REGULATOR']],
      ['resolveListingObjection', `mutation { resolveListingObjection(objectionId: "999999", upheld: false, reply: "r") { id } }`, ['DEPARTMENT', 'REGULATOR']],
      ['confirmListing', `mutation { confirmListing(listingId: "999999") { id } }`, ['DEPARTMENT']],
      ['removeListing', `mutation { removeListing(listingId: "999999", reason: REVOKED) { id } }`, ['DEPARTMENT', 'REGULATOR']],
      ['listings', `{ listings { totalCount } }`, ['ADMIN', 'REGULATOR', 'DEPARTMENT']],
      ['listingSuggestions', `{ listingSuggestions { totalCount } }`, ['REGULATOR', 'DEPARTMENT']],
      ['jointPunishmentCheck', `{ jointPunishmentCheck(uscc: "91350100M000100Y43", scenario: OTHER) { listed } }`, ['DEPARTMENT']],
      ['recordMeasureFeedback', `mutation { recordMeasureFeedback(checkId: "999999", measureCode: "X", applied: true) { id } }`, ['DEPARTMENT']],
      ['jointPunishmentStats', `{ jointPunishmentStats(from: "2026-01-01", to: "2026-01-31") { totalChecks } }`, ['REGULATOR']],
      ['publicSeriousDishonestyList', `{ publicSeriousDishonestyList { totalCount } }`, ['ANONYMOUS', 'ADMIN', 'REGULATOR', 'DEPARTMENT']],
    ];

    it.each(operations)('%s', async (_name, document, allowed) => {
      const callers: [string, Record<string, string>][] = [['ANONYMOUS', {}], ['DEPARTMENT', as('CZ-CZJ')], ['REGULATOR', regulator], ['ADMIN', admin]];
      const outcomes = await Promise.all(callers.map(async ([role, headers]) => [role, codeOf(await t.gql(document, {}, headers)) ?? 'OK'] as const));
      for (const [role, code] of outcomes) {
        if (allowed.includes(role)) expect([role, ['UNAUTHENTICATED', 'FORBIDDEN'].includes(code)]).toEqual([role, false]);
        else expect([role, code]).toEqual([role, role === 'ANONYMOUS' ? 'UNAUTHENTICATED' : 'FORBIDDEN']);
      }
    });
  });

  describe('catalogue', () => {
    it('refuses a list type without a legal basis, in the API and in the table itself', async () => {
      const blank = await t.gql(CREATE_LIST_TYPE, { i: { ...LIST_TYPE, code: 'NO-BASIS', legalBasis: '   ' } }, admin);
      expect(blank.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.legalBasis' });
      await expect(
        t.db.query(`INSERT INTO list_types (code, name, legal_basis, designating_department_codes, term_months, earliest_removal_months, objection_days) VALUES ('RAW', '名单', ' ', '{CZ-SCJGJ}', 12, 0, 5)`),
      ).rejects.toMatchObject({ code: '23514', constraint: 'list_types_legal_basis_not_blank' });
      expect(await t.db.query(`SELECT code FROM list_types ORDER BY code`)).toEqual([{ code: 'TEST-LIST' }]);
    });

    it('checks the terms with the domain rule and names the field', async () => {
      const bad = await t.gql(CREATE_LIST_TYPE, { i: { ...LIST_TYPE, code: 'BAD-TERMS', earliestRemovalMonths: 30 } }, admin);
      expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.earliestRemovalMonths', fieldErrors: [expect.objectContaining({ code: 'INVALID_TERM' })] });
      const zero = await t.gql(CREATE_LIST_TYPE, { i: { ...LIST_TYPE, code: 'ZERO-DAYS', objectionDays: 0 } }, admin);
      expect(zero.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.objectionDays' });
    });

    it('answers duplicates, unknown list types and wrong roles with codes', async () => {
      expect(codeOf(await t.gql(CREATE_LIST_TYPE, { i: LIST_TYPE }, admin))).toBe('CONFLICT');
      const orphan = await t.gql(CREATE_MEASURE, { i: { code: 'ORPHAN', listTypeCode: 'NOPE', description: 'x', legalBasis: 'y', executingDepartmentCodes: ['CZ-CZJ'], scenarios: ['OTHER'] } }, admin);
      expect(codeOf(orphan)).toBe('NOT_FOUND');
      expect(codeOf(await t.gql(CREATE_LIST_TYPE, { i: { ...LIST_TYPE, code: 'BY-DEPT' } }, as('CZ-CZJ')))).toBe('FORBIDDEN');
      expect(codeOf(await t.gql(`{ listTypes { code } }`))).toBe('UNAUTHENTICATED');
      const read = await t.gql(`{ listTypes { code designatingDepartmentCodes } measures(listTypeCode: "TEST-LIST") { code } }`, {}, as('CZ-CZJ'));
      expect(read.data).toEqual({ listTypes: [{ code: 'TEST-LIST', designatingDepartmentCodes: ['CZ-SCJGJ'] }], measures: [{ code: 'TEST-SUBSIDY' }] });
    });
  });

  describe('procedure', () => {
    it('ends a listing when an objection is upheld, and refuses what may no longer happen', async () => {
      const uscc = companyUscc();
      setToday('2026-03-02');
      const id = (await propose(uscc)).data.proposeListing.id;
      expect(codeOf(await t.gql(OBJECT, { id }, as('CZ-SCJGJ')))).toBe('INVALID_TRANSITION'); // not notified yet
      expect(codeOf(await t.gql(NOTIFY, { id, d: '2026-03-02' }, as('CZ-CZJ')))).toBe('FORBIDDEN');
      expect(codeOf(await t.gql(NOTIFY, { id, d: '2026-03-03' }, as('CZ-SCJGJ')))).toBe('INVALID_DATE');
      expect((await t.gql(NOTIFY, { id, d: '2026-03-02' }, as('CZ-SCJGJ'))).data.notifyListingParty).toEqual({ status: 'NOTIFIED', objectionDeadline: '2026-03-09' });
      expect(codeOf(await t.gql(CONFIRM, { id }, admin))).toBe('FORBIDDEN');
      const objection = (await t.gql(OBJECT, { id }, as('CZ-SCJGJ'))).data.fileListingObjection;
      setToday('2026-03-10');
      expect(codeOf(await t.gql(CONFIRM, { id }, as('CZ-SCJGJ')))).toBe('OPEN_OBJECTION');
      expect(codeOf(await t.gql(OBJECT, { id }, as('CZ-SCJGJ')))).toBe('OBJECTION_WINDOW_CLOSED');
      expect((await t.gql(RESOLVE, { id: objection.id, u: true }, as('CZ-SCJGJ'))).data.resolveListingObjection).toEqual({ status: 'UPHELD' });
      expect(codeOf(await t.gql(CONFIRM, { id }, as('CZ-SCJGJ')))).toBe('INVALID_TRANSITION');
      expect(codeOf(await t.gql(RESOLVE, { id: objection.id, u: false }, as('CZ-SCJGJ')))).toBe('INVALID_TRANSITION');
      const [row] = await t.db.query(`SELECT status, removal_reason, removed_on FROM listings WHERE id = $1`, [id]);
      expect(row).toEqual({ status: 'NOT_LISTED', removal_reason: 'OBJECTION_UPHELD', removed_on: '2026-03-10' });
    });

    it('checks the subject, its penalty records and duplicates before proposing', async () => {
      setToday('2026-03-02');
      const unknown = companyUscc();
      expect((await propose(unknown, { subjectName: null })).errors?.[0].extensions).toMatchObject({ code: 'SUBJECT_NOT_FOUND', field: 'input.subjectName' });
      expect(codeOf(await propose('91350100M000100Y4Z'))).toBe('INVALID_USCC');
      const other = penaltyRecord();
      const pushed = await t.gql(SUBMIT, { records: [other] }, as('CZ-SCJGJ'));
      const foreignRecord = pushed.data.submitPenaltyRecords.results[0].recordId;
      const wrong = await propose(unknown, { penaltyRecordIds: [foreignRecord] });
      expect(wrong.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.penaltyRecordIds' });
      const created = await propose(unknown, { subjectName: '滁州市新登记商贸有限公司' });
      expect(created.data.proposeListing).toMatchObject({ status: 'PROPOSED', subject: { name: '滁州市新登记商贸有限公司' } });
      expect(codeOf(await propose(unknown))).toBe('CONFLICT');
      expect(codeOf(await propose(unknown, { listTypeCode: 'NOPE' }))).toBe('NOT_FOUND');
    });
  });

  describe('suggested proposals', () => {
    it('suggests a listing for serious revocations, closures and practice bans only, to the designating department', async () => {
      const revoked = penaltyRecord({ severity: 'SERIOUS', penaltyCategories: ['REVOKE_LICENSE', 'FINE'] });
      const seriousFine = penaltyRecord({ severity: 'SERIOUS', penaltyCategories: ['FINE'] });
      const generalClosure = penaltyRecord({ severity: 'GENERAL', penaltyCategories: ['ORDER_CLOSURE'], fineAmount: null, penaltyContent: '责令关闭' });
      const ban = penaltyRecord({ severity: 'SERIOUS', penaltyCategories: ['RESTRICT_PRACTICE'], fineAmount: null, penaltyContent: '限制从业三年' });
      const pushed = await t.gql(SUBMIT, { records: [revoked, seriousFine, generalClosure, ban] }, as('CZ-SCJGJ'));
      expect(pushed.data.submitPenaltyRecords.created).toBe(4);
      const byFinance = penaltyRecord({ severity: 'SERIOUS', penaltyCategories: ['ORDER_CLOSURE'], fineAmount: null, penaltyContent: '责令关闭' });
      expect((await t.gql(SUBMIT, { records: [byFinance] }, as('CZ-CZJ'))).data.submitPenaltyRecords.created).toBe(1);

      const market = (await t.gql(SUGGESTIONS, {}, as('CZ-SCJGJ'))).data.listingSuggestions;
      expect(market.edges.map((e: any) => e.node)).toEqual([
        { status: 'OPEN', penaltyDecisionNumber: ban.decisionNumber, listingId: null, department: { code: 'CZ-SCJGJ' }, listType: { code: 'TEST-LIST' }, subject: { uscc: ban.uscc } },
        { status: 'OPEN', penaltyDecisionNumber: revoked.decisionNumber, listingId: null, department: { code: 'CZ-SCJGJ' }, listType: { code: 'TEST-LIST' }, subject: { uscc: revoked.uscc } },
      ]);
      expect((await t.gql(SUGGESTIONS, {}, as('CZ-CZJ'))).data.listingSuggestions.totalCount).toBe(0);
      expect(await t.db.query(`SELECT count(*)::int AS n FROM listings WHERE subject_id IN (SELECT id FROM credit_subjects WHERE uscc = $1)`, [revoked.uscc])).toEqual([{ n: 0 }]);

      setToday('2026-11-01');
      const listing = (await propose(revoked.uscc as string)).data.proposeListing.id;
      await t.gql(`mutation($n: String!) { revokePenaltyRecord(decisionNumber: $n, reason: "行政复议撤销") { status } }`, { n: ban.decisionNumber }, as('CZ-SCJGJ'));
      const after = (await t.gql(SUGGESTIONS, {}, as('CZ-SCJGJ'))).data.listingSuggestions.edges.map((e: any) => [e.node.penaltyDecisionNumber, e.node.status, e.node.listingId]);
      expect(after).toEqual([[ban.decisionNumber, 'WITHDRAWN', null], [revoked.decisionNumber, 'PROPOSED', listing]]);
    });
  });

  describe('expiry, visibility and statistics', () => {
    it('sweeps listings whose term ran out as EXPIRED, and stops showing them the day they expire', async () => {
      const uscc = companyUscc();
      const id = await listedOn(uscc, '2024-01-10');
      const expires = addMonths('2024-01-10', TERMS.termMonths);
      setToday(addDays(expires, -1));
      const job = t.app.get(ListingExpiryJob);
      expect(await job.run()).toBe(false);
      expect((await t.gql(`query($q: String) { publicSeriousDishonestyList(query: $q) { totalCount } }`, { q: uscc })).data.publicSeriousDishonestyList.totalCount).toBe(1);

      setToday(expires);
      expect((await t.gql(`query($q: String) { publicSeriousDishonestyList(query: $q) { totalCount } }`, { q: uscc })).data.publicSeriousDishonestyList.totalCount).toBe(0);
      const check = await t.gql(`query($u: String!) { jointPunishmentCheck(uscc: $u, scenario: SUBSIDY) { listed measures { code } } }`, { u: uscc }, as('CZ-CZJ'));
      expect(check.data.jointPunishmentCheck).toEqual({ listed: false, measures: [] });
      await job.run();
      const swept = await t.gql(LISTINGS, { f: { uscc } }, admin);
      expect(swept.data.listings.edges.map((e: any) => e.node)).toEqual([{ id, status: 'REMOVED', removalReason: 'EXPIRED', removedAt: expires }]);
      const overrides = await t.db.query(`SELECT active_from, active_to FROM subject_tier_overrides WHERE source = 'LISTING' AND source_id = $1`, [id]);
      expect(overrides).toEqual([{ active_from: '2024-01-10', active_to: expires }]);
      const [audit] = await t.db.query(`SELECT actor_type, actor_name, details FROM audit_log WHERE target_type = 'LISTING' AND target_id = $1 ORDER BY id DESC LIMIT 1`, [id]);
      expect(audit).toMatchObject({ actor_type: 'SYSTEM', actor_name: 'listing-expiry', details: { from: 'LISTED', to: 'REMOVED', reason: 'EXPIRED' } });
    });

    it("hides other departments' drafts but shows every listing that reached LISTED", async () => {
      const draftUscc = companyUscc();
      setToday('2026-05-01');
      await propose(draftUscc);
      const listedUscc = companyUscc();
      await listedOn(listedUscc, '2026-05-20');
      const seen = async (headers: Record<string, string>, uscc: string) => (await t.gql(LISTINGS, { f: { uscc } }, headers)).data.listings.totalCount;
      expect([await seen(as('CZ-CZJ'), draftUscc), await seen(as('CZ-CZJ'), listedUscc)]).toEqual([0, 1]);
      expect([await seen(as('CZ-SCJGJ'), draftUscc), await seen(admin, draftUscc)]).toEqual([1, 1]);
      const byStatus = await t.gql(LISTINGS, { f: { status: 'PROPOSED', regionCode: '341100' } }, as('CZ-SCJGJ'));
      expect(byStatus.data.listings.edges.every((e: any) => e.node.status === 'PROPOSED')).toBe(true);
      expect(codeOf(await t.gql(LISTINGS, { f: { uscc: '123' } }, admin))).toBe('INVALID_USCC');
    });

    it('counts checks and feedback per department within a region and period', async () => {
      const uscc = companyUscc();
      await listedOn(uscc, '2026-06-01');
      setToday('2026-06-02');
      const check = (await t.gql(`query($u: String!) { jointPunishmentCheck(uscc: $u, scenario: SUBSIDY) { checkId measures { code } } }`, { u: uscc }, as('CZ-CZJ'))).data.jointPunishmentCheck;
      expect(check.measures).toEqual([{ code: 'TEST-SUBSIDY' }]);
      await t.gql(`query($u: String!) { jointPunishmentCheck(uscc: $u, scenario: HONORS) { checkId } }`, { u: uscc }, as('CZ-CZJ'));
      const feedback = `mutation($c: ID!) { recordMeasureFeedback(checkId: $c, measureCode: "TEST-SUBSIDY", applied: false, note: "补贴已于核查前发放") { applied } }`;
      expect((await t.gql(feedback, { c: check.checkId }, as('CZ-CZJ'))).data.recordMeasureFeedback).toEqual({ applied: false });
      expect(codeOf(await t.gql(feedback, { c: check.checkId }, as('CZ-CZJ')))).toBe('FEEDBACK_ALREADY_RECORDED');

      const stats = (region: string | null, from: string, to: string) =>
        t.gql(`query($r: String, $f: Date!, $t: Date!) { jointPunishmentStats(regionCode: $r, from: $f, to: $t) { totalChecks departments { department { code } checks listedChecks measuresReturned feedbackApplied feedbackNotApplied feedbackPending } } }`, { r: region, f: from, t: to }, regulator);
      expect((await stats('341100', '2026-06-02', '2026-06-02')).data.jointPunishmentStats).toEqual({
        totalChecks: 2,
        departments: [{ department: { code: 'CZ-CZJ' }, checks: 2, listedChecks: 2, measuresReturned: 1, feedbackApplied: 0, feedbackNotApplied: 1, feedbackPending: 0 }],
      });
      expect((await stats('340500', '2026-06-02', '2026-06-02')).data.jointPunishmentStats.totalChecks).toBe(0);
      expect(codeOf(await stats(null, '2026-06-03', '2026-06-02'))).toBe('BAD_USER_INPUT');
      expect(codeOf(await t.gql(`{ jointPunishmentStats(from: "2026-01-01", to: "2026-01-02") { totalChecks } }`, {}, as('CZ-CZJ')))).toBe('FORBIDDEN');
    });
  });
});

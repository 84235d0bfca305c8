// The serious-dishonesty list end to end over HTTP: catalogue → propose → notify → objection window →
// objection filed and rejected → listed (tier D) → another department's joint-punishment check and feedback →
// early removal after credit repair → tier recomputed → off the public list.
// Time moves through ListingClock; the dates lie in the past relative to the real today so that the tier
// service (which evaluates on the real today) sees the listing active and then removed.
import { ListingClock } from '@credit/blacklist';
import { addDays, addMonths, todayInChina } from '@credit/domain';
import { companyUscc, createTestApp, penaltyRecord, SUBMIT, TestApp } from '@credit/testing';

const LISTING_FIELDS = `id status proposedAt noticeDate objectionDeadline listedAt expiresAt earliestRepairRemovalDate removedAt
  removalReason openObjectionCount penaltyRecordIds decisionDocumentNumber proposingDepartment { code }
  subject { uscc name } listType { code } objections { status content reply filedBy }`;
const PROPOSE = `mutation($input: ProposeListingInput!) { proposeListing(input: $input) { ${LISTING_FIELDS} } }`;
const NOTIFY = `mutation($id: ID!, $d: Date!) { notifyListingParty(listingId: $id, noticeDate: $d) { ${LISTING_FIELDS} } }`;
const CONFIRM = `mutation($id: ID!) { confirmListing(listingId: $id) { ${LISTING_FIELDS} } }`;
const OBJECT = `mutation($id: ID!, $c: String!) { fileListingObjection(listingId: $id, content: $c) { id status filedOn } }`;
const RESOLVE = `mutation($id: ID!, $u: Boolean!, $r: String!) { resolveListingObjection(objectionId: $id, upheld: $u, reply: $r) { id status reply resolvedOn } }`;
const REMOVE = `mutation($id: ID!, $r: RemovalReason!, $n: String) { removeListing(listingId: $id, reason: $r, note: $n) { ${LISTING_FIELDS} } }`;
const CHECK = `query($u: String!, $s: Scenario!) { jointPunishmentCheck(uscc: $u, scenario: $s) {
  checkId listed listings { id status } measures { code legalBasis listTypeCode listing { id decisionDocumentNumber } } } }`;
const FEEDBACK = `mutation($c: ID!, $m: String!, $a: Boolean!, $n: String) { recordMeasureFeedback(checkId: $c, measureCode: $m, applied: $a, note: $n) { checkId measureCode listingId applied note } }`;
const PUBLIC_LIST = `query($q: String) { publicSeriousDishonestyList(query: $q) { totalCount edges { node { name uscc listTypeName reasons legalBasis decisionDocumentNumber listedAt expiresAt } } } }`;
const TIER = `query($u: String!) { creditSubject(uscc: $u) { tier { level reasons { code description listingId } } } }`;
const STATS = `query($f: Date!, $t: Date!) { jointPunishmentStats(from: $f, to: $t) { totalChecks departments { department { code } checks listedChecks measuresReturned feedbackApplied feedbackNotApplied feedbackPending } } }`;

describe('serious-dishonesty list and joint punishment (e2e over HTTP)', () => {
  let t: TestApp;
  const keys: Record<string, string> = {};
  let regulator: string;
  const today = todayInChina();
  const daysAgo = (n: number) => addDays(today, -n);

  beforeAll(async () => {
    t = await createTestApp();
    for (const [code, name] of [['CZ-SCJGJ', '滁州市市场监督管理局'], ['CZ-CZJ', '滁州市财政局'], ['CZ-ZRZYJ', '滁州市自然资源和规划局']]) {
      keys[code] = (await t.createDepartment(code, name)).apiKey;
    }
    const admin = { authorization: `Bearer ${await t.adminToken()}` };
    const user = await t.gql(`mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`, { i: { username: 'credit-office', password: 'regulator-password-1', role: 'REGULATOR' } }, admin);
    expect(user.errors).toBeUndefined();
    const login = await t.gql(`mutation { login(username: "credit-office", password: "regulator-password-1") { accessToken } }`);
    regulator = login.data.login.accessToken;

    const listType = await t.gql(
      `mutation($i: CreateListTypeInput!) { createListType(input: $i) { code termMonths } }`,
      { i: { code: 'SAMR-SERIOUS-ILLEGAL', name: '市场监督管理严重违法失信名单', legalBasis: '《市场监督管理严重违法失信名单管理办法》', designatingDepartmentCodes: ['CZ-SCJGJ'], termMonths: 36, earliestRemovalMonths: 12, objectionDays: 5 } },
      admin,
    );
    expect(listType.errors).toBeUndefined();
    const measures = [
      { code: 'PROCUREMENT-LIMIT', description: '依法限制参加政府采购活动', executingDepartmentCodes: ['CZ-CZJ'], scenarios: ['PROCUREMENT'] },
      { code: 'HONORS-LIMIT', description: '限制参加评优评先', executingDepartmentCodes: ['CZ-CZJ', 'CZ-ZRZYJ'], scenarios: ['HONORS'] },
      { code: 'LAND-SUPPLY-LIMIT', description: '依法限制取得政府供应土地', executingDepartmentCodes: ['CZ-ZRZYJ'], scenarios: ['PROCUREMENT', 'TENDERING'] },
    ];
    for (const m of measures) {
      const created = await t.gql(`mutation($i: CreateMeasureInput!) { createMeasure(input: $i) { code } }`, { i: { ...m, listTypeCode: 'SAMR-SERIOUS-ILLEGAL', legalBasis: `国发〔2016〕33号 (${m.code})` } }, admin);
      expect(created.errors).toBeUndefined();
    }
  });
  afterAll(() => t.close());

  const as = (code: string) => ({ 'x-api-key': keys[code] });
  const asRegulator = () => ({ authorization: `Bearer ${regulator}` });
  const setToday = (date: string) => jest.spyOn(t.app.get(ListingClock), 'today').mockReturnValue(date);
  const codeOf = (response: { errors?: { extensions: { code: string } }[] }) => response.errors?.[0].extensions.code;

  it('walks the whole lifecycle: procedure, tier, joint punishment, repair, public list', async () => {
    const uscc = companyUscc('341102');
    const record = penaltyRecord({ uscc, partyName: '滁州市失信测试贸易有限公司', severity: 'GENERAL', decisionDate: daysAgo(420) });
    const pushed = await t.gql(SUBMIT, { records: [record] }, as('CZ-SCJGJ'));
    const recordId = pushed.data.submitPenaltyRecords.results[0].recordId as string;
    expect((await t.gql(TIER, { u: uscc }, asRegulator())).data.creditSubject.tier.level).toBe('A');

    const input = { uscc, listTypeCode: 'SAMR-SERIOUS-ILLEGAL', decisionDocumentNumber: '滁市监信认〔2025〕7号', reasons: '拒不履行生效行政处罚决定，情节严重', legalBasis: '《市场监督管理严重违法失信名单管理办法》第十条', penaltyRecordIds: [recordId] };
    const notDesignated = await t.gql(PROPOSE, { input: { ...input, decisionDocumentNumber: '滁财信认〔2025〕1号' } }, as('CZ-CZJ'));
    expect(codeOf(notDesignated)).toBe('NOT_DESIGNATING_DEPARTMENT');

    setToday(daysAgo(400));
    const proposed = await t.gql(PROPOSE, { input }, as('CZ-SCJGJ'));
    expect(proposed.errors).toBeUndefined();
    const listing = proposed.data.proposeListing;
    expect(listing).toMatchObject({ status: 'PROPOSED', proposedAt: daysAgo(400), penaltyRecordIds: [recordId], proposingDepartment: { code: 'CZ-SCJGJ' }, subject: { uscc }, listType: { code: 'SAMR-SERIOUS-ILLEGAL' } });

    const notified = await t.gql(NOTIFY, { id: listing.id, d: daysAgo(400) }, as('CZ-SCJGJ'));
    expect(notified.data.notifyListingParty).toMatchObject({ status: 'NOTIFIED', noticeDate: daysAgo(400), objectionDeadline: daysAgo(395) });

    setToday(daysAgo(398));
    expect(codeOf(await t.gql(CONFIRM, { id: listing.id }, as('CZ-SCJGJ')))).toBe('OBJECTION_WINDOW_OPEN');

    setToday(daysAgo(397));
    const objection = await t.gql(OBJECT, { id: listing.id, c: '当事人称已履行处罚决定，申请不予列入' }, as('CZ-SCJGJ'));
    expect(objection.data.fileListingObjection).toMatchObject({ status: 'OPEN', filedOn: daysAgo(397) });
    setToday(daysAgo(396));
    const rejected = await t.gql(RESOLVE, { id: objection.data.fileListingObjection.id, u: false, r: '经核查，罚款至今未缴纳，异议不成立' }, asRegulator());
    expect(rejected.data.resolveListingObjection).toMatchObject({ status: 'REJECTED', resolvedOn: daysAgo(396) });

    setToday(daysAgo(394));
    const confirmed = await t.gql(CONFIRM, { id: listing.id }, as('CZ-SCJGJ'));
    expect(confirmed.errors).toBeUndefined();
    expect(confirmed.data.confirmListing).toMatchObject({
      status: 'LISTED', listedAt: daysAgo(394), expiresAt: addMonths(daysAgo(394), 36), earliestRepairRemovalDate: addMonths(daysAgo(394), 12), openObjectionCount: 0,
      objections: [{ status: 'REJECTED', filedBy: 'CZ-SCJGJ', reply: '经核查，罚款至今未缴纳，异议不成立' }],
    });
    const listedTier = (await t.gql(TIER, { u: uscc }, asRegulator())).data.creditSubject.tier;
    expect(listedTier.level).toBe('D');
    expect(listedTier.reasons).toContainEqual({
      code: 'OVERRIDE_LISTED',
      description: '列入严重失信主体名单：市场监督管理严重违法失信名单（滁市监信认〔2025〕7号），分类为D',
      listingId: listing.id,
    });

    const publicBefore = await t.gql(PUBLIC_LIST, { q: '失信测试贸易' });
    expect(publicBefore.data.publicSeriousDishonestyList.edges.map((e: any) => e.node)).toEqual([
      { name: '滁州市失信测试贸易有限公司', uscc, listTypeName: '市场监督管理严重违法失信名单', reasons: input.reasons, legalBasis: input.legalBasis, decisionDocumentNumber: input.decisionDocumentNumber, listedAt: daysAgo(394), expiresAt: addMonths(daysAgo(394), 36) },
    ]);

    const check = await t.gql(CHECK, { u: uscc, s: 'PROCUREMENT' }, as('CZ-CZJ'));
    expect(check.errors).toBeUndefined();
    expect(check.data.jointPunishmentCheck).toMatchObject({
      listed: true,
      listings: [{ id: listing.id, status: 'LISTED' }],
      measures: [{ code: 'PROCUREMENT-LIMIT', legalBasis: '国发〔2016〕33号 (PROCUREMENT-LIMIT)', listTypeCode: 'SAMR-SERIOUS-ILLEGAL', listing: { id: listing.id, decisionDocumentNumber: input.decisionDocumentNumber } }],
    });
    const checkId = check.data.jointPunishmentCheck.checkId;
    expect(codeOf(await t.gql(FEEDBACK, { c: checkId, m: 'LAND-SUPPLY-LIMIT', a: true }, as('CZ-CZJ')))).toBe('MEASURE_NOT_IN_CHECK');
    expect(codeOf(await t.gql(FEEDBACK, { c: checkId, m: 'PROCUREMENT-LIMIT', a: true }, as('CZ-ZRZYJ')))).toBe('FORBIDDEN');
    const feedback = await t.gql(FEEDBACK, { c: checkId, m: 'PROCUREMENT-LIMIT', a: true, n: '已拒绝其参加本次采购' }, as('CZ-CZJ'));
    expect(feedback.data.recordMeasureFeedback).toEqual({ checkId, measureCode: 'PROCUREMENT-LIMIT', listingId: listing.id, applied: true, note: '已拒绝其参加本次采购' });

    setToday(addDays(addMonths(daysAgo(394), 12), -1));
    const early = await t.gql(REMOVE, { id: listing.id, r: 'REPAIRED' }, as('CZ-SCJGJ'));
    expect(codeOf(early)).toBe('REMOVAL_NOT_YET_ALLOWED');
    expect(early.errors?.[0].message).toContain(addMonths(daysAgo(394), 12));

    setToday(daysAgo(1));
    const removed = await t.gql(REMOVE, { id: listing.id, r: 'REPAIRED', n: '已履行处罚并作出信用承诺' }, asRegulator());
    expect(removed.errors).toBeUndefined();
    expect(removed.data.removeListing).toMatchObject({ status: 'REMOVED', removalReason: 'REPAIRED', removedAt: daysAgo(1) });
    const after = (await t.gql(TIER, { u: uscc }, asRegulator())).data.creditSubject.tier;
    expect(after.level).toBe('A');
    expect(after.reasons.map((r: { code: string }) => r.code)).not.toContain('OVERRIDE_LISTED');
    expect((await t.gql(PUBLIC_LIST, { q: uscc })).data.publicSeriousDishonestyList).toEqual({ totalCount: 0, edges: [] });

    const stats = await t.gql(STATS, { f: daysAgo(400), t: today }, asRegulator());
    expect(stats.data.jointPunishmentStats).toEqual({
      totalChecks: 1,
      departments: [{ department: { code: 'CZ-CZJ' }, checks: 1, listedChecks: 1, measuresReturned: 1, feedbackApplied: 1, feedbackNotApplied: 0, feedbackPending: 0 }],
    });
    const audit = await t.db.query<{ action: string; details: any }>(`SELECT action, details FROM audit_log WHERE target_type = 'LISTING' AND target_id = $1 ORDER BY id`, [listing.id]);
    expect(audit.map((a) => [a.action, a.details.to])).toEqual([
      ['LISTING_PROPOSED', 'PROPOSED'],
      ['LISTING_NOTIFIED', 'NOTIFIED'],
      ['LISTING_OBJECTION_FILED', 'NOTIFIED'],
      ['LISTING_OBJECTION_REJECTED', 'NOTIFIED'],
      ['LISTING_CONFIRMED', 'LISTED'],
      ['LISTING_REMOVED', 'REMOVED'],
    ]);
  });
});

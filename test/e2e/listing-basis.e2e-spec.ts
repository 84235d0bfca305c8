// The list rests on its basis, end to end over HTTP: a listing ends (BASIS_REVOKED) when the last penalty
// decision it rests on is revoked — tier recomputed, joint-punishment check clean, public list updated — and a
// proposal whose basis goes before listing ends as NOT_LISTED (不予列入). The decision carries the statements of
// 国办发〔2020〕49号 on the public list. Time moves through ListingClock, in the past relative to the real today.
import { ListingClock } from '@credit/blacklist';
import { addDays, todayInChina } from '@credit/domain';
import { companyUscc, createTestApp, penaltyRecord, SUBMIT, TestApp } from '@credit/testing';

const FIELDS = `id status removalReason removedAt removalNote punishmentNotice removalConditions remedies`;
const PROPOSE = `mutation($input: ProposeListingInput!) { proposeListing(input: $input) { ${FIELDS} } }`;
const NOTIFY = `mutation($id: ID!, $d: Date!) { notifyListingParty(listingId: $id, noticeDate: $d) { id status } }`;
const CONFIRM = `mutation($id: ID!) { confirmListing(listingId: $id) { id status } }`;
const LISTINGS = `query($u: String!) { listings(filter: { uscc: $u }) { edges { node { ${FIELDS} } } } }`;
const REVOKE = `mutation($n: String!, $r: String!) { revokePenaltyRecord(decisionNumber: $n, reason: $r) { id status } }`;
const CHECK = `query($u: String!) { jointPunishmentCheck(uscc: $u, scenario: PROCUREMENT) { listed measures { code } } }`;
const PUBLIC_LIST = `query($q: String) { publicSeriousDishonestyList(query: $q) { totalCount edges { node { decisionDocumentNumber reasons legalBasis punishmentNotice removalConditions remedies } } } }`;
const TIER = `query($u: String!) { creditSubject(uscc: $u) { tier { level reasons { code } } } }`;

describe('a listing rests on its basis (e2e over HTTP)', () => {
  let t: TestApp;
  const keys: Record<string, string> = {};
  let admin: Record<string, string>;
  const today = todayInChina();
  const daysAgo = (n: number) => addDays(today, -n);
  const as = (code: string) => ({ 'x-api-key': keys[code] });
  const setToday = (date: string) => jest.spyOn(t.app.get(ListingClock), 'today').mockReturnValue(date);
  const ok = async (query: string, variables: Record<string, unknown>, headers: Record<string, string>) => {
    const response = await t.gql(query, variables, headers);
    expect(response.errors).toBeUndefined();
    return response.data;
  };

  beforeAll(async () => {
    t = await createTestApp();
    for (const [code, name] of [['CZ-SCJGJ', '滁州市市场监督管理局'], ['CZ-CZJ', '滁州市财政局']]) keys[code] = (await t.createDepartment(code, name)).apiKey;
    admin = { authorization: `Bearer ${await t.adminToken()}` };
    await ok(
      `mutation($i: CreateListTypeInput!) { createListType(input: $i) { code } }`,
      { i: { code: 'SAMR-SERIOUS-ILLEGAL', name: '市场监督管理严重违法失信名单', legalBasis: '《市场监督管理严重违法失信名单管理办法》', designatingDepartmentCodes: ['CZ-SCJGJ'], termMonths: 36, earliestRemovalMonths: 12, objectionDays: 5 } },
      admin,
    );
    await ok(
      `mutation($i: CreateMeasureInput!) { createMeasure(input: $i) { code } }`,
      { i: { code: 'PROCUREMENT-LIMIT', listTypeCode: 'SAMR-SERIOUS-ILLEGAL', description: '依法限制参加政府采购活动', legalBasis: '《中华人民共和国政府采购法》第二十二条', executingDepartmentCodes: ['CZ-CZJ'], scenarios: ['PROCUREMENT'] } },
      admin,
    );
  });
  afterAll(() => t.close());

  it('ends a listing as BASIS_REVOKED when its last basis is revoked: tier, joint punishment and public list follow', async () => {
    const uscc = companyUscc('341102');
    const first = penaltyRecord({ uscc, partyName: '滁州市依据测试贸易有限公司', severity: 'SERIOUS', decisionDate: daysAgo(60), penaltyCategories: ['FINE', 'SUSPEND_PRODUCTION'], fineAmount: '20' });
    const second = penaltyRecord({ uscc, partyName: '滁州市依据测试贸易有限公司', severity: 'SERIOUS', decisionDate: daysAgo(50), fineAmount: '30' });
    const pushed = await ok(SUBMIT, { records: [first, second] }, as('CZ-SCJGJ'));
    const recordIds = pushed.submitPenaltyRecords.results.map((r: any) => r.recordId);

    setToday(daysAgo(40));
    const input = {
      uscc, listTypeCode: 'SAMR-SERIOUS-ILLEGAL', decisionDocumentNumber: '滁市监信认〔2026〕3号', reasons: '一年内两次受到较重行政处罚',
      legalBasis: '《市场监督管理严重违法失信名单管理办法》第十条', penaltyRecordIds: recordIds, remedies: '可于收到本决定之日起六十日内申请行政复议，或六个月内提起行政诉讼。',
    };
    const listing = (await ok(PROPOSE, { input }, as('CZ-SCJGJ'))).proposeListing;
    // The department's own remedies are kept; what it left out is stated from the list type.
    expect(listing.remedies).toBe(input.remedies);
    expect(listing.punishmentNotice).toContain('市场监督管理严重违法失信名单');
    expect(listing.removalConditions).toContain('列入期限为36个月');
    await ok(NOTIFY, { id: listing.id, d: daysAgo(40) }, as('CZ-SCJGJ'));
    setToday(daysAgo(30));
    await ok(CONFIRM, { id: listing.id }, as('CZ-SCJGJ'));
    expect((await ok(TIER, { u: uscc }, admin)).creditSubject.tier.level).toBe('D');
    expect((await ok(CHECK, { u: uscc }, as('CZ-CZJ'))).jointPunishmentCheck).toEqual({ listed: true, measures: [{ code: 'PROCUREMENT-LIMIT' }] });
    expect((await t.gql(PUBLIC_LIST, { q: uscc })).data.publicSeriousDishonestyList.edges.map((e: any) => e.node)).toEqual([
      { decisionDocumentNumber: input.decisionDocumentNumber, reasons: input.reasons, legalBasis: input.legalBasis, punishmentNotice: listing.punishmentNotice, removalConditions: listing.removalConditions, remedies: input.remedies },
    ]);

    setToday(today);
    await ok(REVOKE, { n: first.decisionNumber, r: '行政复议决定撤销' }, as('CZ-SCJGJ'));
    // Another active basis remains: still listed.
    expect((await ok(LISTINGS, { u: uscc }, admin)).listings.edges[0].node).toMatchObject({ status: 'LISTED', removalReason: null });

    await ok(REVOKE, { n: second.decisionNumber, r: '人民法院判决撤销' }, as('CZ-SCJGJ'));
    const ended = (await ok(LISTINGS, { u: uscc }, admin)).listings.edges[0].node;
    expect(ended).toMatchObject({ status: 'REMOVED', removalReason: 'BASIS_REVOKED', removedAt: today });
    expect(ended.removalNote).toContain(second.decisionNumber as string);
    const tier = (await ok(TIER, { u: uscc }, admin)).creditSubject.tier;
    expect(tier.level).not.toBe('D');
    expect(tier.reasons.map((r: any) => r.code)).not.toContain('OVERRIDE_LISTED');
    expect((await ok(CHECK, { u: uscc }, as('CZ-CZJ'))).jointPunishmentCheck).toEqual({ listed: false, measures: [] });
    expect((await t.gql(PUBLIC_LIST, { q: uscc })).data.publicSeriousDishonestyList.totalCount).toBe(0);
  });

  it('ends a proposal whose basis is revoked before listing as NOT_LISTED (不予列入), not 已移出', async () => {
    const uscc = companyUscc('341103');
    const only = penaltyRecord({ uscc, partyName: '滁州市不予列入测试有限公司', severity: 'SERIOUS', decisionDate: daysAgo(20), fineAmount: '25' });
    const [recordId] = (await ok(SUBMIT, { records: [only] }, as('CZ-SCJGJ'))).submitPenaltyRecords.results.map((r: any) => r.recordId);
    setToday(daysAgo(10));
    const input = { uscc, listTypeCode: 'SAMR-SERIOUS-ILLEGAL', decisionDocumentNumber: '滁市监信认〔2026〕4号', reasons: '拒不履行', legalBasis: '第十条', penaltyRecordIds: [recordId] };
    const listing = (await ok(PROPOSE, { input }, as('CZ-SCJGJ'))).proposeListing;
    await ok(NOTIFY, { id: listing.id, d: daysAgo(10) }, as('CZ-SCJGJ'));
    setToday(today);
    await ok(REVOKE, { n: only.decisionNumber, r: '原处罚决定认定事实不清，予以撤销' }, as('CZ-SCJGJ'));
    expect((await ok(LISTINGS, { u: uscc }, admin)).listings.edges[0].node).toMatchObject({ status: 'NOT_LISTED', removalReason: 'BASIS_REVOKED', removedAt: today });
    // The subject may be proposed again on a new basis: the ended proposal does not block it.
    const again = penaltyRecord({ uscc, partyName: '滁州市不予列入测试有限公司', severity: 'SERIOUS', decisionDate: daysAgo(1), fineAmount: '25' });
    const [againId] = (await ok(SUBMIT, { records: [again] }, as('CZ-SCJGJ'))).submitPenaltyRecords.results.map((r: any) => r.recordId);
    await ok(PROPOSE, { input: { ...input, decisionDocumentNumber: '滁市监信认〔2026〕5号', penaltyRecordIds: [againId] } }, as('CZ-SCJGJ'));
  });
});

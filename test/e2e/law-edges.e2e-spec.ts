// The law at its edges (issue 11), end to end over HTTP: penalties that may not be repaired early, and what a
// withdrawn or repaired decision leaves behind. Dates are relative to China's today so the periods hold.
import { addDays, addMonths, addYears, buildResidentId, todayInChina } from '@credit/domain';
import { companyUscc, createTestApp, naturalPersonRecord, penaltyRecord, SUBMIT, TestApp } from '@credit/testing';

const RECORDS = `query($u: String!) { creditSubject(uscc: $u) { penaltyRecords(first: 50) { totalCount edges { node { decisionNumber status } } } } }`;
const REVOKE = `mutation($n: String!, $r: String!) { revokePenaltyRecord(decisionNumber: $n, reason: $r) { id status } }`;
const SEARCH = `query($q: String) { searchDisclosures(query: $q, first: 10) { totalCount edges { node {
  decisionNumber partyName authorityName decisionDate violationFacts penaltyContent fineAmount penaltyCategories publishedUntil withdrawal { withdrawnOn reason } } } } }`;
const REPAIR = `mutation($n: String!, $c: String!) { approveCreditRepair(decisionNumber: $n, commitment: $c) { id decisionNumber status } }`;

const today = todayInChina();
const monthsAgo = (n: number) => addMonths(today, -n);

describe('law at its edges (e2e over HTTP)', () => {
  let t: TestApp;
  let marketKey: string;
  let taxKey: string;
  const market = () => ({ 'x-api-key': marketKey });
  const tax = () => ({ 'x-api-key': taxKey });
  const deliver = () => t.deliverOutbox();

  // Decided 13 months ago: past the 12-month minimum of a 严重 record, so only the exclusion can refuse it.
  const revoked = penaltyRecord({
    severity: 'SERIOUS', decisionDate: monthsAgo(13), partyName: '凤阳县吊销执照食品厂',
    penaltyCategories: ['FINE', 'REVOKE_LICENSE'], penaltyContent: '罚款人民币伍万元整，吊销食品经营许可证', fineAmount: '5',
  });
  const flagged = penaltyRecord({ severity: 'SERIOUS', decisionDate: monthsAgo(13), partyName: '来安县特定严重失信商行', notRepairable: true });
  const repairable = penaltyRecord({ severity: 'SERIOUS', decisionDate: monthsAgo(13), partyName: '全椒县可修复食品店' });
  // Four decisions about one company: one stays current, one is repaired, one revoked, one past its 3 years.
  const shared = companyUscc('341102');
  const current = penaltyRecord({ uscc: shared, partyName: '琅琊区共享测试有限公司', severity: 'GENERAL', decisionDate: monthsAgo(4) });
  const toRepair = penaltyRecord({ uscc: shared, partyName: '琅琊区共享测试有限公司', severity: 'GENERAL', decisionDate: monthsAgo(5) });
  const toRevoke = penaltyRecord({ uscc: shared, partyName: '琅琊区共享测试有限公司', severity: 'GENERAL', decisionDate: monthsAgo(2) });
  const withdrawn = penaltyRecord({ severity: 'GENERAL', decisionDate: monthsAgo(1), partyName: '天长市撤回说明测试商店', violationFacts: '当事人发布虚假广告宣传其产品功效。' });
  // Who may be published: ages and the 2026 轻微-on-request rule.
  const passport = { idType: 'PASSPORT', idNumber: 'E12345678' };
  const passportUnstated = naturalPersonRecord({ ...passport, partyName: '约翰史密斯', decisionDate: monthsAgo(1), severity: 'GENERAL' });
  const passportAdult = naturalPersonRecord({ ...passport, idNumber: 'E87654321', partyName: '玛丽史密斯', decisionDate: monthsAgo(1), severity: 'GENERAL', partyAdultConfirmed: true });
  // 18 years and 10 days before the decision: an adult when decided, 17 when the act was committed.
  const decidedOn = monthsAgo(1);
  const born = addDays(addYears(decidedOn, -18), -10);
  const minorAtAct = naturalPersonRecord({
    partyName: '王小明', decisionDate: decidedOn, actDate: addDays(born, 365 * 17), severity: 'GENERAL', idNumber: buildResidentId('341102', born.replace(/-/g, ''), '235'),
  });
  const minorAsked = penaltyRecord({ severity: 'MINOR', decisionDate: monthsAgo(1), partyName: '请求公示轻微商行', penaltyCategories: ['FINE'], fineAmount: '0.1', publishMinor: true });
  const minorQuiet = penaltyRecord({ severity: 'MINOR', decisionDate: monthsAgo(1), partyName: '不公示轻微商行', penaltyCategories: ['FINE'], fineAmount: '0.1' });
  const expired = penaltyRecord({ uscc: shared, partyName: '琅琊区共享测试有限公司', severity: 'SERIOUS', decisionDate: monthsAgo(40) });

  beforeAll(async () => {
    // No in-process worker: every delivery is the explicit drain below, so a search never races a delivery the
    // worker has claimed but not finished.
    t = await createTestApp({ PUBLISH_NATURAL_PERSONS: 'true', RUN_WORKER_IN_PROCESS: 'false' });
    marketKey = (await t.createDepartment('CZ-SCJGJ', '滁州市市场监督管理局')).apiKey;
    taxKey = (await t.createDepartment('CZ-SWJ', '国家税务总局滁州市税务局')).apiKey;
    const pushed = await t.gql(SUBMIT, { records: [revoked, flagged, repairable, current, toRepair, toRevoke, expired, withdrawn, passportUnstated, passportAdult, minorAtAct, minorAsked, minorQuiet] }, market());
    expect(pushed.data.submitPenaltyRecords).toMatchObject({ created: 13, rejected: 0 });
    await deliver();
  });
  afterAll(() => t.close());

  it('refuses credit repair of a revoked-licence penalty with REPAIR_NOT_ALLOWED naming 总局令第45号 art. 14', async () => {
    const response = await t.gql(REPAIR, { n: revoked.decisionNumber, c: '本单位已履行处罚决定，承诺依法经营。' }, market());
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'REPAIR_NOT_ALLOWED', field: 'decisionNumber' });
    expect(response.errors?.[0].message).toContain('市场监督管理行政处罚信息公示规定（国家市场监督管理总局令第45号）第十四条');
    expect(response.errors?.[0].message).toContain('SAMR-ORDER-45-ART14');
    const [row] = await t.db.query<{ repaired_on: string | null }>(`SELECT repaired_on FROM penalty_records WHERE decision_number = $1`, [revoked.decisionNumber]);
    expect(row.repaired_on).toBeNull();
  });

  it('refuses a record its department marked not repairable, citing the rule of its decision date', async () => {
    const response = await t.gql(REPAIR, { n: flagged.decisionNumber, c: '承诺' }, market());
    expect(response.errors?.[0].extensions.code).toBe('REPAIR_NOT_ALLOWED');
    // 13 months before a 2026-12 today lies in the 2023–2026 rule's span; the message names whichever applies.
    expect(response.errors?.[0].message).toMatch(/发改办财金〔2019〕527号|国家发展和改革委员会令第58号|2025年第36号/);
  });

  it('still approves an ordinary 严重 record after its minimum period', async () => {
    const response = await t.gql(REPAIR, { n: repairable.decisionNumber, c: '本单位已履行处罚决定，承诺依法经营。' }, market());
    expect(response.errors).toBeUndefined();
    expect(response.data.approveCreditRepair).toMatchObject({ decisionNumber: repairable.decisionNumber });
  });

  it('stops sharing repaired, revoked and expired decisions with other departments and regulators; the owner keeps its own', async () => {
    const repaired = await t.gql(REPAIR, { n: toRepair.decisionNumber, c: '本单位已履行处罚决定，承诺依法经营。' }, market());
    expect(repaired.errors).toBeUndefined();
    expect((await t.gql(REVOKE, { n: toRevoke.decisionNumber, r: '行政复议决定撤销原处罚' }, market())).errors).toBeUndefined();
    const seen = async (headers: Record<string, string>) => {
      const response = await t.gql(RECORDS, { u: shared }, headers);
      expect(response.errors).toBeUndefined();
      const connection = response.data.creditSubject.penaltyRecords;
      return { total: connection.totalCount, numbers: connection.edges.map((e: any) => e.node.decisionNumber).sort() };
    };
    const all = [current, toRepair, toRevoke, expired].map((r) => r.decisionNumber as string).sort();
    expect(await seen(market())).toEqual({ total: 4, numbers: all });
    expect(await seen(tax())).toEqual({ total: 1, numbers: [current.decisionNumber] });
    const admin = { authorization: `Bearer ${await t.adminToken()}` };
    expect(await seen(admin)).toEqual({ total: 1, numbers: [current.decisionNumber] });
  });

  it('replaces a revoked published decision with a withdrawal notice in public search (行政处罚法 art. 48)', async () => {
    const before = await t.gql(SEARCH, { q: withdrawn.decisionNumber });
    expect(before.data.searchDisclosures.edges[0].node).toMatchObject({ decisionNumber: withdrawn.decisionNumber, withdrawal: null });
    const reason = '经行政复议，原处罚决定认定事实不清，予以撤销';
    expect((await t.gql(REVOKE, { n: withdrawn.decisionNumber, r: reason }, market())).errors).toBeUndefined();
    await deliver();
    const after = await t.gql(SEARCH, { q: withdrawn.decisionNumber });
    expect(after.errors).toBeUndefined();
    expect(after.data.searchDisclosures.edges.map((e: any) => e.node)).toEqual([
      {
        decisionNumber: withdrawn.decisionNumber,
        partyName: withdrawn.partyName,
        authorityName: '滁州市市场监督管理局',
        decisionDate: withdrawn.decisionDate,
        violationFacts: '',
        penaltyContent: '',
        fineAmount: null,
        penaltyCategories: [],
        publishedUntil: addMonths(today, 3),
        withdrawal: { withdrawnOn: today, reason },
      },
    ]);
    // The withdrawn facts no longer find anything.
    expect((await t.gql(SEARCH, { q: '虚假广告' })).data.searchDisclosures.totalCount).toBe(0);
  });

  it('publishes no possible minor and a 轻微 penalty only on request, for at most 3 months', async () => {
    const found = async (record: Record<string, unknown>) =>
      (await t.gql(SEARCH, { q: record.decisionNumber })).data.searchDisclosures.edges.map((e: any) => e.node.publishedUntil);
    expect(await found(passportUnstated)).toEqual([]);
    expect(await found(passportAdult)).toEqual([addMonths(passportAdult.decisionDate as string, 12)]);
    expect(await found(minorAtAct)).toEqual([]);
    expect(await found(minorAsked)).toEqual([addMonths(minorAsked.decisionDate as string, 3)]);
    expect(await found(minorQuiet)).toEqual([]);
  });
});

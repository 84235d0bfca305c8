// Acceptance of the credit tiers (信用风险分类) over HTTP: a serious record moves an A subject to C/D in the same
// response, naming the decision; revoking it brings the subject back to A; tierAsOf a day before the push is A.
import { addDays, todayInChina } from '@credit/domain';
import { companyUscc, createTestApp, penaltyRecord, TestApp } from '@credit/testing';

const TIER = `tier { level score ruleVersion computedAt reasons { code description points recordId decisionNumber } }`;
const SUBMIT_WITH_TIER = `mutation($records: [PenaltyRecordInput!]!) {
  submitPenaltyRecords(records: $records) { created results { status recordId errors { code } subject { id uscc ${TIER} } } }
}`;
const REVOKE = `mutation($n: String!, $r: String!) { revokePenaltyRecord(decisionNumber: $n, reason: $r) { status } }`;
const SUBJECT = `query($uscc: String!, $before: Date!, $today: Date!) { creditSubject(uscc: $uscc) {
  ${TIER}
  before: tierAsOf(date: $before) { level score reasons { code } }
  now: tierAsOf(date: $today) { level score }
  tierHistory(first: 10) { totalCount edges { node { level score cause reasons { decisionNumber } validTo } } }
} }`;

describe('credit tiers (e2e over HTTP)', () => {
  let t: TestApp;
  let apiKey: string;
  const today = todayInChina();

  beforeAll(async () => {
    t = await createTestApp();
    apiKey = (await t.createDepartment('CZ-SCJGJ-TIER', '滁州市市场监督管理局')).apiKey;
  });
  afterAll(() => t.close());

  const asDepartment = () => ({ 'x-api-key': apiKey });

  it('serious record → C or D in the same response with the decision named; revoke → A; tierAsOf before the push → A', async () => {
    const uscc = companyUscc('341102');
    const minor = penaltyRecord({ uscc, severity: 'MINOR', violationType: '未按规定公示食品经营许可证', penaltyCategories: ['WARNING'], fineAmount: null, penaltyContent: '警告', decisionDate: addDays(today, -20) });
    const first = await t.gql(SUBMIT_WITH_TIER, { records: [minor] }, asDepartment());
    expect(first.errors).toBeUndefined();
    expect(first.data.submitPenaltyRecords.results[0].subject.tier).toMatchObject({
      level: 'A', score: 98, ruleVersion: 'v2',
      reasons: [{ code: 'PENALTY_MINOR', points: 2, decisionNumber: minor.decisionNumber, description: `轻微处罚 ${minor.decisionNumber} 扣2分` }],
    });

    const serious = penaltyRecord({
      uscc, severity: 'SERIOUS', penaltyCategories: ['FINE', 'REVOKE_LICENSE'], fineAmount: '50', penaltyContent: '罚款伍拾万元，吊销食品经营许可证',
      licenseInfo: '食品经营许可证 JY13411020000001', decisionDate: addDays(today, -3),
    });
    const pushed = await t.gql(SUBMIT_WITH_TIER, { records: [serious] }, asDepartment());
    expect(pushed.errors).toBeUndefined();
    const result = pushed.data.submitPenaltyRecords.results[0];
    expect(result.status).toBe('CREATED');
    // 100 − 2 (minor) − 30 (serious) − 40 (吊销许可证件) − 5 (≥10 万元) = 23 → D
    expect(result.subject.tier.level).toMatch(/^[CD]$/);
    expect(result.subject.tier).toMatchObject({ level: 'D', score: 23 });
    expect(result.subject.tier.reasons.filter((r: any) => r.decisionNumber === serious.decisionNumber).map((r: any) => `${r.code} ${r.points}`)).toEqual([
      'PENALTY_SERIOUS 30', 'CATEGORY_REVOKE_LICENSE 40', 'FINE_BAND_10 5',
    ]);
    expect(result.subject.tier.reasons.find((r: any) => r.code === 'PENALTY_SERIOUS')).toMatchObject({ recordId: result.recordId, description: `严重处罚 ${serious.decisionNumber} 扣30分` });

    const revoked = await t.gql(REVOKE, { n: serious.decisionNumber, r: '行政复议决定撤销' }, asDepartment());
    expect(revoked.errors).toBeUndefined();

    const regulator = { authorization: `Bearer ${await t.adminToken()}` };
    const read = await t.gql(SUBJECT, { uscc, before: addDays(today, -1), today }, regulator);
    expect(read.errors).toBeUndefined();
    const subject = read.data.creditSubject;
    expect(subject.tier).toMatchObject({ level: 'A', score: 98, reasons: [{ code: 'PENALTY_MINOR', decisionNumber: minor.decisionNumber }] });
    expect(subject.before).toEqual({ level: 'A', score: 100, reasons: [] });
    expect(subject.now).toEqual({ level: 'A', score: 98 });
    expect(subject.tierHistory.totalCount).toBe(3);
    expect(subject.tierHistory.edges.map((e: any) => `${e.node.level} ${e.node.score} ${e.node.cause}`)).toEqual([
      'A 98 PENALTY_REVOKED', 'D 23 PENALTY_CREATED', 'A 98 PENALTY_CREATED',
    ]);
    expect(subject.tierHistory.edges[0].node.validTo).toBeNull();
    expect(subject.tierHistory.edges[1].node.validTo).not.toBeNull();
  });

  it('lists subjects by tier for regulators and never for the public', async () => {
    const admin = { authorization: `Bearer ${await t.adminToken()}` };
    const list = await t.gql(`{ creditSubjects(filter: { tier: A, regionCode: "341100" }, first: 5) { totalCount edges { node { uscc tier { level } } } } tierDistribution { level count } }`, {}, admin);
    expect(list.errors).toBeUndefined();
    expect(list.data.creditSubjects.totalCount).toBe(1);
    expect(list.data.creditSubjects.edges[0].node.tier.level).toBe('A');
    expect(list.data.tierDistribution).toEqual([{ level: 'A', count: 1 }, { level: 'B', count: 0 }, { level: 'C', count: 0 }, { level: 'D', count: 0 }]);

    const anonymous = await t.gql(`{ creditSubjects { totalCount } }`);
    expect(anonymous.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    const anonymousStats = await t.gql(`{ tierDistribution { level count } }`);
    expect(anonymousStats.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    const department = await t.gql(`{ tierDistribution { level count } }`, {}, asDepartment());
    expect(department.errors).toBeUndefined();
  });

  it('answers bad input with coded errors, not 500s', async () => {
    const admin = { authorization: `Bearer ${await t.adminToken()}` };
    const badRegion = await t.gql(`{ creditSubjects(filter: { regionCode: "34" }) { totalCount } }`, {}, admin);
    expect(badRegion.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    const badCursor = await t.gql(`{ creditSubjects(after: "bm9wZQ") { totalCount } }`, {}, admin);
    expect(badCursor.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const tooMany = await t.gql(`{ creditSubjects(first: 201) { totalCount } }`, {}, admin);
    expect(tooMany.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    const listed = await t.gql(`{ creditSubjects(first: 1) { edges { node { tierAsOf(date: "2026-02-30") { level } } } } }`, {}, admin);
    expect(listed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'date' });
  });
});

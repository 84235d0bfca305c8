// Data for the portal's 双随机、一公开 pages (HTML over inject, and the real browser), through the real flow:
// an admin's inspection item → a regulator's plan → publish (commitment) → draw (seed revealed) → inspectors
// assigned → the department records a result for every selected subject → the plan completes and its results
// are published. Subjects live in 天长市 (341181), apart from seedPortal's, all in tier strata drawn at 100%;
// one has a published decision too, one a stored <script> in its name, the others nothing public but this result.
// A second plan is published and not drawn (its page must be the portal's 404). Dates: the InspectionClock's today.
import { InspectionClock } from '@credit/inspections';
import { addMonths, todayInChina } from '@credit/domain';
import { PERSON_ID } from './portal-fixture';
import { companyUscc, penaltyRecord, SUBMIT } from './records';
import type { TestApp } from './test-app';

export const INSPECTION_SCRIPT_NAME = '<script>alert("inspection")</script>天长市抽查脚本测试有限公司';
export const INSPECTION_REGION = '341181';

export interface InspectionFixture {
  planId: string;
  planName: string;
  undrawnPlanId: string;
  seed: string;
  seedCommitment: string;
  candidateListHash: string;
  /** USCCs of the selected subjects (every candidate: the ratios are 100%). */
  selected: string[];
  /** A subject with a published decision and a published result. */
  disclosed: { uscc: string; name: string };
  /** A subject whose only public information is its inspection result (found 无法联系). */
  inspectedOnly: { uscc: string; name: string };
  script: { uscc: string };
  /** The 滁州 regulator who made the plans (headers for t.gql). */
  regulator: Record<string, string>;
}

/** `markup: false` gives the plan a plain name (the screenshots); by default it carries markup to be escaped. */
export async function seedInspections(t: TestApp, options: { subjects?: number; markup?: boolean } = {}): Promise<InspectionFixture> {
  const count = options.subjects ?? 22;
  const today = t.app.get(InspectionClock).today();
  const fail = (result: { errors?: unknown; raw: string }) => {
    if (result.errors) throw new Error(result.raw);
  };
  const admin = { authorization: `Bearer ${await t.adminToken()}` };
  const department = { 'x-api-key': (await t.createDepartment('TC-SCJGJ', '天长市市场监督管理局', INSPECTION_REGION)).apiKey };
  fail(await t.gql(`mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`, { i: { username: 'tc-regulator', password: 'regulator-password-1', role: 'REGULATOR', regionCode: '341100' } }, admin));
  const login = await t.gql(`mutation { login(username: "tc-regulator", password: "regulator-password-1") { accessToken } }`);
  const regulator = { authorization: `Bearer ${login.data.login.accessToken}` };

  // One subject with a published decision, the others only in the subject register.
  const disclosed = { uscc: companyUscc(INSPECTION_REGION), name: '天长市示范抽查商贸有限公司' };
  fail(await t.gql(SUBMIT, { records: [penaltyRecord({ severity: 'GENERAL', decisionDate: addMonths(todayInChina(), -1), partyName: disclosed.name, uscc: disclosed.uscc })] }, department));
  // The subject page finds the decision in the search index: delivered now, not whenever the in-process worker gets
  // to it (a CI run under load served the page before it had, and the page said there was no decision).
  await t.deliverOutbox();
  const others = Array.from({ length: count - 1 }, (_, i) => ({ uscc: companyUscc(INSPECTION_REGION), name: i === 0 ? INSPECTION_SCRIPT_NAME : `天长市抽查样本${i}号有限公司` }));
  await t.db.query(
    `INSERT INTO credit_subjects (subject_key, uscc, name, subject_type, region_code, category)
     SELECT u, u, n, 'LEGAL_ENTITY', $3, '91' FROM unnest($1::text[], $2::text[]) AS x(u, n)`,
    [others.map((s) => s.uscc), others.map((s) => s.name), INSPECTION_REGION],
  );

  fail(await t.gql(`mutation($i: CreateInspectionItemInput!) { createInspectionItem(input: $i) { id } }`, { i: { code: 'TC-REGISTRATION', name: '登记事项检查', legalBasis: '《企业信息公示暂行条例》第十四条' } }, admin));
  const year = Number(today.slice(0, 4));
  const planName = `${year}年天长市企业“双随机”抽查${options.markup === false ? '第一批' : ' <b>第一批</b>'}`;
  const input = {
    name: planName, year, regionCode: INSPECTION_REGION, subjectTypes: ['LEGAL_ENTITY'], departmentCodes: ['TC-SCJGJ'], itemCodes: ['TC-REGISTRATION'],
    strata: ['A', 'B', 'C', 'D'].map((tier) => ({ tier, ratioPercent: '100' })), exclusionMonths: 0, plannedStart: today, plannedEnd: addMonths(today, 2),
  };
  const PLAN = `mutation($i: InspectionPlanInput!) { createInspectionPlan(input: $i) { id } }`;
  const PUBLISH = `mutation($id: ID!) { publishInspectionPlan(planId: $id) { id } }`;
  const created = await t.gql(PLAN, { i: input }, regulator);
  fail(created);
  const planId: string = created.data.createInspectionPlan.id;
  fail(await t.gql(PUBLISH, { id: planId }, regulator));
  const undrawn = await t.gql(PLAN, { i: { ...input, name: `${year}年天长市企业“双随机”抽查第二批` } }, regulator);
  fail(undrawn);
  const undrawnPlanId: string = undrawn.data.createInspectionPlan.id;
  fail(await t.gql(PUBLISH, { id: undrawnPlanId }, regulator));

  const drawn = await t.gql(`mutation($id: ID!) { drawInspection(planId: $id) { seed seedCommitment candidateListHash selected(first: 200) { edges { node { uscc } } } } }`, { id: planId }, regulator);
  fail(drawn);
  const draw = drawn.data.drawInspection;
  const selected: string[] = draw.selected.edges.map((e: { node: { uscc: string } }) => e.node.uscc);

  for (const n of [1, 2]) fail(await t.gql(`mutation($i: CreateInspectorInput!) { createInspector(input: $i) { id } }`, { i: { name: `检查员${n}`, certificateNumber: `TC-000${n}` } }, department));
  fail(await t.gql(`mutation($id: ID!) { assignInspectors(planId: $id) { subjects } }`, { id: planId }, department));
  const inspectedOnly = others[1];
  const RECORD = `mutation($id: ID!, $u: String!, $i: InspectionResultInput!) { recordInspectionResult(planId: $id, uscc: $u, input: $i) { id } }`;
  for (const uscc of selected) {
    const unreachable = uscc === inspectedOnly.uscc;
    const findings = unreachable ? `经实地核查，通过登记的住所无法取得联系；联系人身份证号${PERSON_ID}，电话13912345678无人接听。` : '未发现问题。<i>已核查</i>';
    fail(await t.gql(RECORD, { id: planId, u: uscc, i: { category: unreachable ? 'ADDRESS_UNREACHABLE' : 'NO_PROBLEM', findings, inspectedOn: today } }, department));
  }
  return { planId, planName, undrawnPlanId, seed: draw.seed, seedCommitment: draw.seedCommitment, candidateListHash: draw.candidateListHash, selected, disclosed, inspectedOnly, script: { uscc: others[0].uscc }, regulator };
}

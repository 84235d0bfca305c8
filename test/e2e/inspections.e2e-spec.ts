// 双随机、一公开 end to end (issue 14): the admin builds the item catalogue, a 滁州 regulator publishes a plan
// (its seed commitment is visible, its seed is not), draws it, anyone holding the candidate CSV re-runs the
// draw (a tampered file fails), inspectors are assigned, the department records results, the published
// results are found by the public search, and the tier of a subject found 无法联系 drops with a reason naming
// the plan. Time is the injected InspectionClock, never the UTC date.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { candidateListHash, parseCandidateCsv, seedCommitment } from '@credit/domain';
import { InspectionClock, InspectionDrawService, InspectionPublicationJob } from '@credit/inspections';
import { companyUscc, createTestApp, penaltyRecord, SUBMIT, TestApp } from '@credit/testing';
import { inspectionsVerifyDrawCommand } from '../../apps/cli/src/commands/inspections-verify-draw.command';

const TODAY = '2026-06-01';
const PLAN = `mutation($i: InspectionPlanInput!) { createInspectionPlan(input: $i) { id status seedCommitment departments { code } items { code } strata { tier ratioPercent minCount maxCount } } }`;
const PUBLISH = `mutation($id: ID!) { publishInspectionPlan(planId: $id) { id status seedCommitment } }`;
const DRAW = `mutation($id: ID!) { drawInspection(planId: $id) { planId status seed seedCommitment candidateListHash candidateCount drawDay strata { tier candidates count shortfall } selected(first: 200) { totalCount edges { node { uscc name tier rank digest } } } } }`;
const DRAW_QUERY = `query($id: ID!) { inspectionDraw(planId: $id) { status seed seedCommitment candidateListHash } }`;

describe('双随机、一公开: plan → verifiable draw → inspectors → results → publication → tier', () => {
  let t: TestApp;
  let admin: Record<string, string>;
  let regulator: Record<string, string>;
  let outsider: Record<string, string>;
  let department: Record<string, string>;
  let otherDepartment: Record<string, string>;
  const errorCode = (r: { errors?: { extensions: { code: string } }[] }) => r.errors?.map((e) => e.extensions.code).join(',');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'inspections-e2e-'));
  const subjects: string[] = [];
  let planId = '';

  async function regulatorOf(username: string, regionCode: string): Promise<Record<string, string>> {
    await t.gql(`mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`, { i: { username, password: 'regulator-password-1', role: 'REGULATOR', regionCode } }, admin);
    const login = await t.gql(`mutation($u: String!) { login(username: $u, password: "regulator-password-1") { accessToken } }`, { u: username });
    return { authorization: `Bearer ${login.data.login.accessToken}` };
  }

  async function cli(args: string[]): Promise<{ code: number | void; out: string[] }> {
    const out: string[] = [];
    const code = await inspectionsVerifyDrawCommand.run({ runtime: null as never, app: async () => t.app, out: (line) => out.push(line) }, args);
    return { code, out };
  }

  beforeAll(async () => {
    t = await createTestApp();
    jest.spyOn(t.app.get(InspectionClock), 'today').mockReturnValue(TODAY);
    admin = { authorization: `Bearer ${await t.adminToken()}` };
    department = { 'x-api-key': (await t.createDepartment('INS-SCJGJ', '滁州市市场监督管理局', '341100')).apiKey };
    otherDepartment = { 'x-api-key': (await t.createDepartment('INS-OTHER', '滁州市生态环境局', '341100')).apiKey };
    regulator = await regulatorOf('ins-regulator', '341100');
    outsider = await regulatorOf('ins-beijing', '110000');
    // 40 companies in 琅琊区 (341102) pushed with a minor penalty each (tier A), 2 with a serious one (C, capped).
    const records = Array.from({ length: 42 }, (_, i) => {
      const uscc = companyUscc('341102');
      subjects.push(uscc);
      return penaltyRecord({ uscc, severity: i < 2 ? 'SERIOUS' : 'MINOR', decisionDate: '2026-03-01' });
    });
    const pushed = await t.gql(SUBMIT, { records }, department);
    expect(pushed.data.submitPenaltyRecords.created).toBe(42);
  });
  afterAll(async () => {
    fs.rmSync(tmp, { recursive: true, force: true });
    await t.close();
  });

  it('an admin keeps the item catalogue; nobody else may', async () => {
    const item = `mutation($i: CreateInspectionItemInput!) { createInspectionItem(input: $i) { id code legalBasis } }`;
    const input = { code: 'INS-REGISTRATION', name: '登记事项检查', legalBasis: '《企业信息公示暂行条例》第十四条' };
    expect((await t.gql(item, { i: input }, admin)).data.createInspectionItem.code).toBe('INS-REGISTRATION');
    expect(errorCode(await t.gql(item, { i: { ...input, code: 'INS-X' } }, regulator))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(item, { i: input }, admin))).toBe('INSPECTION_ITEM_EXISTS');
    await t.gql(item, { i: { code: 'INS-PUBLICITY', name: '年报公示信息检查', legalBasis: '《企业信息公示暂行条例》第八条' } }, admin);
  });

  it('a regulator creates and publishes a plan: the commitment is visible, the seed is not', async () => {
    const input = {
      name: '2026年滁州市企业公示信息双随机抽查', year: 2026, regionCode: '341100', subjectTypes: ['LEGAL_ENTITY'],
      departmentCodes: ['INS-SCJGJ'], itemCodes: ['INS-REGISTRATION', 'INS-PUBLICITY'],
      strata: [{ tier: 'A', ratioPercent: '10' }, { tier: 'C', ratioPercent: '0', minCount: 5 }], exclusionMonths: 12,
      plannedStart: '2026-06-01', plannedEnd: '2026-09-30',
    };
    expect(errorCode(await t.gql(PLAN, { i: { ...input, regionCode: '341100' } }, outsider))).toBe('BAD_USER_INPUT');
    expect(errorCode(await t.gql(PLAN, { i: { ...input, strata: [{ tier: 'A', ratioPercent: '101' }] } }, regulator))).toBe('BAD_USER_INPUT');
    const unknown = await t.gql(PLAN, { i: { ...input, itemCodes: ['INS-NONE'] } }, regulator);
    expect(errorCode(unknown)).toBe('UNKNOWN_INSPECTION_ITEM');
    const created = await t.gql(PLAN, { i: input }, regulator);
    expect(created.errors).toBeUndefined();
    planId = created.data.createInspectionPlan.id;
    expect(created.data.createInspectionPlan).toMatchObject({ status: 'DRAFT', seedCommitment: null, departments: [{ code: 'INS-SCJGJ' }] });
    expect(created.data.createInspectionPlan.strata).toEqual([{ tier: 'A', ratioPercent: '10', minCount: null, maxCount: null }, { tier: 'C', ratioPercent: '0', minCount: 5, maxCount: null }]);

    // A draft can change; an outsider and another department are told it does not exist.
    const update = `mutation($id: ID!, $i: InspectionPlanInput!) { updateInspectionPlan(planId: $id, input: $i) { name } }`;
    expect((await t.gql(update, { id: planId, i: { ...input, name: `${input.name}（修订）` } }, department)).data.updateInspectionPlan.name).toContain('修订');
    expect(errorCode(await t.gql(update, { id: planId, i: input }, outsider))).toBe('NOT_FOUND');
    expect(errorCode(await t.gql(update, { id: planId, i: input }, otherDepartment))).toBe('NOT_FOUND');
    expect(errorCode(await t.gql(DRAW, { id: planId }, regulator))).toBe('INSPECTION_PLAN_NOT_PUBLISHED');

    const published = await t.gql(PUBLISH, { id: planId }, regulator);
    expect(published.data.publishInspectionPlan).toMatchObject({ status: 'PUBLISHED', seedCommitment: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(errorCode(await t.gql(update, { id: planId, i: input }, regulator))).toBe('INSPECTION_PLAN_NOT_DRAFT');
    expect(errorCode(await t.gql(PUBLISH, { id: planId }, regulator))).toBe('INSPECTION_PLAN_NOT_DRAFT');
    const before = await t.gql(DRAW_QUERY, { id: planId }, department);
    expect(before.data.inspectionDraw).toEqual({ status: 'PUBLISHED', seed: null, seedCommitment: published.data.publishInspectionPlan.seedCommitment, candidateListHash: null });
    expect((await t.gql(DRAW_QUERY, { id: planId }, outsider)).data.inspectionDraw).toBeNull();
  });

  it('draws per tier stratum by SHA-256(seed ‖ USCC), revealing the seed that matches the commitment', async () => {
    const drawn = await t.gql(DRAW, { id: planId }, regulator);
    expect(drawn.errors).toBeUndefined();
    const draw = drawn.data.drawInspection;
    expect(seedCommitment(draw.seed)).toBe(draw.seedCommitment);
    expect(draw).toMatchObject({ status: 'DRAWN', candidateCount: 42, drawDay: TODAY });
    expect(draw.strata).toEqual([
      { tier: 'A', candidates: 40, count: 4, shortfall: 0 },
      { tier: 'B', candidates: 0, count: 0, shortfall: 0 },
      { tier: 'C', candidates: 2, count: 2, shortfall: 3 }, // minimum 5 above the stratum's 2
      { tier: 'D', candidates: 0, count: 0, shortfall: 0 },
    ]);
    expect(draw.selected.totalCount).toBe(6);
    expect(errorCode(await t.gql(DRAW, { id: planId }, regulator))).toBe('INSPECTION_PLAN_NOT_PUBLISHED');
  });

  it('exports the frozen candidates; the CLI re-runs the draw, and a tampered file fails', async () => {
    const draw = (await t.gql(DRAW_QUERY, { id: planId }, regulator)).data.inspectionDraw;
    const url = `/inspections/plans/${planId}/candidates.csv`;
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url, headers: outsider })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url, headers: otherDepartment })).statusCode).toBe(404);
    const response = await t.app.inject({ method: 'GET', url, headers: department });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    const csv = response.body;
    const parsed = parseCandidateCsv(csv);
    if ('error' in parsed) throw new Error(parsed.error);
    expect(parsed.candidates).toHaveLength(42);
    expect(candidateListHash(parsed.candidates)).toBe(draw.candidateListHash);

    const file = path.join(tmp, 'candidates.csv');
    fs.writeFileSync(file, csv);
    const fromDatabase = await cli([planId]);
    expect([fromDatabase.code, fromDatabase.out.at(-1)]).toEqual([0, `draw of plan ${planId} verified: MATCH`]);
    const fromFile = await cli([planId, '--candidates', file]);
    expect([fromFile.code, fromFile.out.at(-1)]).toEqual([0, `draw of plan ${planId} verified: MATCH`]);

    // One tier changed from A to D: the hash and the draw no longer match.
    const tampered = path.join(tmp, 'tampered.csv');
    fs.writeFileSync(tampered, csv.replace(/,A\n/, ',D\n'));
    const failed = await cli([planId, '--candidates', tampered]);
    expect(failed.code).toBe(1);
    expect(failed.out.join('\n')).toMatch(/MISMATCH candidate list/);
    // A subject dropped from the list.
    fs.writeFileSync(tampered, csv.split('\n').filter((_, i) => i !== 3).join('\n'));
    expect((await cli([planId, '--candidates', tampered])).code).toBe(1);
    expect((await cli(['x'])).code).toBe(2);
    expect(await t.app.get(InspectionDrawService).verify(planId, null)).toMatchObject({ matches: true });
  });

  const ASSIGN = `mutation($id: ID!) { assignInspectors(planId: $id) { subjects pool minLoad maxLoad loads { inspector { certificateNumber } subjects } } }`;
  const INSPECTOR = `mutation($i: CreateInspectorInput!) { createInspector(input: $i) { id certificateNumber conflictUsccs } }`;
  const RECORD = `mutation($id: ID!, $u: String!, $i: InspectionResultInput!) { recordInspectionResult(planId: $id, uscc: $u, input: $i) { id category inspectorIds publicationDue } }`;
  const SEARCH = `query($f: InspectionResultFilter) { searchInspectionResults(filter: $f) { totalCount edges { node { uscc subjectName category categoryLabel planName departmentNames findings publishedOn } } } }`;
  let selected: { uscc: string; tier: string }[] = [];

  it('assigns two inspectors per selected subject: 回避 respected, load even, a small pool a coded shortfall', async () => {
    const draw = (await t.gql(`query($id: ID!) { inspectionDraw(planId: $id) { selected(first: 50) { edges { node { uscc tier } } } } }`, { id: planId }, regulator)).data.inspectionDraw;
    selected = draw.selected.edges.map((e: { node: { uscc: string; tier: string } }) => e.node);
    expect(selected).toHaveLength(6);
    await t.gql(INSPECTOR, { i: { name: '张明', certificateNumber: 'INS-0001' } }, department);
    const short = await t.gql(ASSIGN, { id: planId }, regulator);
    expect(errorCode(short)).toBe('INSPECTOR_POOL_TOO_SMALL');
    expect(short.errors?.[0].message).toContain('缺 1 名');
    expect(errorCode(await t.gql(INSPECTOR, { i: { name: '重复', certificateNumber: 'INS-0001' } }, department))).toBe('INSPECTOR_EXISTS');
    expect(errorCode(await t.gql(INSPECTOR, { i: { name: '李四', certificateNumber: 'INS-X' } }, regulator))).toBe('FORBIDDEN');
    const conflicted = await t.gql(INSPECTOR, { i: { name: '王芳', certificateNumber: 'INS-0002', conflictUsccs: [selected[0].uscc] } }, department);
    expect(conflicted.data.createInspector.conflictUsccs).toEqual([selected[0].uscc]);
    for (const n of [3, 4, 5]) await t.gql(INSPECTOR, { i: { name: `检查员${n}`, certificateNumber: `INS-000${n}` } }, department);
    // Another department's inspectors are not in this plan's pool.
    await t.gql(INSPECTOR, { i: { name: '外部门', certificateNumber: 'INS-OTHER-1' } }, otherDepartment);
    expect(errorCode(await t.gql(ASSIGN, { id: planId }, otherDepartment))).toBe('NOT_FOUND');
    const assigned = await t.gql(ASSIGN, { id: planId }, department);
    expect(assigned.errors).toBeUndefined();
    const summary = assigned.data.assignInspectors;
    expect(summary).toMatchObject({ subjects: 6, pool: 5 });
    expect(summary.maxLoad - summary.minLoad).toBeLessThanOrEqual(1);
    expect(summary.loads.reduce((sum: number, l: { subjects: number }) => sum + l.subjects, 0)).toBe(12);
    const [row] = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM inspection_assignments a JOIN inspectors i ON i.id = a.inspector_id JOIN credit_subjects s ON s.id = a.subject_id
        WHERE i.certificate_number = 'INS-0002' AND s.uscc = $1`,
      [selected[0].uscc],
    );
    expect(row.n).toBe(0);
    expect(errorCode(await t.gql(ASSIGN, { id: planId }, department))).toBe('INSPECTION_PLAN_NOT_DRAWN');
    // The department sees who inspects whom on the draw's page.
    const page = (await t.gql(`query($id: ID!) { inspectionDraw(planId: $id) { selected(first: 10) { edges { node { uscc inspectors { name certificateNumber } } } } } }`, { id: planId }, department)).data.inspectionDraw;
    for (const edge of page.selected.edges) expect(edge.node.inspectors).toHaveLength(2);
    expect(page.selected.edges.find((e: { node: { uscc: string } }) => e.node.uscc === selected[0].uscc).node.inspectors.map((i: { certificateNumber: string }) => i.certificateNumber)).not.toContain('INS-0002');
  });

  it('the executing department records results; completion publishes them and the public search finds them', async () => {
    const [unreachable, ...rest] = selected;
    const findings = '经实地核查，该企业通过登记的住所无法取得联系，联系电话13912345678无人接听。';
    const input = { category: 'ADDRESS_UNREACHABLE', findings, inspectedOn: '2026-05-31' };
    expect(errorCode(await t.gql(RECORD, { id: planId, u: unreachable.uscc, i: input }, department))).toBe('BAD_USER_INPUT'); // before the draw day
    expect(errorCode(await t.gql(RECORD, { id: planId, u: unreachable.uscc, i: { ...input, inspectedOn: TODAY } }, otherDepartment))).toBe('NOT_FOUND');
    expect(errorCode(await t.gql(RECORD, { id: planId, u: unreachable.uscc, i: { ...input, inspectedOn: TODAY } }, regulator))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(RECORD, { id: planId, u: companyUscc('341102'), i: { ...input, inspectedOn: TODAY } }, department))).toBe('SUBJECT_NOT_SELECTED');
    const recorded = await t.gql(RECORD, { id: planId, u: unreachable.uscc, i: { ...input, inspectedOn: TODAY } }, department);
    expect(recorded.errors).toBeUndefined();
    expect(recorded.data.recordInspectionResult.inspectorIds).toHaveLength(2);
    expect(recorded.data.recordInspectionResult.publicationDue > TODAY).toBe(true);
    expect(errorCode(await t.gql(RECORD, { id: planId, u: unreachable.uscc, i: { ...input, inspectedOn: TODAY } }, department))).toBe('INSPECTION_RESULT_EXISTS');
    // Not public before the plan completes (or its 20 working days pass).
    expect((await t.gql(SEARCH, { f: { uscc: unreachable.uscc } })).data.searchInspectionResults.totalCount).toBe(0);

    for (const subject of rest) {
      const done = await t.gql(RECORD, { id: planId, u: subject.uscc, i: { category: 'NO_PROBLEM', findings: '未发现问题。', inspectedOn: TODAY } }, department);
      expect(done.errors).toBeUndefined();
    }
    const plan = (await t.gql(`query($id: ID!) { inspectionPlan(planId: $id) { status completedOn publicationDue } }`, { id: planId }, regulator)).data.inspectionPlan;
    expect(plan).toMatchObject({ status: 'COMPLETED', completedOn: TODAY });

    const found = (await t.gql(SEARCH, { f: { uscc: unreachable.uscc } })).data.searchInspectionResults;
    expect(found.totalCount).toBe(1);
    expect(found.edges[0].node).toMatchObject({ uscc: unreachable.uscc, category: 'ADDRESS_UNREACHABLE', categoryLabel: '通过登记的住所（经营场所）无法联系', departmentNames: '滁州市市场监督管理局', publishedOn: TODAY });
    expect(found.edges[0].node.findings).not.toContain('13912345678');
    expect((await t.gql(SEARCH, { f: { regionCode: '341100', year: 2026 } })).data.searchInspectionResults.totalCount).toBe(6);
    expect((await t.gql(SEARCH, { f: { category: 'NO_PROBLEM', departmentCode: 'INS-SCJGJ' } })).data.searchInspectionResults.totalCount).toBe(5);
    expect((await t.gql(SEARCH, { f: { query: '无法联系' } })).data.searchInspectionResults.totalCount).toBe(1);
    expect((await t.gql(SEARCH, { f: { regionCode: '110000' } })).data.searchInspectionResults.totalCount).toBe(0);
    expect((await t.gql(SEARCH, { f: { departmentCode: 'INS-OTHER' } })).data.searchInspectionResults.totalCount).toBe(0);
  });

  it('the tier reflects the 无法联系 result, with a reason naming the plan', async () => {
    const unreachable = selected[0];
    const subject = await t.gql(`query($u: String!) { creditSubject(uscc: $u) { tier { level score ruleVersion reasons { code description points } } } }`, { u: unreachable.uscc }, regulator);
    const tier = subject.data.creditSubject.tier;
    expect(tier.ruleVersion).toBe('v2');
    expect(tier.reasons).toContainEqual({ code: 'INSPECTION_ADDRESS_UNREACHABLE', description: expect.stringContaining('2026年滁州市企业公示信息双随机抽查（修订）'), points: 20 });
    // The tier counts on its own clock's today: the minor penalties of 2026-03-01 (6 months) may have lapsed by then.
    expect(tier.score).toBeLessThanOrEqual(unreachable.tier === 'A' ? 80 : 50);
  });

  it('regulators get the statistics of their region only', async () => {
    const STATS = `query($r: String, $y: Int!) { inspectionStats(regionCode: $r, year: $y) { regionCode plans completedPlans subjectsDrawn resultsRecorded drawnByTier { tier candidates drawn } resultsByCategory { category count } overdueResults } }`;
    const stats = (await t.gql(STATS, { r: null, y: 2026 }, regulator)).data.inspectionStats;
    expect(stats).toMatchObject({ regionCode: '341100', plans: 1, completedPlans: 1, subjectsDrawn: 6, resultsRecorded: 6, overdueResults: 0 });
    expect(stats.drawnByTier).toContainEqual({ tier: 'A', candidates: 40, drawn: 4 });
    expect(stats.resultsByCategory).toEqual([{ category: 'ADDRESS_UNREACHABLE', count: 1 }, { category: 'NO_PROBLEM', count: 5 }]);
    const outside = (await t.gql(STATS, { r: '341100', y: 2026 }, outsider)).data.inspectionStats;
    expect(outside).toMatchObject({ plans: 0, subjectsDrawn: 0 });
    expect(errorCode(await t.gql(STATS, { r: null, y: 2026 }, department))).toBe('FORBIDDEN');
  });

  it('a second plan leaves out the subjects the first one drew (exclusion window), unless D', async () => {
    const input = {
      name: '2026年滁州市第二次双随机抽查', year: 2026, regionCode: '341100', subjectTypes: ['LEGAL_ENTITY'], departmentCodes: ['INS-SCJGJ'],
      itemCodes: ['INS-REGISTRATION'], strata: [{ tier: 'A', ratioPercent: '100' }, { tier: 'C', ratioPercent: '100' }], exclusionMonths: 6,
      plannedStart: '2026-06-01', plannedEnd: '2026-12-31',
    };
    const second = (await t.gql(PLAN, { i: input }, regulator)).data.createInspectionPlan.id;
    await t.gql(PUBLISH, { id: second }, regulator);
    const draw = (await t.gql(DRAW, { id: second }, regulator)).data.drawInspection;
    // 42 subjects, 6 drawn by the first plan a moment ago (none of them D).
    expect(draw.candidateCount).toBe(36);
    expect(draw.selected.edges.map((e: { node: { uscc: string } }) => e.node.uscc)).not.toContain(selected[0].uscc);

    // An incomplete plan does not hold a result back past 20 working days after it was recorded.
    expect((await t.gql(ASSIGN, { id: second }, department)).errors).toBeUndefined();
    const first = draw.selected.edges[0].node.uscc as string;
    const recorded = await t.gql(RECORD, { id: second, u: first, i: { category: 'INFO_NOT_DISCLOSED', findings: '未按规定公示年度报告。', inspectedOn: TODAY } }, department);
    const due = recorded.data.recordInspectionResult.publicationDue as string;
    const job = t.app.get(InspectionPublicationJob);
    expect(await job.run()).toBe(false);
    expect((await t.gql(SEARCH, { f: { uscc: first, category: 'INFO_NOT_DISCLOSED' } })).data.searchInspectionResults.totalCount).toBe(0);
    jest.spyOn(t.app.get(InspectionClock), 'today').mockReturnValue(due);
    expect(await job.run()).toBe(true);
    const published = (await t.gql(SEARCH, { f: { uscc: first, category: 'INFO_NOT_DISCLOSED' } })).data.searchInspectionResults;
    expect(published.edges.map((e: { node: { publishedOn: string } }) => e.node.publishedOn)).toEqual([due]);
  });
});

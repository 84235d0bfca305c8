// Attacks on 双随机、一公开 (review of issue 14) over the real flow (seedInspections: a completed, drawn plan and a
// published, undrawn one in 天长市): the seed before the draw through every API path, results out of place (a
// subject not selected, another plan's subject, a completed plan), executing departments outside the plan's
// region, the candidate export's guard, hostile arguments, and the portal's verification cost.
import { addMonths, seedCommitment } from '@credit/domain';
import { InspectionClock, InspectionDrawService, InspectionResultsService, PublicInspectionPlanService } from '@credit/inspections';
import { companyUscc, createTestApp, InspectionFixture, seedInspections, TestApp } from '@credit/testing';

describe('security: 双随机一公开 attacks', () => {
  let t: TestApp;
  let f: InspectionFixture;
  let department: Record<string, string>;
  let today: string;
  const code = (r: { errors?: { extensions: { code: string } }[] }) => r.errors?.map((e) => e.extensions.code).join(',');
  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
  const RECORD = `mutation($id: ID!, $u: String!, $i: InspectionResultInput!) { recordInspectionResult(planId: $id, uscc: $u, input: $i) { id } }`;

  beforeAll(async () => {
    t = await createTestApp();
    f = await seedInspections(t, { subjects: 6 });
    today = t.app.get(InspectionClock).today();
    department = { 'x-api-key': (await t.createDepartment('TC-SWJ', '天长市商务局', '341181')).apiKey };
  }, 120_000);
  afterAll(() => t.close());

  it('never shows the seed of a published plan before its draw: GraphQL, the CSV, the portal, errors', async () => {
    const [{ seed }] = await t.db.query<{ seed: string }>(`SELECT seed FROM inspection_plan_seeds WHERE plan_id = $1::bigint`, [f.undrawnPlanId]);
    const seen: string[] = [];
    seen.push((await t.gql(`query($id: ID!) { inspectionPlan(planId: $id) { id status seedCommitment } inspectionDraw(planId: $id) { seed seedCommitment status } }`, { id: f.undrawnPlanId }, f.regulator)).raw);
    seen.push((await t.gql(`mutation($id: ID!) { publishInspectionPlan(planId: $id) { id } }`, { id: f.undrawnPlanId }, f.regulator)).raw);
    seen.push((await t.gql(`mutation($id: ID!) { assignInspectors(planId: $id) { subjects } }`, { id: f.undrawnPlanId }, f.regulator)).raw);
    seen.push((await get(`/inspections/plans/${f.undrawnPlanId}/candidates.csv`, f.regulator)).body);
    seen.push((await get(`/inspections/plans/${f.undrawnPlanId}`)).body);
    for (const text of seen) expect(text).not.toContain(seed);
    const [audit] = await t.db.query<{ n: string }>(`SELECT count(*)::text AS n FROM audit_log WHERE details::text LIKE '%' || $1 || '%'`, [seed]).catch(() => [{ n: '0' }]);
    expect(audit.n).toBe('0');
  });

  it('keeps a published plan read-only: no new scope, no second seed after the commitment', async () => {
    const plan = await t.gql(`query($id: ID!) { inspectionPlan(planId: $id) { seedCommitment regionCode } }`, { id: f.undrawnPlanId }, f.regulator);
    const input = {
      name: '改范围', year: Number(today.slice(0, 4)), regionCode: '341100', subjectTypes: ['LEGAL_ENTITY'], departmentCodes: ['TC-SCJGJ'], itemCodes: ['TC-REGISTRATION'],
      strata: [{ tier: 'D', ratioPercent: '100' }], exclusionMonths: 0, plannedStart: today, plannedEnd: today,
    };
    expect(code(await t.gql(`mutation($id: ID!, $i: InspectionPlanInput!) { updateInspectionPlan(planId: $id, input: $i) { id } }`, { id: f.undrawnPlanId, i: input }, f.regulator))).toBe('INSPECTION_PLAN_NOT_DRAFT');
    const reseed = await t.gql(`mutation($id: ID!, $s: String) { publishInspectionPlan(planId: $id, seed: $s) { id } }`, { id: f.undrawnPlanId, s: 'a'.repeat(64) }, f.regulator);
    expect(code(reseed)).toBe('INSPECTION_PLAN_NOT_DRAFT');
    const after = await t.gql(`query($id: ID!) { inspectionPlan(planId: $id) { seedCommitment regionCode } }`, { id: f.undrawnPlanId }, f.regulator);
    expect(after.data).toEqual(plan.data);
  });

  it('does not let the publisher choose the draw with a supplied seed (grinding a seed against the known subjects)', async () => {
    const supplied = 'ab'.repeat(32);
    const input = {
      name: '自带种子测试', year: Number(today.slice(0, 4)), regionCode: '341181', subjectTypes: ['LEGAL_ENTITY'], departmentCodes: ['TC-SCJGJ'], itemCodes: ['TC-REGISTRATION'],
      strata: [{ tier: 'A', ratioPercent: '50' }], exclusionMonths: 0, plannedStart: today, plannedEnd: today,
    };
    const created = await t.gql(`mutation($i: InspectionPlanInput!) { createInspectionPlan(input: $i) { id } }`, { i: input }, f.regulator);
    const id = created.data.createInspectionPlan.id;
    const published = await t.gql(`mutation($id: ID!, $s: String) { publishInspectionPlan(planId: $id, seed: $s) { seedCommitment } }`, { id, s: supplied }, f.regulator);
    expect(published.data.publishInspectionPlan.seedCommitment).not.toBe(seedCommitment(supplied));
    const drawn = await t.gql(`mutation($id: ID!) { drawInspection(planId: $id) { seed seedCommitment } }`, { id }, f.regulator);
    expect(drawn.data.drawInspection.seed).not.toBe(supplied);
    expect(seedCommitment(drawn.data.drawInspection.seed)).toBe(published.data.publishInspectionPlan.seedCommitment);
  });

  it('limits the sizes of inspector inputs', async () => {
    const many = Array.from({ length: 201 }, () => companyUscc('341181'));
    const calls = [
      { name: 'x'.repeat(101), certificateNumber: 'TC-SIZE-1' },
      { name: '检查员', certificateNumber: 'C'.repeat(65) },
      { name: '检查员', certificateNumber: 'TC-SIZE-2', conflictUsccs: many },
      { name: '检查员', certificateNumber: 'TC-SIZE-3', conflictRegionCodes: Array.from({ length: 51 }, (_, i) => String(341100 + i)) },
      { name: '检查员', certificateNumber: 'TC-SIZE-4', regionCode: '110000' },
      { name: '   ', certificateNumber: 'TC-SIZE-5' },
    ];
    for (const i of calls) expect([i.certificateNumber, code(await t.gql(`mutation($i: CreateInspectorInput!) { createInspector(input: $i) { id } }`, { i }, department))]).toEqual([i.certificateNumber, 'BAD_USER_INPUT']);
  });

  it('refuses results for a subject not selected, for another plan\u2019s subject and on a completed plan', async () => {
    const input = { category: 'NO_PROBLEM', findings: '未发现问题', inspectedOn: today };
    // TC-SWJ does not execute the plan: told it does not exist.
    expect(code(await t.gql(RECORD, { id: f.planId, u: f.selected[0], i: input }, department))).toBe('NOT_FOUND');
    expect(code(await t.gql(RECORD, { id: f.undrawnPlanId, u: f.selected[0], i: input }, department))).toBe('NOT_FOUND');
    // Made an executing department of the completed plan (through the database): still no result there.
    await t.db.query(`UPDATE inspection_plans SET department_ids = department_ids || (SELECT id::text FROM departments WHERE code = 'TC-SWJ') WHERE id = $1::bigint`, [f.planId]);
    expect(code(await t.gql(RECORD, { id: f.planId, u: f.selected[1], i: input }, department))).toBe('INSPECTION_PLAN_NOT_ASSIGNED');
    await t.db.query(`UPDATE inspection_plans SET status = 'ASSIGNED' WHERE id = $1::bigint`, [f.planId]);
    try {
      expect(code(await t.gql(RECORD, { id: f.planId, u: companyUscc('341181'), i: input }, department))).toBe('SUBJECT_NOT_SELECTED');
      // Another executing department's subject (its inspectors were assigned, not TC-SWJ's): theirs to record.
      expect(code(await t.gql(RECORD, { id: f.planId, u: f.selected[1], i: input }, department))).toBe('SUBJECT_ASSIGNED_ELSEWHERE');
      expect(code(await t.gql(RECORD, { id: f.undrawnPlanId, u: f.selected[1], i: input }, department))).toBe('NOT_FOUND');
    } finally {
      await t.db.query(`UPDATE inspection_plans SET status = 'COMPLETED' WHERE id = $1::bigint`, [f.planId]);
    }
  });

  it('refuses an executing department whose region does not meet the plan\u2019s scope', async () => {
    await t.createDepartment('BJ-SCJGJ', '北京市市场监督管理局', '110000');
    const input = {
      name: '跨省执行部门测试', year: Number(today.slice(0, 4)), regionCode: '341181', subjectTypes: ['LEGAL_ENTITY'], departmentCodes: ['TC-SCJGJ', 'BJ-SCJGJ'], itemCodes: ['TC-REGISTRATION'],
      strata: [{ tier: 'A', ratioPercent: '1' }], exclusionMonths: 0, plannedStart: today, plannedEnd: addMonths(today, 1),
    };
    const created = await t.gql(`mutation($i: InspectionPlanInput!) { createInspectionPlan(input: $i) { id } }`, { i: input }, f.regulator);
    expect(code(created)).toBe('BAD_USER_INPUT');
    expect(created.errors?.[0].extensions).toMatchObject({ field: 'input.departmentCodes' });
    // A provincial department over a county plan, and a county department of the plan's region, are fine.
    await t.createDepartment('AH-SCJGJ', '安徽省市场监督管理局', '340000');
    const provincial = await t.gql(`mutation($i: InspectionPlanInput!) { createInspectionPlan(input: $i) { id } }`, { i: { ...input, departmentCodes: ['TC-SCJGJ', 'AH-SCJGJ', 'TC-SWJ'] } }, f.regulator);
    expect(code(provincial)).toBeUndefined();
  });

  it('guards the candidate export: anonymous, bad credentials, outsiders, malformed and huge ids', async () => {
    const url = `/inspections/plans/${f.planId}/candidates.csv`;
    const stranger = { 'x-api-key': (await t.createDepartment('TC-FGW', '天长市发展和改革委员会', '341181')).apiKey };
    expect((await get(url)).statusCode).toBe(401);
    expect((await get(url, { authorization: 'Bearer a.b.c' })).statusCode).toBe(401);
    expect((await get(url, { 'x-api-key': 'not-a-key' })).statusCode).toBe(401);
    for (const headers of [stranger, f.regulator]) {
      for (const id of ['abc', '-1', '9'.repeat(40), '1.5', `${f.undrawnPlanId}`]) {
        const r = await get(`/inspections/plans/${id}/candidates.csv`, headers);
        expect([id, r.statusCode, JSON.parse(r.body).errors[0].extensions.code]).toEqual([id, 404, 'NOT_FOUND']);
      }
    }
    // A department that does not execute the plan is told it does not exist, the same words as a missing id.
    const outsider = await get(url, stranger);
    expect([outsider.statusCode, outsider.body]).toEqual([404, (await get('/inspections/plans/999999999/candidates.csv', stranger)).body]);
    const regulator = await get(url, f.regulator);
    expect([regulator.statusCode, regulator.body.split('\n')[0]]).toEqual([200, 'uscc,tier']);
  });

  it('refuses hostile arguments with coded errors', async () => {
    const long = 'x'.repeat(100_000);
    const calls: [string, Record<string, unknown>][] = [
      [`mutation($id: ID!, $s: String) { publishInspectionPlan(planId: $id, seed: $s) { id } }`, { id: f.undrawnPlanId, s: long }],
      [`query($id: ID!) { inspectionPlan(planId: $id) { id } }`, { id: long }],
      [`query($r: String) { inspectionStats(regionCode: $r, year: 2026) { plans } }`, { r: long }],
      [`query($y: Int!) { inspectionStats(year: $y) { plans } }`, { y: 2_000_000_000 }],
      [`query($a: String) { searchInspectionResults(first: 5, after: $a) { totalCount } }`, { a: long }],
      [`query($a: String) { searchInspectionResults(first: 5, after: $a) { totalCount } }`, { a: 'AAAAAAAA' }],
      [`query($q: String) { searchInspectionResults(filter: { query: $q }) { totalCount } }`, { q: '\u0000ab' }],
      [`query { searchInspectionResults(first: 100000) { totalCount } }`, {}],
    ];
    for (const [query, variables] of calls) {
      const r = await t.gql(query, variables, f.regulator);
      expect([query, r.status, code(r)]).toEqual([query, expect.any(Number), expect.stringMatching(/BAD_USER_INPUT|NOT_FOUND|FORBIDDEN|PAYLOAD_TOO_LARGE|QUERY_LIMIT_EXCEEDED/)]);
      expect([query, r.status < 500]).toEqual([query, true]);
    }
  });

  it('publishes due results even when more than a batch of them may not be published (natural persons, flag off)', async () => {
    // Natural persons are not candidates today; a result of one (data migrated, a subject re-typed) must still
    // not make the publication job select the same unpublishable batch forever inside one transaction.
    const [{ departmentId }] = await t.db.query<{ departmentId: string }>(`SELECT id::text AS "departmentId" FROM departments WHERE code = 'TC-SCJGJ'`);
    await t.db.query(
      `WITH s AS (
         INSERT INTO credit_subjects (subject_key, uscc, name, subject_type, region_code, category)
         SELECT 'np-attack-' || g, NULL, '自然人' || g, 'NATURAL_PERSON', '341181', NULL FROM generate_series(1, 1001) g RETURNING id)
       INSERT INTO inspection_results (plan_id, subject_id, category, findings, inspected_on, inspector_ids, publication_due, recorded_by_id)
       SELECT $1::bigint, s.id, 'NO_PROBLEM', '未发现问题', $2::date, '{}', $2::date, $3::bigint FROM s`,
      [f.planId, today, departmentId],
    );
    const company = companyUscc('341181');
    await t.db.query(`INSERT INTO credit_subjects (subject_key, uscc, name, subject_type, region_code, category) VALUES ($1, $1, '天长市排队公示测试有限公司', 'LEGAL_ENTITY', '341181', '91')`, [company]);
    await t.db.query(
      `INSERT INTO inspection_results (plan_id, subject_id, category, findings, inspected_on, inspector_ids, publication_due, recorded_by_id)
       SELECT $1::bigint, id, 'NO_PROBLEM', '未发现问题', $2::date, '{}', $2::date, $3::bigint FROM credit_subjects WHERE uscc = $4`,
      [f.planId, today, departmentId, company],
    );
    // The 15-s guard is cleared once the race is decided: left running, it kept Jest's worker alive after its
    // last file and CI printed "A worker process has failed to exit gracefully" whenever this file ran late.
    let guard: NodeJS.Timeout | undefined;
    const stillRunning = new Promise((resolve) => (guard = setTimeout(() => resolve('still running'), 15_000)));
    const outcome = await Promise.race([t.app.get(InspectionResultsService).publishDue(), stillRunning]).finally(() => clearTimeout(guard));
    expect(outcome).toBe(1);
    const found = await t.gql(`query($u: String!) { searchInspectionResults(filter: { uscc: $u }) { totalCount } }`, { u: company });
    expect(found.data.searchInspectionResults.totalCount).toBe(1);
  }, 30_000);

  it('does not let anonymous page views re-run draw verifications without bound', async () => {
    const plans = t.app.get(PublicInspectionPlanService);
    const verify = jest.spyOn(t.app.get(InspectionDrawService), 'verify');
    try {
      const plan = (i: number) => ({ id: String(900_000 + i), candidateListHash: 'h', candidateCount: 10, seed: f.seed, seedCommitment: f.seedCommitment });
      // Cycling through more plans than the verdict cache keeps, twice: each pass must not re-run them all.
      for (let pass = 0; pass < 2; pass++) for (let i = 0; i < 400; i++) await plans.verdict(plan(i));
      expect(verify.mock.calls.length).toBeLessThanOrEqual(400);
    } finally {
      verify.mockRestore();
    }
  });
});

// Every operation in schema.graphql × every kind of caller, against the tables in operation-access.ts. A new
// operation without an entry fails here; so does a guard, an ownership check or a region scope that lets the
// wrong caller in.
import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, getNamedType, GraphQLArgument, GraphQLField, GraphQLInputType, isEnumType, isInputObjectType, isListType, isNonNullType, isScalarType } from 'graphql';
import { addDays, todayInChina } from '@credit/domain';
import { createTestApp, penaltyRecord, SUBMIT, TestApp } from '@credit/testing';
import { accessOf, Caller, OPERATION_ACCESS, Outcome, REGION_ACCESS } from './operation-access';

const schema = buildSchema(fs.readFileSync(path.resolve(__dirname, '../../schema.graphql'), 'utf8'));
const operations = [
  ...Object.values(schema.getQueryType()!.getFields()).map((field) => ({ kind: 'query' as const, field })),
  ...Object.values(schema.getMutationType()!.getFields()).map((field) => ({ kind: 'mutation' as const, field })),
];
// Operations that end the state others need run last, and the owner (department A) always goes last.
const LAST = ['removeListing', 'revokePenaltyRecord'];
operations.sort((a, b) => Number(LAST.includes(a.field.name)) - Number(LAST.includes(b.field.name)));
// The regulator of another region goes before any regulator who may change the fixture's state.
const CALLERS: Caller[] = ['anonymous', 'departmentB', 'regulatorOutOfRegion', 'regulator', 'regulatorInRegion', 'regulatorNational', 'admin', 'departmentA'];
const DENIED = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_DESIGNATING_DEPARTMENT']);
/** Regulators bound to a region, by caller (the fixture lies in 341100). */
const REGULATOR_REGIONS = { regulatorInRegion: '341100', regulatorOutOfRegion: '110000', regulatorNational: '100000' } as const;

// Operations aimed at the fixture: what to select, and when the answer shows nothing of it (HIDDEN). A NOT_FOUND
// for the fixture's own ids is HIDDEN too; elsewhere (dummy arguments) it is only a failed argument.
type Probe = { selection: string; empty: (value: any) => boolean };
const page: Probe = { selection: '{ totalCount }', empty: (value) => value.totalCount === 0 };
const byFixtureId: Probe = { selection: '{ __typename }', empty: () => false };
const VISIBILITY: Record<string, Probe> = {
  approveCreditRepair: byFixtureId,
  approveNameChange: byFixtureId,
  rejectNameChange: byFixtureId,
  pendingNameChanges: page,
  confirmListing: byFixtureId,
  fileListingObjection: byFixtureId,
  notifyListingParty: byFixtureId,
  recordMeasureFeedback: byFixtureId,
  removeListing: byFixtureId,
  resolveListingObjection: byFixtureId,
  revokePenaltyRecord: byFixtureId,
  creditSubject: { selection: '{ __typename }', empty: (value) => value === null },
  creditSubjects: page,
  departmentList: page,
  departmentTimeliness: { selection: '{ records }', empty: (value: unknown[]) => value.length === 0 },
  jointPunishmentStats: { selection: '{ totalChecks }', empty: (value) => value.totalChecks === 0 },
  listingSuggestions: page,
  listings: page,
  tierDistribution: { selection: '{ count }', empty: (value: { count: number }[]) => value.every((tier) => tier.count === 0) },
  updateInspectionPlan: byFixtureId,
  publishInspectionPlan: byFixtureId,
  drawInspection: byFixtureId,
  inspectionPlan: { selection: '{ __typename }', empty: (value) => value === null },
  inspectionDraw: { selection: '{ __typename }', empty: (value) => value === null },
  assignInspectors: byFixtureId,
  recordInspectionResult: byFixtureId,
  inspectionStats: { selection: '{ plans }', empty: (value) => value.plans === 0 },
};
/** A valid plan of department A in 341100 (the fixture's region). */
const PLAN_INPUT = {
  name: '矩阵测试抽查计划', year: 2026, regionCode: '341100', subjectTypes: ['LEGAL_ENTITY'], departmentCodes: ['SEC-A'], itemCodes: ['SEC-ITEM'],
  strata: [{ tier: 'A', ratioPercent: '50' }, { tier: 'D', ratioPercent: '100' }], exclusionMonths: 0, plannedStart: '2026-01-01', plannedEnd: '2026-12-31',
};

function dummy(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return dummy(type.ofType);
  if (isListType(type)) return [dummy(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type)) {
    return Object.fromEntries(Object.values(type.getFields()).filter((f) => isNonNullType(f.type)).map((f) => [f.name, dummy(f.type)]));
  }
  const scalar: Record<string, unknown> = { String: 'x', ID: '1', Int: 1, Float: 1, Boolean: false, Date: '2026-01-01', DateTime: '2026-01-01T00:00:00Z', Decimal: '1' };
  return scalar[(type as { name: string }).name] ?? 'x';
}

function documentFor(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>, args: GraphQLArgument[]): string {
  const definitions = args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const passed = args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const named = getNamedType(field.type);
  const selection = VISIBILITY[field.name]?.selection ?? (isScalarType(named) || isEnumType(named) ? '' : '{ __typename }');
  return `${kind}${definitions ? `(${definitions})` : ''} { ${field.name}${passed ? `(${passed})` : ''} ${selection} }`;
}

describe('role × operation access matrix', () => {
  let t: TestApp;
  const headers = {} as Record<Caller, Record<string, string>>;
  const fixture: Record<string, unknown> = {};

  beforeAll(async () => {
    t = await createTestApp();
    const admin = { authorization: `Bearer ${await t.adminToken()}` };
    const a = await t.createDepartment('SEC-A', '安全测试部门甲');
    const b = await t.createDepartment('SEC-B', '安全测试部门乙');
    await t.gql('mutation { createUser(input: { username: "sec-regulator", password: "regulator-password-1", role: REGULATOR }) { id } }', {}, admin);
    const login = await t.gql('mutation { login(username: "sec-regulator", password: "regulator-password-1") { accessToken } }');
    Object.assign(headers, { anonymous: {}, departmentA: { 'x-api-key': a.apiKey }, departmentB: { 'x-api-key': b.apiKey }, regulator: { authorization: `Bearer ${login.data.login.accessToken}` }, admin });
    for (const [caller, regionCode] of Object.entries(REGULATOR_REGIONS)) {
      const username = `sec-${caller}`;
      await t.gql(`mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`, { i: { username, password: 'regulator-password-1', role: 'REGULATOR', regionCode } }, admin);
      const token = await t.gql(`mutation($u: String!) { login(username: $u, password: "regulator-password-1") { accessToken } }`, { u: username });
      headers[caller as Caller] = { authorization: `Bearer ${token.data.login.accessToken}` };
    }

    await t.gql(`mutation { createListType(input: { code: "SEC-LIST", name: "测试名单", legalBasis: "《测试条例》第一条", designatingDepartmentCodes: ["SEC-A"], termMonths: 36, earliestRemovalMonths: 12, objectionDays: 5 }) { code } }`, {}, admin);
    await t.gql(`mutation { createMeasure(input: { code: "SEC-M", listTypeCode: "SEC-LIST", description: "限制参加政府采购", legalBasis: "《政府采购法》第二十二条", executingDepartmentCodes: ["SEC-A", "SEC-B"], scenarios: [PROCUREMENT] }) { code } }`, {}, admin);
    const record = penaltyRecord({ severity: 'SERIOUS', penaltyCategories: ['FINE', 'REVOKE_LICENSE'], decisionDate: '2025-01-10' });
    const pushed = await t.gql(SUBMIT, { records: [record] }, headers.departmentA);
    const recordId = pushed.data.submitPenaltyRecords.results[0].recordId;
    const proposal = await t.gql(
      `mutation($input: ProposeListingInput!) { proposeListing(input: $input) { id } }`,
      { input: { uscc: record.uscc, listTypeCode: 'SEC-LIST', decisionDocumentNumber: '滁测信认〔2026〕1号', reasons: '严重违法', legalBasis: '《测试条例》第一条', penaltyRecordIds: [recordId] } },
      headers.departmentA,
    );
    const listingId = proposal.data.proposeListing.id;
    await t.gql(`mutation($id: ID!, $d: Date!) { notifyListingParty(listingId: $id, noticeDate: $d) { id } }`, { id: listingId, d: todayInChina() }, headers.departmentA);
    const objection = await t.gql(`mutation($id: ID!) { fileListingObjection(listingId: $id, content: "当事人提出异议") { id } }`, { id: listingId }, headers.departmentA);
    const check = await t.gql(`query($u: String!) { jointPunishmentCheck(uscc: $u, scenario: PROCUREMENT) { checkId } }`, { u: record.uscc }, headers.departmentA);
    // A push under another name files a name change for review (pushers never rename a subject).
    await t.gql(SUBMIT, { records: [penaltyRecord({ uscc: record.uscc, partyName: `${record.partyName}（更名）` })] }, headers.departmentA);
    const pending = await t.gql(`{ pendingNameChanges { edges { node { id } } } }`, {}, admin);
    const nameChangeId = pending.data?.pendingNameChanges?.edges?.[0]?.node?.id;
    // An inspection plan of department A, published (so its draw is readable), not drawn.
    await t.gql(`mutation { createInspectionItem(input: { code: "SEC-ITEM", name: "登记事项检查", legalBasis: "《企业信息公示暂行条例》第十四条" }) { id } }`, {}, admin);
    const plan = await t.gql(`mutation($i: InspectionPlanInput!) { createInspectionPlan(input: $i) { id } }`, { i: PLAN_INPUT }, headers.departmentA);
    const planId = plan.data?.createInspectionPlan?.id;
    await t.gql(`mutation($id: ID!) { publishInspectionPlan(planId: $id) { id } }`, { id: planId }, headers.departmentA);
    Object.assign(fixture, { planId, record, recordId, listingId, nameChangeId, objectionId: objection.data?.fileListingObjection?.id, checkId: check.data?.jointPunishmentCheck?.checkId });
  });
  afterAll(() => t.close());

  it('has an entry for every operation in schema.graphql, and no entry for one that is gone', () => {
    const inSchema = operations.map((op) => op.field.name).sort();
    expect(Object.keys(OPERATION_ACCESS).sort()).toEqual(inSchema);
    expect(Object.keys(REGION_ACCESS).sort()).toEqual(inSchema);
  });

  it('has a fixture every region-scoped read shows to a caller who may see it', async () => {
    for (const [name, probe] of Object.entries(VISIBILITY).filter(([, p]) => p !== byFixtureId)) {
      const op = operations.find((o) => o.field.name === name)!;
      const result = await call(op.kind, op.field, 'regulatorNational');
      expect([name, probe.empty(result.data[name])]).toEqual([name, false]);
    }
  });

  const proposals = { n: 1 };
  function argumentsFor(name: string): Record<string, unknown> {
    const record = fixture.record as Record<string, unknown>;
    switch (name) {
      case 'revokePenaltyRecord': return { decisionNumber: record.decisionNumber, reason: '矩阵测试' };
      case 'approveCreditRepair': return { decisionNumber: record.decisionNumber, commitment: '信用承诺' };
      case 'confirmListing': case 'notifyListingParty': case 'fileListingObjection': case 'removeListing':
        return { listingId: fixture.listingId, noticeDate: todayInChina(), content: '异议', reason: 'REVOKED' };
      case 'resolveListingObjection': return { objectionId: fixture.objectionId, upheld: false, reply: '维持' };
      case 'approveNameChange': case 'rejectNameChange': return { id: fixture.nameChangeId };
      case 'recordMeasureFeedback': return { checkId: fixture.checkId, measureCode: 'SEC-M', applied: true };
      case 'jointPunishmentCheck': case 'creditSubject': return { uscc: record.uscc, scenario: 'PROCUREMENT' };
      case 'jointPunishmentStats': return { from: addDays(todayInChina(), -30), to: todayInChina() };
      case 'departmentTimeliness': return { regionCode: '341100', from: '2025-01-01', to: '2025-12-31' };
      case 'loadWorkingCalendar':
        return { year: 2030, holidays: ['2030-01-01'], workdays: [], source: { title: '国务院办公厅关于2030年部分节假日安排的通知', number: '国办发明电〔2029〕1号', issuedOn: '2029-11-01' } };
      case 'submitPenaltyRecords': return { records: [penaltyRecord()] };
      case 'createInspectionPlan': case 'updateInspectionPlan': case 'publishInspectionPlan': case 'drawInspection': case 'inspectionPlan': case 'inspectionDraw':
      case 'assignInspectors':
        return { planId: fixture.planId, input: PLAN_INPUT };
      case 'recordInspectionResult':
        return { planId: fixture.planId, uscc: record.uscc, input: { category: 'NO_PROBLEM', findings: '未发现问题', inspectedOn: todayInChina() } };
      case 'inspectionStats': return { year: 2026 };
      case 'login': return { username: 'sec-regulator', password: 'regulator-password-1' };
      case 'proposeListing':
        return { input: { uscc: record.uscc, listTypeCode: 'SEC-LIST', decisionDocumentNumber: `滁测信认〔2026〕${++proposals.n}号`, reasons: '严重违法', legalBasis: '《测试条例》', penaltyRecordIds: [] } };
      default: return {};
    }
  }

  async function call(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>, caller: Caller) {
    if (field.name === 'importPenaltyFile') return multipartImport(caller);
    const overrides = argumentsFor(field.name);
    const args = field.args.filter((arg) => isNonNullType(arg.type) || arg.name in overrides);
    const variables = Object.fromEntries(args.map((arg) => [arg.name, arg.name in overrides ? overrides[arg.name] : dummy(arg.type)]));
    return t.gql(documentFor(kind, field, args), variables, headers[caller]);
  }

  async function multipartImport(caller: Caller) {
    const boundary = 'matrixboundary';
    const operations = JSON.stringify({ query: 'mutation($file: Upload!) { importPenaltyFile(file: $file, dryRun: true) { __typename } }', variables: { file: null } });
    const body = [
      `--${boundary}\r\nContent-Disposition: form-data; name="operations"\r\n\r\n${operations}\r\n`,
      `--${boundary}\r\nContent-Disposition: form-data; name="map"\r\n\r\n{"0":["variables.file"]}\r\n`,
      `--${boundary}\r\nContent-Disposition: form-data; name="0"; filename="empty.csv"\r\nContent-Type: text/csv\r\n\r\n行政相对人名称\r\n\r\n`,
      `--${boundary}--\r\n`,
    ].join('');
    const response = await t.app.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'apollo-require-preflight': 'true', ...headers[caller] }, payload: body });
    const parsed = JSON.parse(response.body);
    return { status: response.statusCode, data: parsed.data, errors: parsed.errors, raw: response.body };
  }

  it.each(operations.map((op) => [op.field.name, op]))('%s: each caller gets exactly what the table says', async (_, op) => {
    const expected = accessOf(op.field.name);
    if (!expected) throw new Error(`no access entry for ${op.field.name}`);
    const actual = {} as Record<Caller, Outcome>;
    const codes = {} as Record<Caller, string>;
    for (const caller of CALLERS) {
      const result = await call(op.kind, op.field, caller);
      const errorCodes = (result.errors ?? []).map((error: { extensions?: { code?: string } }) => error.extensions?.code ?? '');
      expect(errorCodes).not.toContain('INTERNAL_SERVER_ERROR');
      const probe = VISIBILITY[op.field.name];
      const hidden = probe !== undefined && (errorCodes.includes('NOT_FOUND') || (errorCodes.length === 0 && probe.empty(result.data[op.field.name])));
      actual[caller] = errorCodes.some((code: string) => DENIED.has(code)) ? 'DENY' : hidden ? 'HIDDEN' : 'ALLOW';
      codes[caller] = errorCodes.join(',') || 'OK';
    }
    const mismatches = CALLERS.filter((caller) => actual[caller] !== expected[caller]).map((caller) => `${caller}: expected ${expected[caller]}, answered ${codes[caller]}`);
    expect(mismatches).toEqual([]);
  });
});

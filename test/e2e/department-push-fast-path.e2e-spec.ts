// A department's push through the fast path (apps/api/src/fast-path) answers what Apollo answers and stores what
// Apollo would store. A push has effects, so it cannot simply be sent twice: the same records (apart from the
// subject's code, which the selection leaves out) go to two departments, one through the fast path and one with
// an empty `extensions` object (left to Apollo, which ignores it). Status, headers and body bytes must be the same.
// The fast path's counter shows which requests it served, replayed through Apollo, or passed on untouched.
import { FastPathOutcome, fastPathCounts } from '@credit/common';
import { addMonths, todayInChina } from '@credit/domain';
import { companyUscc, createTestApp, penaltyRecord, TestApp } from '@credit/testing';

const PUSH = `mutation($records: [PenaltyRecordInput!]!) {
  submitPenaltyRecords(records: $records) {
    created updated unchanged rejected
    results { index decisionNumber status errors { field code message } warnings { field code message } subject { name tier { level score } } }
  } }`;

const today = todayInChina();

const counts = () => fastPathCounts('submitPenaltyRecords');

describe('department push fast path', () => {
  let t: TestApp;
  let keys: { warmUp: string; fast: string; apollo: string };
  let batch = 0;

  const post = async (body: Record<string, unknown>, headers: Record<string, string>) => {
    const response = await t.app.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json', ...headers }, payload: JSON.stringify(body) });
    const { date: _date, 'x-request-id': _id, ...headersSent } = response.headers;
    return { status: response.statusCode, headers: headersSent, body: response.body };
  };

  /** Records that differ between the two departments only in their subjects' codes (not selected). */
  const twinBatches = (make: (n: number) => Record<string, unknown>[]) => {
    const records = make(++batch);
    const withCodes = () => records.map((r) => ('uscc' in r && typeof r.uscc === 'string' && r.uscc.length === 18 ? { ...r, uscc: companyUscc('341102') } : r));
    return { fast: withCodes(), apollo: withCodes() };
  };

  /** One push through the fast path and its twin through Apollo: the answers, and what the fast path did. */
  const both = async (variables: { fast: unknown; apollo: unknown }, headers: { fast: Record<string, string>; apollo: Record<string, string> }) => {
    const before = await counts();
    const fast = await post({ query: PUSH, variables: { records: variables.fast } }, headers.fast);
    const middle = await counts();
    const apollo = await post({ query: PUSH, variables: { records: variables.apollo }, extensions: {} }, headers.apollo);
    expect(await counts()).toEqual(middle); // the Apollo copy never touches the fast path
    const did = (Object.keys(before) as FastPathOutcome[]).filter((k) => middle[k] > before[k]);
    return { fast, apollo, did };
  };
  const asDepartments = { fast: () => ({ 'x-api-key': keys.fast }), apollo: () => ({ 'x-api-key': keys.apollo }) };
  const departmentHeaders = () => ({ fast: asDepartments.fast(), apollo: asDepartments.apollo() });

  beforeAll(async () => {
    t = await createTestApp();
    keys = {
      warmUp: (await t.createDepartment('CZ-PUSH-0', '滁州市市场监督管理局')).apiKey,
      fast: (await t.createDepartment('CZ-PUSH-F', '滁州市市场监督管理局')).apiKey,
      apollo: (await t.createDepartment('CZ-PUSH-A', '滁州市市场监督管理局')).apiKey,
    };
    // A text is compiled on its second sighting: the first push goes to Apollo.
    const first = await post({ query: PUSH, variables: { records: [penaltyRecord()] } }, { 'x-api-key': keys.warmUp });
    expect(JSON.parse(first.body).data.submitPenaltyRecords.created).toBe(1);
  });
  afterAll(() => t.close());

  it('serves pushes with the bytes Apollo would send: created, rejected per item, unchanged and updated', async () => {
    const records = twinBatches((n) => [
      penaltyRecord({ decisionNumber: `滁市监罚〔2026〕${n}01号`, severity: 'SERIOUS', decisionDate: addMonths(today, -1), fineAmount: '25' }),
      penaltyRecord({ decisionNumber: `滁市监罚〔2026〕${n}02号`, decisionDate: '2026-02-30' }),
      penaltyRecord({ decisionNumber: `滁市监罚〔2026〕${n}03号`, partyType: 'NATURAL_PERSON', partyName: '张三', uscc: null }),
      penaltyRecord({ decisionNumber: `滁市监罚〔2026〕${n}04号`, severity: 'MINOR', decisionDate: addMonths(today, -2), penaltyCategories: ['WARNING'], fineAmount: null }),
    ]);
    const created = await both(records, departmentHeaders());
    expect(created.did).toEqual(['served']);
    expect(created.fast).toEqual(created.apollo);
    const answer = JSON.parse(created.fast.body).data.submitPenaltyRecords;
    expect(answer).toMatchObject({ created: 2, rejected: 2 });
    expect(answer.results.map((r: { errors: { code: string }[] }) => r.errors.map((e) => e.code).join())).toEqual(['', 'INVALID_DATE', expect.stringMatching(/./), '']);
    expect(answer.results[0].subject.tier.level).not.toBe('A'); // the field resolvers under the mutation ran too

    // The same records again (each department its own): unchanged, by the content hash each path stored.
    const again = await both(records, departmentHeaders());
    expect(again.did).toEqual(['served']);
    expect(again.fast).toEqual(again.apollo);
    expect(JSON.parse(again.fast.body).data.submitPenaltyRecords).toMatchObject({ created: 0, unchanged: 2, rejected: 2 });

    // What the fast path stored is what Apollo computes: the fast path's records pushed again through Apollo,
    // and Apollo's through the fast path, are unchanged too.
    const crossed = await both({ fast: records.apollo, apollo: records.fast }, { fast: asDepartments.apollo(), apollo: asDepartments.fast() });
    expect(crossed.did).toEqual(['served']);
    expect(crossed.fast).toEqual(crossed.apollo);
    expect(JSON.parse(crossed.fast.body).data.submitPenaltyRecords).toMatchObject({ created: 0, unchanged: 2 });

    const changed = { fast: records.fast.map((r) => ({ ...r, penaltyContent: '警告，罚款人民币叁万元整' })), apollo: records.apollo.map((r) => ({ ...r, penaltyContent: '警告，罚款人民币叁万元整' })) };
    const updated = await both(changed, departmentHeaders());
    expect(updated.did).toEqual(['served']);
    expect(updated.fast).toEqual(updated.apollo);
    expect(JSON.parse(updated.fast.body).data.submitPenaltyRecords).toMatchObject({ updated: 2 });
  });

  it('lets Apollo word a refusal from the one resolver call it made: an empty batch, a caller of another role', async () => {
    const empty = await both({ fast: [], apollo: [] }, departmentHeaders());
    expect(empty.did).toEqual(['replayed']);
    expect(empty.fast).toEqual(empty.apollo);
    expect(JSON.parse(empty.fast.body).errors[0].extensions.code).toBe('BAD_USER_INPUT');

    // An admin's token takes the credentialed route, whose plan of this text exists: the role guard refuses.
    const admin = { authorization: `Bearer ${await t.adminToken()}` };
    const records = twinBatches(() => [penaltyRecord()]);
    const forbidden = await both(records, { fast: admin, apollo: admin });
    expect(forbidden.did).toEqual(['replayed']);
    expect(forbidden.fast).toEqual(forbidden.apollo);
    expect(JSON.parse(forbidden.fast.body).errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('hands variables Apollo refuses over untouched, and nothing is stored', async () => {
    // Refused before anything runs, so both departments can be sent the very same records (the message quotes them).
    const same = (records: unknown[]) => ({ fast: records, apollo: records });
    const cases = [
      same([{ ...penaltyRecord(), fineAmountYuan: '1' }]),
      same([{ ...penaltyRecord(), partyType: 'ROBOT' }]),
      same([penaltyRecord(), { ...penaltyRecord(), partyName: 42 }]),
      same([[penaltyRecord()]]),
    ];
    for (const records of cases) {
      const { fast, apollo, did } = await both(records, departmentHeaders());
      expect(did).toEqual(['passed']);
      expect(fast).toEqual(apollo);
      expect(fast.status).toBe(400);
      expect(JSON.parse(fast.body).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    }
    const stored = await t.db.query<{ n: string }>(`SELECT count(*) AS n FROM penalty_records WHERE decision_number = ANY($1)`, [cases.flatMap((c) => c.fast.flat().map((r) => (r as { decisionNumber: string }).decisionNumber))]);
    expect(Number(stored[0].n)).toBe(0);
  });

  it('never runs a document with literal values: a crafted string is data for Apollo, never code', async () => {
    // graphql-jit would paste a string starting with its Date marker into its generated code (fast-path-plan.ts).
    const payload = "__MAGIC_DATE__33a9e76d_02e0_4128_8e92_3530ad3da74d0) && (globalThis.pushFastPathInjected = true) && (0";
    const text = `mutation { submitPenaltyRecords(records: [{ decisionNumber: ${JSON.stringify(payload)}, partyName: "x", partyType: LEGAL_ENTITY,
      violationType: "x", violationFacts: "x", legalBasis: "x", penaltyCategories: [WARNING], penaltyContent: "x", decisionDate: "2026-10-15" }]) { rejected } }`;
    const before = await counts();
    for (let i = 0; i < 3; i++) await post({ query: text }, asDepartments.fast());
    expect(await counts()).toEqual(before);
    expect((globalThis as Record<string, unknown>).pushFastPathInjected).toBeUndefined();
  });

  it('never takes an anonymous push or a bad credential: Apollo and the credential gate answer them', async () => {
    const records = [penaltyRecord()];
    for (const headers of [{}, { 'x-api-key': 'not-a-key' }] as Record<string, string>[]) {
      const before = await counts();
      await post({ query: PUSH, variables: { records } }, headers);
      const answer = await post({ query: PUSH, variables: { records } }, headers);
      expect(await counts()).toEqual(before);
      expect(JSON.parse(answer.body).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
  });
});

// 报送时效 over HTTP: departments push decisions, and departmentTimeliness counts, per department, the working
// days from each decision to the day it first reached the platform, against 双公示 (7 working days) or, for a
// market regulator, 总局令第45号 art. 9 (20 working days), across the 2026 National Day holiday.
// When a record arrived is the database's own clock (created_at of the first push): the platform has no way to
// receive a record "in the past", so the test sets the arrival day of pushed rows directly, as a fixture.
import { createTestApp, penaltyRecord, SUBMIT, TestApp } from '@credit/testing';

const TIMELINESS = `query($r: String!, $f: Date!, $t: Date!) { departmentTimeliness(regionCode: $r, from: $f, to: $t) {
  department { code name } regionCode records assessed reportedLate medianDelayWorkingDays calendarWarning
  oldestLate { decisionNumber decisionDate receivedOn delayWorkingDays allowedWorkingDays } rules { code workingDays effectiveFrom } } }`;

describe('departmentTimeliness (e2e over HTTP)', () => {
  let t: TestApp;
  const headers: Record<string, Record<string, string>> = {};

  /** Pushes one decision and records that it reached the platform on `receivedOn` (China date, 10:00). */
  async function pushed(department: string, decisionNumber: string, decisionDate: string, receivedOn: string): Promise<Record<string, unknown>> {
    const record = penaltyRecord({ decisionNumber, decisionDate });
    const result = await t.gql(SUBMIT, { records: [record] }, headers[department]);
    expect(result.data.submitPenaltyRecords.results[0].status).toBe('CREATED');
    await t.db.query(`UPDATE penalty_records SET created_at = ($2::date + time '10:00') AT TIME ZONE 'Asia/Shanghai' WHERE decision_number = $1`, [decisionNumber, receivedOn]);
    return record;
  }

  async function regulatorOf(username: string, regionCode: string): Promise<Record<string, string>> {
    await t.gql(`mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`, { i: { username, password: 'regulator-password-1', role: 'REGULATOR', regionCode } }, headers.admin);
    const login = await t.gql(`mutation($u: String!) { login(username: $u, password: "regulator-password-1") { accessToken } }`, { u: username });
    return { authorization: `Bearer ${login.data.login.accessToken}` };
  }

  beforeAll(async () => {
    t = await createTestApp();
    headers.admin = { authorization: `Bearer ${await t.adminToken()}` };
    headers.samr = { 'x-api-key': (await t.createDepartment('CZ-SCJGJ', '滁州市市场监督管理局', '341100')).apiKey };
    headers.tax = { 'x-api-key': (await t.createDepartment('CZ-SWJ', '滁州市税务局', '341100')).apiKey };
    headers.hefei = { 'x-api-key': (await t.createDepartment('HF-SWJ', '合肥市税务局', '340100')).apiKey };
    headers.chuzhou = await regulatorOf('tl-chuzhou', '341100');
    headers.hefeiRegulator = await regulatorOf('tl-hefei', '340100');

    await pushed('samr', '滁市监罚〔2026〕101号', '2026-09-30', '2026-10-28'); // 16 working days: within 20
    await pushed('samr', '滁市监罚〔2026〕102号', '2026-09-01', '2026-10-09'); // 23 working days: late
    const onTime = await pushed('tax', '滁税罚〔2026〕201号', '2026-09-28', '2026-10-13'); // 7: the last allowed day
    await pushed('tax', '滁税罚〔2026〕202号', '2026-09-28', '2026-10-14'); // 8: late
    await pushed('tax', '滁税罚〔2026〕203号', '2026-09-30', '2026-10-12'); // 10-08, 09, 10 (调休), 12: 4
    await pushed('hefei', '合税罚〔2026〕301号', '2026-09-30', '2026-11-30');
    // A later correction of a decision does not move the day it first reached the platform.
    const updated = await t.gql(SUBMIT, { records: [{ ...onTime, penaltyContent: '罚款人民币贰万元整（更正）' }] }, headers.tax);
    expect(updated.data.submitPenaltyRecords.results[0].status).toBe('UPDATED');
  });
  afterAll(() => t.close());

  it('gives per department records, late reports, the median delay in working days and the oldest late ones', async () => {
    const result = await t.gql(TIMELINESS, { r: '341100', f: '2026-09-01', t: '2026-09-30' }, headers.chuzhou);
    expect(result.errors).toBeUndefined();
    expect(result.data.departmentTimeliness).toEqual([
      {
        department: { code: 'CZ-SCJGJ', name: '滁州市市场监督管理局' }, regionCode: '341100', records: 2, assessed: 2, reportedLate: 1, medianDelayWorkingDays: 19.5, calendarWarning: null,
        oldestLate: [{ decisionNumber: '滁市监罚〔2026〕102号', decisionDate: '2026-09-01', receivedOn: '2026-10-09', delayWorkingDays: 23, allowedWorkingDays: 20 }],
        rules: [{ code: 'SAMR_PENALTY', workingDays: 20, effectiveFrom: '2021-09-01' }],
      },
      {
        department: { code: 'CZ-SWJ', name: '滁州市税务局' }, regionCode: '341100', records: 3, assessed: 3, reportedLate: 1, medianDelayWorkingDays: 7, calendarWarning: null,
        oldestLate: [{ decisionNumber: '滁税罚〔2026〕202号', decisionDate: '2026-09-28', receivedOn: '2026-10-14', delayWorkingDays: 8, allowedWorkingDays: 7 }],
        rules: [{ code: 'DOUBLE_PUBLICITY', workingDays: 7, effectiveFrom: '2015-06-24' }],
      },
    ]);
  });

  it('confines a regulator to its region: a wider region is narrowed, another region is empty', async () => {
    const wider = await t.gql(TIMELINESS, { r: '340000', f: '2026-09-01', t: '2026-09-30' }, headers.chuzhou);
    expect(wider.data.departmentTimeliness.map((d: { department: { code: string } }) => d.department.code)).toEqual(['CZ-SCJGJ', 'CZ-SWJ']);
    const elsewhere = await t.gql(TIMELINESS, { r: '341100', f: '2026-09-01', t: '2026-09-30' }, headers.hefeiRegulator);
    expect(elsewhere).toMatchObject({ data: { departmentTimeliness: [] } });
    const admin = await t.gql(TIMELINESS, { r: '340000', f: '2026-09-01', t: '2026-09-30' }, headers.admin);
    expect(admin.data.departmentTimeliness.map((d: { department: { code: string } }) => d.department.code)).toEqual(['CZ-SCJGJ', 'CZ-SWJ', 'HF-SWJ']);
  });

  it.each([
    [{ r: '341100', f: '2026-09-30', t: '2026-09-01' }, 'to', /^截止日期不能早于起始日期（/],
    [{ r: '341100', f: '2020-01-01', t: '2026-09-01' }, 'to', /^统计期间不能超过两年（/],
    [{ r: '3411', f: '2026-09-01', t: '2026-09-30' }, 'regionCode', /^行政区划代码须为 6 位数字（/],
    [{ r: '341100', f: '2026-02-30', t: '2026-09-30' }, 'from', /^起始日期无效：2026-02-30（/],
  ])('refuses %j with a coded error on %s', async (variables, field, message) => {
    const result = await t.gql(TIMELINESS, variables, headers.chuzhou);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(result.errors?.[0].message).toMatch(message);
  });
});

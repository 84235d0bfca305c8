// A listing walked across the 2026 National Day holiday (10-01 … 10-07 off, 10-10 Saturday worked) over HTTP,
// with time moved through ListingClock. The rule states the objection window in working days (工作日): notice
// served 2026-09-30 with 5 working days ends on 2026-10-13, not on 2026-10-05 inside the holiday; an objection
// left unanswered past its answer day (3 working days) blocks confirmation until it is answered. Then a window
// running into 2027 (no calendar shipped) is counted by weekends only and says so, until an admin loads 2027.
import { ListingClock } from '@credit/blacklist';
import { companyUscc, createTestApp, penaltyRecord, SUBMIT, TestApp } from '@credit/testing';

const FIELDS = `id status noticeDate objectionDeadline objectionDeadlineWarning objectionAnswerDue objectionOverdue listedAt openObjectionCount
  listType { code objectionDays objectionWindow { days unit } objectionAnswerDays }`;
const PROPOSE = `mutation($input: ProposeListingInput!) { proposeListing(input: $input) { id } }`;
const NOTIFY = `mutation($id: ID!, $d: Date!) { notifyListingParty(listingId: $id, noticeDate: $d) { ${FIELDS} } }`;
const CONFIRM = `mutation($id: ID!) { confirmListing(listingId: $id) { ${FIELDS} } }`;
const OBJECT = `mutation($id: ID!) { fileListingObjection(listingId: $id, content: "当事人称违法行为已改正") { id filedOn answerDue answerDueWarning } }`;
const RESOLVE = `mutation($id: ID!) { resolveListingObjection(objectionId: $id, upheld: false, reply: "经核查，异议不成立") { id status } }`;
const LISTINGS = `query($u: String!) { listings(filter: { uscc: $u }) { edges { node { ${FIELDS} } } } }`;
const LOAD = `mutation($y: Int!, $h: [Date!]!, $w: [Date!]!, $s: CalendarSourceInput!) {
  loadWorkingCalendar(year: $y, holidays: $h, workdays: $w, source: $s) { year holidays workdays sources { number } } }`;

describe('listing objection window in working days across National Day 2026 (e2e over HTTP)', () => {
  let t: TestApp;
  let samr: Record<string, string>;
  let admin: Record<string, string>;
  let regulator: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp();
    samr = { 'x-api-key': (await t.createDepartment('CZ-SCJGJ', '滁州市市场监督管理局')).apiKey };
    admin = { authorization: `Bearer ${await t.adminToken()}` };
    await t.gql(`mutation { createUser(input: { username: "wd-regulator", password: "regulator-password-1", role: REGULATOR, regionCode: "341100" }) { id } }`, {}, admin);
    const login = await t.gql(`mutation { login(username: "wd-regulator", password: "regulator-password-1") { accessToken } }`);
    regulator = { authorization: `Bearer ${login.data.login.accessToken}` };
    const base = { name: '市场监督管理严重违法失信名单', legalBasis: '《市场监督管理严重违法失信名单管理办法》', designatingDepartmentCodes: ['CZ-SCJGJ'], termMonths: 36, earliestRemovalMonths: 12, objectionDays: 5 };
    for (const input of [
      { ...base, code: 'SAMR-WORKING', objectionDayUnit: 'WORKING', objectionAnswerDays: 3 },
      { ...base, code: 'SAMR-CALENDAR' }, // no unit: calendar days, as list types created before units
    ]) {
      const created = await t.gql(`mutation($i: CreateListTypeInput!) { createListType(input: $i) { code } }`, { i: input }, admin);
      expect(created.errors).toBeUndefined();
    }
  });
  afterAll(() => t.close());

  const setToday = (date: string) => jest.spyOn(t.app.get(ListingClock), 'today').mockReturnValue(date);
  const codeOf = (response: { errors?: { extensions: { code: string } }[] }) => response.errors?.[0]?.extensions.code;

  async function proposed(listTypeCode: string, n: number): Promise<{ id: string; uscc: string }> {
    const uscc = companyUscc('341102');
    const pushed = await t.gql(SUBMIT, { records: [penaltyRecord({ uscc, severity: 'SERIOUS', penaltyCategories: ['FINE', 'REVOKE_LICENSE'], decisionDate: '2026-09-01' })] }, samr);
    const recordId = pushed.data.submitPenaltyRecords.results[0].recordId as string;
    const input = { uscc, listTypeCode, decisionDocumentNumber: `滁市监信认〔2026〕${n}号`, reasons: '吊销营业执照，情节严重', legalBasis: '《市场监督管理严重违法失信名单管理办法》第二条', penaltyRecordIds: [recordId] };
    const result = await t.gql(PROPOSE, { input }, samr);
    expect(result.errors).toBeUndefined();
    return { id: result.data.proposeListing.id, uscc };
  }

  it('counts 5 calendar days into the holiday, as before, when the list type says CALENDAR', async () => {
    setToday('2026-09-28');
    const { id } = await proposed('SAMR-CALENDAR', 1);
    setToday('2026-09-30');
    const notified = await t.gql(NOTIFY, { id, d: '2026-09-30' }, samr);
    expect(notified.data.notifyListingParty).toMatchObject({ objectionDeadline: '2026-10-05', listType: { objectionDays: 5, objectionWindow: { days: 5, unit: 'CALENDAR' } } });
  });

  it('moves the deadline past the holiday, makes an overdue objection visible and blocks confirmation until it is answered', async () => {
    setToday('2026-09-28');
    const { id, uscc } = await proposed('SAMR-WORKING', 2);

    setToday('2026-09-30');
    const notified = await t.gql(NOTIFY, { id, d: '2026-09-30' }, samr);
    expect(notified.errors).toBeUndefined();
    // 10-08, 10-09, 10-10 (调休 Saturday), 10-12, 10-13
    expect(notified.data.notifyListingParty).toMatchObject({
      status: 'NOTIFIED', objectionDeadline: '2026-10-13', objectionDeadlineWarning: null,
      listType: { code: 'SAMR-WORKING', objectionWindow: { days: 5, unit: 'WORKING' }, objectionAnswerDays: 3 },
    });

    setToday('2026-10-06'); // the old answer would have listed today, one working day after the notice
    expect(codeOf(await t.gql(CONFIRM, { id }, samr))).toBe('OBJECTION_WINDOW_OPEN');

    setToday('2026-10-09');
    const objection = await t.gql(OBJECT, { id }, samr);
    expect(objection.errors).toBeUndefined();
    // 3 working days: 10-10 (调休 Saturday), 10-12, 10-13
    expect(objection.data.fileListingObjection).toMatchObject({ filedOn: '2026-10-09', answerDue: '2026-10-13', answerDueWarning: null });

    setToday('2026-10-13');
    expect((await t.gql(LISTINGS, { u: uscc }, regulator)).data.listings.edges[0].node).toMatchObject({ objectionAnswerDue: '2026-10-13', objectionOverdue: false });

    setToday('2026-10-14');
    const seen = await t.gql(LISTINGS, { u: uscc }, regulator);
    expect(seen.data.listings.edges[0].node).toMatchObject({ status: 'NOTIFIED', openObjectionCount: 1, objectionAnswerDue: '2026-10-13', objectionOverdue: true });
    const refused = await t.gql(CONFIRM, { id }, samr);
    expect(codeOf(refused)).toBe('OBJECTION_ANSWER_OVERDUE');
    expect(refused.errors?.[0].message).toMatch(/^异议 \d+ 已超过答复期限（2026-10-13）仍未答复.*（objection \d+ was due for an answer by 2026-10-13/);

    expect((await t.gql(RESOLVE, { id: objection.data.fileListingObjection.id }, regulator)).errors).toBeUndefined();
    const confirmed = await t.gql(CONFIRM, { id }, samr);
    expect(confirmed.errors).toBeUndefined();
    expect(confirmed.data.confirmListing).toMatchObject({ status: 'LISTED', listedAt: '2026-10-14', objectionOverdue: false, objectionAnswerDue: null });
  });

  it('counts a window into a year without calendar data by weekends only and says so, until an admin loads the year', async () => {
    setToday('2026-12-29');
    const first = await proposed('SAMR-WORKING', 3);
    setToday('2026-12-30');
    const weekendsOnly = await t.gql(NOTIFY, { id: first.id, d: '2026-12-30' }, samr);
    expect(weekendsOnly.data.notifyListingParty).toMatchObject({ objectionDeadline: '2027-01-06' });
    expect(weekendsOnly.data.notifyListingParty.objectionDeadlineWarning).toMatch(/^2027 年尚无工作日历数据.*（no working calendar for 2027/);

    const bad = await t.gql(LOAD, { y: 2027, h: ['2027-01-01'], w: ['2027-01-04'], s: { title: '国务院办公厅关于2027年部分节假日安排的通知', number: '国办发明电〔2026〕1号', issuedOn: '2026-11-01' } }, admin);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'workdays' });
    expect(bad.errors?.[0].message).toMatch(/^调休上班日须为周六或周日：2027-01-04（/);
    expect(codeOf(await t.gql(LOAD, { y: 2027, h: ['2027-01-01'], w: [], s: { title: 't', number: 'n', issuedOn: '2026-11-01' } }, regulator))).toBe('FORBIDDEN');

    // Test data for a year whose notice is not out: only 元旦 is assumed, to show the loaded year counts.
    const loaded = await t.gql(LOAD, { y: 2027, h: ['2027-01-01'], w: [], s: { title: '国务院办公厅关于2027年部分节假日安排的通知', number: '国办发明电〔2026〕1号', issuedOn: '2026-11-01' } }, admin);
    expect(loaded.errors).toBeUndefined();
    expect(loaded.data.loadWorkingCalendar).toEqual({ year: 2027, holidays: ['2027-01-01'], workdays: [], sources: [{ number: '国办发明电〔2026〕1号' }] });
    const [audit] = await t.db.query<{ actor_type: string; target_id: string }>(`SELECT actor_type, target_id FROM audit_log WHERE action = 'WORKING_CALENDAR_LOADED'`);
    expect(audit).toEqual({ actor_type: 'USER', target_id: '2027' });

    setToday('2026-12-29');
    const second = await proposed('SAMR-WORKING', 4);
    setToday('2026-12-30');
    const counted = await t.gql(NOTIFY, { id: second.id, d: '2026-12-30' }, samr);
    // 12-31, (01-01 off), 01-04, 01-05, 01-06, 01-07
    expect(counted.data.notifyListingParty).toMatchObject({ objectionDeadline: '2027-01-07', objectionDeadlineWarning: null });
  });
});

// Tampered cursors and NUL bytes are the caller's mistake: BAD_USER_INPUT on that argument (or that batch
// item), never INTERNAL_SERVER_ERROR, SEARCH_UNAVAILABLE or a whole batch failing.
import { companyUscc, createTestApp, penaltyRecord, SUBMIT, TestApp } from '@credit/testing';

const cursor = (key: unknown) => Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');

/** Well-formed JSON with the wrong types, ids past bigint, impossible dates, NUL and junk. */
const TAMPERED = {
  id: [[{}], [true], ['9223372036854775808'], ['-1'], ['1e3'], [1.5], ['1', '2']],
  dateId: [['2026-02-31', '1'], ['2026-13-01', '1'], [20261015, '1'], ['2026-10-15', '99999999999999999999'], ['2026-10-15', { id: 1 }], ['2026-10-15']],
  search: [[0, '2026-02-30', '1'], ['0', '2026-10-15', '1'], [0, '2026-10-15', '9223372036854775808'], [7.5, '2026-10-15', '1'], [null, null, null]],
  timestampId: [['2026-02-31T00:00:00.000000Z', '1'], ['2026-10-15T25:00:00Z', '1'], ['yesterday', '1'], ['2026-10-15T00:00:00Z', '99999999999999999999']],
  raw: ['%%%', 'not-base64-json', cursor('\u0000'), Buffer.from('[1,"\u0000"]').toString('base64url')],
};

describe('tampered cursors and NUL bytes', () => {
  let t: TestApp;
  let department: { 'x-api-key': string };
  let admin: { authorization: string };
  const uscc = companyUscc('341102');

  beforeAll(async () => {
    t = await createTestApp();
    department = { 'x-api-key': (await t.createDepartment('CZ-CURSOR')).apiKey };
    admin = { authorization: `Bearer ${await t.adminToken()}` };
    const records = ['2026-10-01', '2026-10-02', '2026-10-03'].map((decisionDate) => penaltyRecord({ uscc, decisionDate }));
    const pushed = await t.gql(SUBMIT, { records }, department);
    expect(pushed.data.submitPenaltyRecords.created).toBe(3);
  });
  afterAll(() => t.close());

  const connections: { name: string; query: string; headers: () => Record<string, string>; keys: unknown[][] }[] = [
    { name: 'searchDisclosures (newest first)', query: 'query($a: String) { searchDisclosures(after: $a) { totalCount } }', headers: () => ({}), keys: TAMPERED.search },
    { name: 'searchDisclosures (ranked)', query: 'query($a: String) { searchDisclosures(query: "食品", after: $a) { totalCount } }', headers: () => ({}), keys: TAMPERED.search },
    { name: 'publicSeriousDishonestyList', query: 'query($a: String) { publicSeriousDishonestyList(after: $a) { totalCount } }', headers: () => ({}), keys: TAMPERED.dateId },
    { name: 'creditSubjects', query: 'query($a: String) { creditSubjects(after: $a) { totalCount } }', headers: () => admin, keys: TAMPERED.id },
    { name: 'listings', query: 'query($a: String) { listings(after: $a) { totalCount } }', headers: () => admin, keys: TAMPERED.id },
    { name: 'listingSuggestions', query: 'query($a: String) { listingSuggestions(after: $a) { totalCount } }', headers: () => department, keys: TAMPERED.id },
    { name: 'departmentList', query: 'query($a: String) { departmentList(after: $a) { totalCount } }', headers: () => admin, keys: TAMPERED.id },
    { name: 'CreditSubject.penaltyRecords', query: `query($a: String) { creditSubject(uscc: "${uscc}") { penaltyRecords(after: $a) { totalCount } } }`, headers: () => admin, keys: TAMPERED.dateId },
    { name: 'CreditSubject.tierHistory', query: `query($a: String) { creditSubject(uscc: "${uscc}") { tierHistory(after: $a) { totalCount } } }`, headers: () => admin, keys: TAMPERED.timestampId },
  ];

  it.each(connections)('$name: every tampered cursor is BAD_USER_INPUT on `after`', async ({ query, headers, keys }) => {
    for (const after of [...keys.map(cursor), ...TAMPERED.raw]) {
      const result = await t.gql(query, { a: after }, headers());
      expect({ after, errors: result.errors?.map((error) => [error.extensions.code, error.extensions.field]) }).toEqual({ after, errors: [['BAD_USER_INPUT', 'after']] });
    }
  });

  it('still pages with the cursors it issues (penaltyRecords, batched)', async () => {
    const page = `query($a: String) { creditSubject(uscc: "${uscc}") { penaltyRecords(first: 2, after: $a) { totalCount edges { node { decisionDate } } pageInfo { hasNextPage endCursor } } } }`;
    const first = await t.gql(page, { a: null }, admin);
    const records = first.data.creditSubject.penaltyRecords;
    expect(records.edges.map((edge: any) => edge.node.decisionDate)).toEqual(['2026-10-03', '2026-10-02']);
    expect(records).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
    const second = await t.gql(page, { a: records.pageInfo.endCursor }, admin);
    expect(second.data.creditSubject.penaltyRecords.edges.map((edge: any) => edge.node.decisionDate)).toEqual(['2026-10-01']);
    expect(second.data.creditSubject.penaltyRecords.pageInfo.hasNextPage).toBe(false);
  });

  it.each([
    ['searchDisclosures query', 'query($v: String) { searchDisclosures(query: $v) { totalCount } }', () => ({}), 'query'],
    ['searchDisclosures filter', 'query($v: String) { searchDisclosures(filter: { departmentCode: $v }) { totalCount } }', () => ({}), 'filter.departmentCode'],
    ['publicSeriousDishonestyList query', 'query($v: String) { publicSeriousDishonestyList(query: $v) { totalCount } }', () => ({}), 'query'],
    ['login username', 'mutation($v: String!) { login(username: $v, password: "a-password-long-enough") { accessToken } }', () => ({}), 'username'],
    ['creditSubject uscc', 'query($v: String!) { creditSubject(uscc: $v) { id } }', () => admin, 'uscc'],
    ['revokePenaltyRecord reason', 'mutation($v: String!) { revokePenaltyRecord(decisionNumber: "x", reason: $v) { id } }', () => department, 'reason'],
    ['createDepartment input', 'mutation($v: String!) { createDepartment(input: { code: "CZ-NUL", name: $v, uscc: "113411000030000142", regionCode: "341100" }) { apiKey } }', () => admin, 'input.name'],
  ])('NUL in %s is BAD_USER_INPUT on that argument', async (_name, query, headers, field) => {
    const result = await t.gql(query, { v: '滁州\u0000食品' }, headers());
    expect(result.errors?.map((error) => [error.extensions.code, error.extensions.field])).toEqual([['BAD_USER_INPUT', field]]);
    expect(result.errors?.[0].message).toMatch(/^参数含有空字符/);
  });

  it('rejects only the record with a NUL in a submitPenaltyRecords batch', async () => {
    const good = penaltyRecord();
    const bad = penaltyRecord({ partyName: '滁州市\u0000测试公司' });
    const result = await t.gql(SUBMIT, { records: [good, bad, penaltyRecord({ remarks: '\u0000' })] }, department);
    expect(result.errors).toBeUndefined();
    const payload = result.data.submitPenaltyRecords;
    expect(payload).toMatchObject({ created: 1, rejected: 2 });
    expect(payload.results[0].status).toBe('CREATED');
    expect(payload.results[1]).toMatchObject({ status: 'REJECTED', errors: [{ field: 'partyName', code: 'INVALID_VALUE' }] });
    expect(payload.results[1].errors[0].message).toMatch(/U\+0000/);
    expect(payload.results[2]).toMatchObject({ status: 'REJECTED', errors: [{ field: 'remarks', code: 'INVALID_VALUE' }] });
  });
});

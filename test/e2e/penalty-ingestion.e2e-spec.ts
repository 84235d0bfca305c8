import { PenaltyAuditTrailRepository } from '@credit/penalties';
import { createTestApp, naturalPersonRecord, penaltyRecord, SUBMIT, TestApp } from '@credit/testing';

const REVOKE = `mutation($n: String!, $r: String!) { revokePenaltyRecord(decisionNumber: $n, reason: $r) { id status revokeReason version } }`;
const SUBJECT = `query($uscc: String!) { creditSubject(uscc: $uscc) { id uscc name subjectType regionCode
  penaltyRecords(first: 10) { totalCount edges { node { decisionNumber status version fineAmount idNumber department { code } } } } } }`;

describe('department ingestion of penalty records (e2e over HTTP)', () => {
  let t: TestApp;
  let marketKey: string;
  let taxKey: string;

  beforeAll(async () => {
    t = await createTestApp();
    marketKey = (await t.createDepartment('CZ-SCJGJ', '滁州市市场监督管理局')).apiKey;
    taxKey = (await t.createDepartment('CZ-SWJ', '国家税务总局滁州市税务局')).apiKey;
  });
  afterAll(() => t.close());

  const asMarket = () => ({ 'x-api-key': marketKey });
  const asTax = () => ({ 'x-api-key': taxKey });

  it('walks the whole path: mixed batch, idempotent re-push, update, ownership, revoke, read back', async () => {
    const good = penaltyRecord({ fineAmount: '2.50' });
    const badUscc = penaltyRecord({ uscc: '91350100M000100Y4Z' });
    const missing = penaltyRecord({ partyName: '   ' });
    const person = naturalPersonRecord({ idNumber: '11010519491231002X' });
    const batch = [good, badUscc, missing, person];

    const first = await t.gql(SUBMIT, { records: batch }, asMarket());
    expect(first.errors).toBeUndefined();
    const payload = first.data.submitPenaltyRecords;
    expect(payload).toMatchObject({ created: 2, updated: 0, unchanged: 0, rejected: 2 });
    expect(payload.results.map((r: any) => r.status)).toEqual(['CREATED', 'REJECTED', 'REJECTED', 'CREATED']);
    expect(payload.results[1].errors).toEqual([expect.objectContaining({ field: 'uscc', code: 'INVALID_USCC' })]);
    expect(payload.results[2].errors).toEqual([expect.objectContaining({ field: 'partyName', code: 'REQUIRED' })]);
    expect(payload.results[0].recordId).toMatch(/^\d+$/);
    expect(first.raw).not.toContain('11010519491231002X');

    const again = await t.gql(SUBMIT, { records: [good, person] }, asMarket());
    expect(again.data.submitPenaltyRecords).toMatchObject({ created: 0, updated: 0, unchanged: 2, rejected: 0 });
    expect(again.data.submitPenaltyRecords.results[0].recordId).toBe(payload.results[0].recordId);

    const changed = { ...good, penaltyContent: '警告，罚款人民币叁万元整', fineAmount: '3' };
    const update = await t.gql(SUBMIT, { records: [changed] }, asMarket());
    expect(update.data.submitPenaltyRecords.results[0]).toMatchObject({ status: 'UPDATED', recordId: payload.results[0].recordId });
    const [version] = await t.db.query('SELECT version, content FROM penalty_record_versions WHERE record_id = $1', [payload.results[0].recordId]);
    expect(version.version).toBe(1);
    expect(version.content.fine_amount).toBe(2.5);

    const stolen = await t.gql(REVOKE, { n: good.decisionNumber, r: '撤销' }, asTax());
    expect(stolen.errors?.[0].extensions.code).toBe('FORBIDDEN');

    const revoked = await t.gql(REVOKE, { n: good.decisionNumber, r: '行政复议决定撤销原处罚' }, asMarket());
    expect(revoked.errors).toBeUndefined();
    expect(revoked.data.revokePenaltyRecord).toMatchObject({ status: 'REVOKED', revokeReason: '行政复议决定撤销原处罚', version: 2 });

    // A revoked decision is no longer shared: the deciding department still reads it, a regulator or admin does not.
    const asAdmin = await t.gql(SUBJECT, { uscc: good.uscc }, { authorization: `Bearer ${await t.adminToken()}` });
    expect(asAdmin.data.creditSubject.penaltyRecords.totalCount).toBe(0);
    const read = await t.gql(SUBJECT, { uscc: good.uscc }, asMarket());
    expect(read.errors).toBeUndefined();
    expect(read.data.creditSubject).toMatchObject({ uscc: good.uscc, name: good.partyName, subjectType: 'LEGAL_ENTITY', regionCode: '341102' });
    expect(read.data.creditSubject.penaltyRecords.totalCount).toBe(1);
    expect(read.data.creditSubject.penaltyRecords.edges[0].node).toMatchObject({ decisionNumber: good.decisionNumber, status: 'REVOKED', version: 2, fineAmount: '3', department: { code: 'CZ-SCJGJ' } });

    // Pushes are audited one entry per batch, revocations one per record: read per record, in chain order.
    const recordIds = (await t.db.query<{ id: string }>('SELECT id::text FROM penalty_records')).map((row) => row.id);
    const audit = await t.app.get(PenaltyAuditTrailRepository).events(recordIds);
    expect(audit.map((row) => row.action)).toEqual(['PENALTY_RECORD_CREATED', 'PENALTY_RECORD_CREATED', 'PENALTY_RECORD_UPDATED', 'PENALTY_RECORD_REVOKED']);
  });

  it('stores a natural person encrypted, finds them by keyed hash, and shows the ID only masked', async () => {
    const fixed = naturalPersonRecord();
    const result = await t.gql(SUBMIT, { records: [fixed] }, asMarket());
    expect(result.data.submitPenaltyRecords.results[0].status).toBe('CREATED');
    const [row] = await t.db.query(`SELECT id_number_encrypted, id_number_hash, id_number_masked FROM penalty_records WHERE decision_number = $1`, [fixed.decisionNumber]);
    expect(row.id_number_encrypted).not.toContain(fixed.idNumber as string);
    expect(row.id_number_encrypted).toMatch(/^k1:/);
    expect(row.id_number_masked).toBe(`${(fixed.idNumber as string).slice(0, 4)}**********${(fixed.idNumber as string).slice(-4)}`);
    const dump = await t.db.query(`SELECT row_to_json(r)::text AS json FROM penalty_records r`);
    expect(dump.map((r) => r.json).join()).not.toContain(fixed.idNumber as string);
  });

  it('fails a whole request with a coded error when the batch is empty, too large or unauthenticated', async () => {
    const empty = await t.gql(SUBMIT, { records: [] }, asMarket());
    expect(empty.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'records' });
    const tooMany = await t.gql(SUBMIT, { records: Array.from({ length: 1001 }, () => penaltyRecord()) }, asMarket());
    expect(tooMany.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    const anonymous = await t.gql(SUBMIT, { records: [penaltyRecord()] });
    expect(anonymous.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    const badKey = await t.gql(SUBMIT, { records: [penaltyRecord()] }, { 'x-api-key': 'cpk_000000000000_' + 'a'.repeat(43) });
    expect(badKey.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    const regulator = await t.gql(SUBMIT, { records: [penaltyRecord()] }, { authorization: `Bearer ${await t.adminToken()}` });
    expect(regulator.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const [{ count }] = await t.db.query<{ count: string }>('SELECT count(*) FROM penalty_records WHERE decision_number LIKE $1', ['%']);
    expect(Number(count)).toBe(3);
  });

  it('keeps one record when two pushes of the same new decision race', async () => {
    const record = penaltyRecord();
    const [a, b] = await Promise.all([t.gql(SUBMIT, { records: [record] }, asMarket()), t.gql(SUBMIT, { records: [record] }, asMarket())]);
    const statuses = [a, b].map((r) => r.data.submitPenaltyRecords.results[0].status).sort();
    expect(statuses).toEqual(['CREATED', 'UNCHANGED']);
    const rows = await t.db.query('SELECT id FROM penalty_records WHERE decision_number = $1', [record.decisionNumber]);
    expect(rows).toHaveLength(1);
  });
});

describe('field arguments are validated like operation arguments', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('bounds first on a nested connection and codes a bad cursor', async () => {
    const { apiKey } = await t.createDepartment('CZ-FIELDS');
    const record = penaltyRecord();
    await t.gql(SUBMIT, { records: [record] }, { 'x-api-key': apiKey });
    const tooMany = await t.gql(`query($u: String!) { creditSubject(uscc: $u) { penaltyRecords(first: 5000) { totalCount } } }`, { u: record.uscc }, { 'x-api-key': apiKey });
    expect(tooMany.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    const badCursor = await t.gql(`query($u: String!) { creditSubject(uscc: $u) { penaltyRecords(after: "not-a-cursor") { totalCount } } }`, { u: record.uscc }, { 'x-api-key': apiKey });
    expect(badCursor.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});

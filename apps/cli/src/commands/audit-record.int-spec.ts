// audit:record reads one record's history back from a log where pushes are audited one entry per batch and
// revocations one entry per record: an auditor's question ("who changed this decision, and when") answered
// without writing the query over the batches' arrays.
import { createTestApp, penaltyRecord, SUBMIT, TestApp } from '@credit/testing';
import type { CliContext } from '../command';
import { auditRecordCommand } from './audit-record.command';

const REVOKE = `mutation($n: String!, $r: String!) { revokePenaltyRecord(decisionNumber: $n, reason: $r) { status version } }`;

describe('audit:record (integration)', () => {
  let t: TestApp;
  let key: string;
  const run = async (args: string[]) => {
    const out: string[] = [];
    const context: CliContext = { runtime: null as never, app: async () => t.app, out: (line) => out.push(line) };
    return { code: await auditRecordCommand.run(context, args), out };
  };

  beforeAll(async () => {
    t = await createTestApp({ RUN_WORKER_IN_PROCESS: 'false' });
    key = (await t.createDepartment('CZ-AUDREC-SCJGJ', '滁州市审计测试局')).apiKey;
  });
  afterAll(() => t.close());

  it("lists a record's pushes and its revocation in order, with versions, the department as actor and each hash", async () => {
    const [a, b] = [penaltyRecord(), penaltyRecord()];
    const asDepartment = { 'x-api-key': key };
    expect((await t.gql(SUBMIT, { records: [a, b] }, asDepartment)).data.submitPenaltyRecords.created).toBe(2);
    const updated = await t.gql(SUBMIT, { records: [{ ...a, penaltyContent: '警告，罚款人民币叁万元整', fineAmount: '3' }, b] }, asDepartment);
    expect(updated.data.submitPenaltyRecords).toMatchObject({ updated: 1, unchanged: 1 });
    expect((await t.gql(REVOKE, { n: a.decisionNumber, r: '行政复议决定撤销原处罚' }, asDepartment)).data.revokePenaltyRecord.status).toBe('REVOKED');
    const [record] = await t.db.query<{ id: string; content_hash: string }>('SELECT id::text AS id, content_hash FROM penalty_records WHERE decision_number = $1', [a.decisionNumber]);

    const { code, out } = await run([record.id]);
    expect(code).toBe(0);
    expect(out.map((line) => /PENALTY_RECORD_\w+( v\d)?/.exec(line)?.[0])).toEqual(['PENALTY_RECORD_CREATED v1', 'PENALTY_RECORD_UPDATED v2', 'PENALTY_RECORD_REVOKED']);
    expect(out.every((line) => line.startsWith(`record ${record.id} `) && line.includes('by DEPARTMENT CZ-AUDREC-SCJGJ'))).toBe(true);
    expect(out[1]).toContain(`after ${record.content_hash.slice(0, 16)}…`);

    const byNumber = await run(['--decision', a.decisionNumber as string]);
    expect(byNumber).toEqual({ code: 0, out: [`record ${record.id}: ${a.decisionNumber as string} of CZ-AUDREC-SCJGJ`, ...out] });
  });

  it('says when nothing matches, and refuses other arguments with the usage', async () => {
    expect(await run(['999999999'])).toEqual({ code: 1, out: ['no audited change of record 999999999'] });
    expect(await run(['--decision', '不存在〔2026〕1号'])).toEqual({ code: 1, out: ['no penalty record has decision number 不存在〔2026〕1号'] });
    for (const args of [[], ['abc'], ['0'], ['--decision'], ['--decision', 'x', 'y'], ['1', '--decision', 'x']]) {
      const refused = await run(args);
      expect(refused.code).toBe(2);
      expect(refused.out[0]).toMatch(/^usage: audit:record/);
    }
  });
});

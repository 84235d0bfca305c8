// importPenaltyFile over HTTP: a GraphQL multipart request (operations, map, file) as a browser or curl sends it.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { buildUscc } from '@credit/domain';
import { createTestApp, TestApp } from '@credit/testing';

/** The committed fixtures (written by libs/imports/test-fixtures/make-fixtures.ts). */
const FIXTURE_DIR = path.resolve(__dirname, '../../libs/imports/test-fixtures');

const IMPORT = `mutation($file: Upload!, $dryRun: Boolean) { importPenaltyFile(file: $file, dryRun: $dryRun) {
  format encoding dryRun rowsRead accepted created updated unchanged rejected rejectedRowsTruncated errorReportCsv
  rejectedRows { rowNumber decisionNumber errors { column field code message } } } }`;

interface Upload {
  filename: string;
  content: Buffer;
}

function multipart(variables: Record<string, unknown>, file: Upload | null, map: Record<string, string[]> = file ? { 0: ['variables.file'] } : {}): { body: Buffer; contentType: string } {
  const boundary = '----credit-test-boundary-7MA4YWxkTrZu0gW';
  const part = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const head = part('operations', JSON.stringify({ query: IMPORT, variables: { ...variables, file: null } })) + part('map', JSON.stringify(map));
  const chunks: Buffer[] = [Buffer.from(head)];
  if (file) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="0"; filename="${file.filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`), file.content, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

const fixture = (name: string): Upload => ({ filename: name, content: fs.readFileSync(path.join(FIXTURE_DIR, name)) });

describe('importPenaltyFile (GraphQL multipart upload over HTTP)', () => {
  let t: TestApp;
  let key: string;

  beforeAll(async () => {
    t = await createTestApp();
    // The fixtures name this bureau (and its USCC) as their deciding authority: a department publishes only as itself.
    key = (await t.createDepartment('CZ-SCJGJ', '滁州市市场监督管理局', '341100', buildUscc('11', '341100', '00300001'))).apiKey;
  });
  afterAll(() => t.close());

  async function upload(file: Upload | null, headers: Record<string, string> = {}, variables: Record<string, unknown> = {}) {
    const { body, contentType } = multipart(variables, file);
    const response = await t.app.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': contentType, ...headers }, payload: body });
    return { status: response.statusCode, json: JSON.parse(response.body), raw: response.body };
  }
  const asDepartment = () => ({ 'x-api-key': key, 'apollo-require-preflight': 'true' });
  const stored = async () => Number((await t.db.query<{ n: string }>('SELECT count(*) AS n FROM penalty_records'))[0].n);

  it('imports an XLSX upload for the calling department and returns the summary with the error report inline', async () => {
    const { status, json } = await upload(fixture('penalties.xlsx'), asDepartment());
    expect(status).toBe(200);
    expect(json.errors).toBeUndefined();
    const summary = json.data.importPenaltyFile;
    expect(summary).toMatchObject({ format: 'XLSX', encoding: null, dryRun: false, rowsRead: 9, accepted: 5, created: 5, updated: 0, unchanged: 0, rejected: 4, rejectedRowsTruncated: false });
    expect(summary.rejectedRows.map((row: any) => [row.rowNumber, row.errors.map((e: any) => `${e.column}:${e.code}`)])).toEqual([
      [9, ['行政相对人代码_1（统一社会信用代码）:INVALID_USCC']],
      [10, ['行政处罚决定书文号:REQUIRED']],
      [11, ['罚款金额（万元）:INVALID_AMOUNT']],
      [12, ['处罚类别:INVALID_VALUE']],
    ]);
    expect(summary.errorReportCsv.startsWith('\uFEFF"行号","错误字段","错误代码","错误说明","序号"')).toBe(true);
    const report = parse(summary.errorReportCsv, { bom: true }) as string[][];
    expect(report.map((row) => row[0])).toEqual(['行号', '9', '10', '11', '12']);

    const rows = await t.db.query(`SELECT r.decision_number, d.code FROM penalty_records r JOIN departments d ON d.id = r.department_id ORDER BY r.decision_number`);
    expect(rows).toHaveLength(5);
    expect(rows.every((row) => row.code === 'CZ-SCJGJ')).toBe(true);
  });

  it('re-uploading the same file changes nothing; a dry run of another file writes nothing', async () => {
    const again = await upload(fixture('penalties.xlsx'), asDepartment());
    expect(again.json.data.importPenaltyFile).toMatchObject({ created: 0, unchanged: 5, rejected: 4 });
    const dry = await upload(fixture('penalties-gb18030.csv'), asDepartment(), { dryRun: true });
    // Created here means "would be created": the dry run compares with what is stored, and stores nothing.
    expect(dry.json.data.importPenaltyFile).toMatchObject({ format: 'CSV', encoding: 'GB18030', dryRun: true, accepted: 5, created: 5, rejected: 4 });
    expect(await stored()).toBe(5);
  });

  it('refuses a multipart request without a preflight header (CSRF), before anything is imported', async () => {
    const { status, raw } = await upload(fixture('penalties-utf8-bom.csv'), { 'x-api-key': key });
    expect(status).toBe(400);
    expect(raw).toContain('Cross-Site Request Forgery');
    expect(await stored()).toBe(5);
  });

  it('answers with coded errors: anonymous, a regulator, an oversize file, a string instead of a file, a bad header row', async () => {
    const anonymous = await upload(fixture('penalties.xlsx'), { 'apollo-require-preflight': 'true' });
    expect(anonymous.json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const regulator = await upload(fixture('penalties.xlsx'), { authorization: `Bearer ${await t.adminToken()}`, 'apollo-require-preflight': 'true' });
    expect(regulator.json.errors[0].extensions.code).toBe('FORBIDDEN');

    const huge = await upload({ filename: 'huge.csv', content: Buffer.alloc(20 * 1024 * 1024 + 1, 0x41) }, asDepartment());
    expect(huge.json.errors[0].extensions).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', field: 'file' });

    const plain = await t.gql(IMPORT, { file: '/etc/passwd' }, { 'x-api-key': key });
    expect(plain.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');

    const badHeader = await upload({ filename: 'bad.csv', content: Buffer.from('行政相对人名称,处罚决定日起\r\n甲,2026-01-01\r\n') }, asDepartment());
    expect(badHeader.json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(badHeader.json.errors[0].message).toContain('无法识别的列：“处罚决定日起”');
    expect(JSON.stringify([anonymous.json, regulator.json, huge.json, plain, badHeader.json])).not.toContain('INTERNAL_SERVER_ERROR');
    expect(await stored()).toBe(5);
  });

  it('rejects a malformed multipart request with 400 and a reason, never a 500', async () => {
    const { body, contentType } = multipart({}, null, { 0: ['variables.file'] });
    const response = await t.app.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': contentType, ...asDepartment() }, payload: body });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('no file was sent for 0');
    const polluting = multipart({}, fixture('penalties.xlsx'), { 0: ['__proto__.polluted'] });
    const refused = await t.app.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': polluting.contentType, ...asDepartment() }, payload: polluting.body });
    expect(refused.statusCode).toBe(400);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

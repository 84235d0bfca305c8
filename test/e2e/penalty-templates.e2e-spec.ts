// The 双公示 import templates over HTTP: anyone downloads them, and a department imports each one as it comes,
// example row included, through importPenaltyFile (dry run first, then for real).
import { TEMPLATE_HEADERS, TEMPLATE_NOTES_HEADERS, templateNoteRows } from '@credit/domain';
import { TEMPLATE_NOTES_SHEET_NAME, workbookText } from '@credit/imports';
import { createTestApp, TestApp } from '@credit/testing';

const IMPORT = `mutation($file: Upload!, $dryRun: Boolean) { importPenaltyFile(file: $file, dryRun: $dryRun) {
  format encoding dryRun rowsRead accepted created updated unchanged rejected rejectedRows { rowNumber errors { column code message } } } }`;

const BOUNDARY = '----credit-template-boundary-3d9a';

/** A GraphQL multipart request (operations, map, one file) as a browser or curl sends it. */
function multipartBody(filename: string, content: Buffer, variables: Record<string, unknown>): Buffer {
  const field = (name: string, value: string) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  return Buffer.concat([
    Buffer.from(
      field('operations', JSON.stringify({ query: IMPORT, variables: { ...variables, file: null } })) +
        field('map', JSON.stringify({ 0: ['variables.file'] })) +
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="0"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ]);
}

describe('the 双公示 import templates (GET /templates/…)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const download = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

  async function importAs(apiKey: string, filename: string, content: Buffer, dryRun: boolean) {
    const response = await t.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, 'x-api-key': apiKey, 'apollo-require-preflight': 'true' },
      payload: multipartBody(filename, content, { dryRun }),
    });
    const json = JSON.parse(response.body);
    expect(json.errors).toBeUndefined();
    return json.data.importPenaltyFile;
  }
  const stored = async (departmentId: string) =>
    (await t.db.query<{ decision_number: string }>('SELECT decision_number FROM penalty_records WHERE department_id = $1', [departmentId])).map((row) => row.decision_number);

  it('are public: downloaded anonymously, as XLSX (with its notes sheet) and as CSV in UTF-8 and GB18030', async () => {
    const xlsx = await download('/templates/penalties.xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.headers['content-disposition']).toContain('filename="penalties.xlsx"');
    const sheets = await workbookText(xlsx.rawPayload);
    expect(Object.values(sheets)[0][0]).toEqual([...TEMPLATE_HEADERS]);
    expect(sheets[TEMPLATE_NOTES_SHEET_NAME]).toEqual([[...TEMPLATE_NOTES_HEADERS], ...templateNoteRows()]);

    const utf8 = await download('/templates/penalties.csv');
    expect(utf8.statusCode).toBe(200);
    expect(utf8.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect([...utf8.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const gb = await download('/templates/penalties.csv?encoding=gb18030');
    expect(gb.headers['content-type']).toBe('text/csv; charset=gb18030');
    expect(gb.rawPayload.subarray(0, 3).equals(utf8.rawPayload.subarray(0, 3))).toBe(false);
  });

  it('an unknown encoding is a coded 400, not a 500', async () => {
    const response = await download('/templates/penalties.csv?encoding=latin1');
    expect(response.statusCode).toBe(400);
    expect(JSON.parse(response.body).errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'encoding' } });
    expect(JSON.parse(response.body).errors[0].message).toMatch(/^不支持的编码/);
  });

  it.each([
    ['XLSX', '/templates/penalties.xlsx', 'penalties.xlsx', null],
    ['CSV UTF-8', '/templates/penalties.csv', 'penalties.csv', 'UTF-8'],
    ['CSV GB18030', '/templates/penalties.csv?encoding=gb18030', 'penalties-gb18030.csv', 'GB18030'],
  ])('%s: imports as it comes; the dry run says the example would be created, the import creates it', async (format, url, filename, encoding) => {
    const department = await t.createDepartment(`TPL-${format.replace(/\W/g, '')}`);
    const content = (await download(url)).rawPayload;

    const dry = await importAs(department.apiKey, filename, content, true);
    expect(dry).toMatchObject({ format: format.slice(0, 4).trim(), encoding, dryRun: true, rowsRead: 1, accepted: 1, created: 1, updated: 0, unchanged: 0, rejected: 0 });
    expect(await stored(department.id)).toEqual([]);

    const real = await importAs(department.apiKey, filename, content, false);
    expect(real).toMatchObject({ dryRun: false, rowsRead: 1, accepted: 1, created: 1, rejected: 0 });
    expect(await stored(department.id)).toEqual(['示例市监罚〔2024〕1号']);

    // Once stored, a dry run of the same file says nothing would change.
    expect(await importAs(department.apiKey, filename, content, true)).toMatchObject({ accepted: 1, created: 0, updated: 0, unchanged: 1 });
  });
});

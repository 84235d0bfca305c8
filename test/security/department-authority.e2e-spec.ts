// Issue 10, "a department publishes only as itself": one department pushing (or importing) a decision under
// another department's deciding authority (处罚机关). Each attack through HTTP, with department keys.
import { buildUscc } from '@credit/domain';
import { createTestApp, penaltyRecord, SUBMIT, TestApp } from '@credit/testing';

const MARKET = { code: 'AUTH-SCJGJ', name: '滁州市市场监督管理局', uscc: buildUscc('11', '341100', '00300001') };
const TAX = { code: 'AUTH-SWJ', name: '国家税务总局滁州市税务局', uscc: buildUscc('11', '341100', '00300002') };
const COUNTY = { name: '来安县市场监督管理局', uscc: buildUscc('11', '341122', '00300003') };

const IMPORT = `mutation($file: Upload!) { importPenaltyFile(file: $file) { created rejected rejectedRows { rowNumber errors { field code message } } } }`;
const ALLOW = `mutation($input: AllowReportingInput!) { allowDepartmentToReportFor(input: $input) { departmentCode authorityUscc authorityName } }`;
const REVOKE = `mutation($input: RevokeReportingInput!) { revokeDepartmentReportingFor(input: $input) { authorityUscc } }`;

describe('a department publishes only as itself (or an authority an admin allowed)', () => {
  let t: TestApp;
  let market: Record<string, string>;
  let tax: Record<string, string>;
  let admin: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp();
    market = { 'x-api-key': (await t.createDepartment(MARKET.code, MARKET.name, '341100', MARKET.uscc)).apiKey };
    tax = { 'x-api-key': (await t.createDepartment(TAX.code, TAX.name, '341100', TAX.uscc)).apiKey };
    admin = { authorization: `Bearer ${await t.adminToken()}` };
  });
  afterAll(() => t.close());

  const push = async (headers: Record<string, string>, records: Record<string, unknown>[]) => {
    const response = await t.gql(SUBMIT, { records }, headers);
    expect(response.errors).toBeUndefined();
    return response.data.submitPenaltyRecords;
  };
  const storedAuthority = async (decisionNumber: string) =>
    (await t.db.query<{ authority_name: string; authority_uscc: string }>('SELECT authority_name, authority_uscc FROM penalty_records WHERE decision_number = $1', [decisionNumber]))[0];

  it("refuses a decision pushed under another department's name and USCC, item by item; the rest of the batch is stored", async () => {
    const forged = penaltyRecord({ authorityName: MARKET.name, authorityUscc: MARKET.uscc });
    const own = penaltyRecord({ authorityName: TAX.name, authorityUscc: TAX.uscc });
    const summary = await push(tax, [forged, own]);
    expect(summary).toMatchObject({ created: 1, rejected: 1 });
    expect(summary.results[0]).toMatchObject({ status: 'REJECTED', recordId: null, errors: [{ field: 'authorityUscc', code: 'AUTHORITY_NOT_ALLOWED' }] });
    expect(summary.results[0].errors[0].message).toMatch(/^处罚机关.*（the deciding authority is neither this department/);
    expect(summary.results[1].status).toBe('CREATED');
    expect(await storedAuthority(forged.decisionNumber as string)).toBeUndefined();
  });

  it("refuses the department's own USCC under another authority's name", async () => {
    const record = penaltyRecord({ authorityName: MARKET.name, authorityUscc: TAX.uscc });
    const summary = await push(tax, [record]);
    expect(summary.results[0]).toMatchObject({ status: 'REJECTED', errors: [{ field: 'authorityName', code: 'AUTHORITY_NOT_ALLOWED' }] });
  });

  it("refuses another department's USCC sent without a name (it is not filled in for a foreign authority)", async () => {
    const summary = await push(tax, [penaltyRecord({ authorityUscc: MARKET.uscc })]);
    expect(summary.results[0]).toMatchObject({ status: 'REJECTED', errors: [{ field: 'authorityUscc', code: 'AUTHORITY_NOT_ALLOWED' }] });
  });

  it('refuses the same forgery through the spreadsheet import, on its row, and imports the other rows', async () => {
    const headers = ['行政相对人名称', '行政相对人类别', '统一社会信用代码', '行政处罚决定书文号', '违法行为类型', '违法事实', '处罚依据', '处罚类别', '处罚内容', '罚款金额（万元）', '处罚决定日期', '处罚机关', '处罚机关统一社会信用代码'];
    const row = (n: number, authority: { name: string; uscc: string }) =>
      [`滁州市导入测试有限公司${n}`, '法人及非法人组织', buildUscc('91', '341102', String(50_000_000 + n)), `滁税导罚〔2026〕${n}号`, '销售不符合食品安全标准的食品', '当事人销售过期食品。', '《中华人民共和国食品安全法》第一百二十四条', '罚款', '罚款人民币一万元', '1', '2026-10-15', authority.name, authority.uscc];
    const csv = `\uFEFF${[headers, row(1, MARKET), row(2, TAX)].map((cells) => cells.join(',')).join('\r\n')}\r\n`;
    const boundary = 'authorityboundary';
    const body = [
      `--${boundary}\r\nContent-Disposition: form-data; name="operations"\r\n\r\n${JSON.stringify({ query: IMPORT, variables: { file: null } })}\r\n`,
      `--${boundary}\r\nContent-Disposition: form-data; name="map"\r\n\r\n{"0":["variables.file"]}\r\n`,
      `--${boundary}\r\nContent-Disposition: form-data; name="0"; filename="forged.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n`,
      `--${boundary}--\r\n`,
    ].join('');
    const response = await t.app.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'apollo-require-preflight': 'true', ...tax }, payload: Buffer.from(body) });
    const json = JSON.parse(response.body);
    expect(json.errors).toBeUndefined();
    expect(json.data.importPenaltyFile).toMatchObject({ created: 1, rejected: 1, rejectedRows: [{ rowNumber: 2, errors: [{ field: 'authorityUscc', code: 'AUTHORITY_NOT_ALLOWED' }] }] });
    expect(await storedAuthority('滁税导罚〔2026〕1号')).toBeUndefined();
    expect(await storedAuthority('滁税导罚〔2026〕2号')).toEqual({ authority_name: TAX.name, authority_uscc: TAX.uscc });
  });

  it('fills an omitted authority with the pushing department, from the departments table', async () => {
    const record = penaltyRecord();
    expect(record.authorityName).toBeUndefined();
    const summary = await push(tax, [record]);
    expect(summary.results[0].status).toBe('CREATED');
    expect(await storedAuthority(record.decisionNumber as string)).toEqual({ authority_name: TAX.name, authority_uscc: TAX.uscc });
  });

  it('lets a department report for an authority only while an admin allows it, each change audited', async () => {
    const before = penaltyRecord({ authorityName: COUNTY.name, authorityUscc: COUNTY.uscc });
    expect((await push(market, [before])).results[0].errors[0].code).toBe('AUTHORITY_NOT_ALLOWED');

    const denied = await t.gql(ALLOW, { input: { departmentCode: MARKET.code, authorityUscc: COUNTY.uscc, authorityName: COUNTY.name } }, market);
    expect(denied.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const granted = await t.gql(ALLOW, { input: { departmentCode: MARKET.code, authorityUscc: COUNTY.uscc, authorityName: COUNTY.name } }, admin);
    expect(granted.data.allowDepartmentToReportFor).toEqual({ departmentCode: MARKET.code, authorityUscc: COUNTY.uscc, authorityName: COUNTY.name });

    expect((await push(market, [before])).results[0].status).toBe('CREATED');
    // The name alone is enough once allowed: the USCC comes from the grant.
    const byName = penaltyRecord({ authorityName: COUNTY.name });
    expect((await push(market, [byName])).results[0].status).toBe('CREATED');
    expect(await storedAuthority(byName.decisionNumber as string)).toEqual({ authority_name: COUNTY.name, authority_uscc: COUNTY.uscc });
    // The grant is the market bureau's, not the tax bureau's.
    expect((await push(tax, [penaltyRecord({ authorityName: COUNTY.name, authorityUscc: COUNTY.uscc })])).results[0].errors[0].code).toBe('AUTHORITY_NOT_ALLOWED');

    const revoked = await t.gql(REVOKE, { input: { departmentCode: MARKET.code, authorityUscc: COUNTY.uscc } }, admin);
    expect(revoked.errors).toBeUndefined();
    expect((await push(market, [penaltyRecord({ authorityName: COUNTY.name, authorityUscc: COUNTY.uscc })])).results[0].errors[0].code).toBe('AUTHORITY_NOT_ALLOWED');

    const audit = await t.db.query<{ action: string }>(`SELECT action FROM audit_log WHERE action LIKE 'REPORTING_AUTHORITY_%' ORDER BY id`);
    expect(audit.map((row) => row.action)).toEqual(['REPORTING_AUTHORITY_ALLOWED', 'REPORTING_AUTHORITY_REVOKED']);
  });

  it("answers coded errors for a bad grant: malformed USCC, the department's own USCC, an unknown department", async () => {
    const allow = (input: Record<string, string>) => t.gql(ALLOW, { input: { departmentCode: MARKET.code, authorityName: COUNTY.name, authorityUscc: COUNTY.uscc, ...input } }, admin);
    expect((await allow({ authorityUscc: '123' })).errors?.[0].extensions).toMatchObject({ code: 'INVALID_USCC', field: 'input.authorityUscc' });
    expect((await allow({ authorityUscc: MARKET.uscc })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.authorityUscc' });
    expect((await allow({ departmentCode: 'NO-SUCH' })).errors?.[0].extensions.code).toBe('NOT_FOUND');
  });
});

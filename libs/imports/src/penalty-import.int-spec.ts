import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { DepartmentPrincipal, DomainError } from '@credit/common';
import { buildUscc, TEMPLATE_COLUMNS } from '@credit/domain';
import { PenaltyIngestService } from '@credit/penalties';
import { createTestApp, TestApp } from '@credit/testing';
import { AUTHORITY_USCC, FIXTURE_DIR, fixtureRows, HEADERS, RESIDENT_ID } from '../test-fixtures/make-fixtures';
import { ImportProgress, PenaltyImportService } from './penalty-import.service';

const BAD_ROWS = (first: number, uscc = '统一社会信用代码', fine = '罚款金额（万元）') => [
  [String(first), uscc, 'INVALID_USCC'],
  [String(first + 1), '行政处罚决定书文号', 'REQUIRED'],
  [String(first + 2), fine, 'INVALID_AMOUNT'],
  [String(first + 3), '处罚类别', 'INVALID_VALUE'],
];

describe('PenaltyImportService (real PostgreSQL)', () => {
  let t: TestApp;
  let service: PenaltyImportService;
  let market: DepartmentPrincipal;
  let work: string;

  beforeAll(async () => {
    t = await createTestApp();
    service = t.app.get(PenaltyImportService);
    // The fixtures name this bureau as their deciding authority: a department publishes only as itself.
    const { id } = await t.createDepartment('CZ-SCJGJ', '滁州市市场监督管理局', '341100', AUTHORITY_USCC);
    market = { kind: 'DEPARTMENT', departmentId: id, departmentCode: 'CZ-SCJGJ', departmentName: '滁州市市场监督管理局', regionCode: '341100', apiKeyId: '0' };
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'credit-import-test-'));
  });
  afterAll(async () => {
    fs.rmSync(work, { recursive: true, force: true });
    await t.close();
  });

  /** Fixtures are committed; imports run on copies so the reports land in a scratch directory. */
  const copy = (name: string) => {
    const target = path.join(work, name);
    fs.copyFileSync(path.join(FIXTURE_DIR, name), target);
    return target;
  };
  const readReport = (file: string) => {
    const text = fs.readFileSync(file, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    return parse(text, { bom: true }) as string[][];
  };
  const countOf = async (prefix: string) =>
    Number((await t.db.query<{ n: string }>(`SELECT count(*) AS n FROM penalty_records WHERE decision_number LIKE $1`, [`滁市监${prefix}罚%`]))[0].n);

  it('imports the GB18030 CSV: five records stored, four rows reported with their column, code and message', async () => {
    const file = copy('penalties-gb18030.csv');
    const summary = await service.import(market, file);
    expect(summary).toMatchObject({ format: 'CSV', encoding: 'GB18030', rowsRead: 9, accepted: 5, created: 5, updated: 0, unchanged: 0, rejected: 4 });
    expect(summary.errorReportPath).toBe(path.join(work, 'penalties-gb18030.errors.csv'));

    const stored = await t.db.query(
      `SELECT decision_number, party_name, party_type, uscc, penalty_categories, fine_amount::text AS fine, confiscated_amount::text AS confiscated,
              decision_date, public_until, license_info, id_number_masked, authority_uscc, remarks
         FROM penalty_records WHERE decision_number LIKE '滁市监甲罚%' ORDER BY decision_number`,
    );
    expect(stored.map((r) => r.decision_number)).toEqual(['滁市监甲罚〔2026〕1号', '滁市监甲罚〔2026〕2号', '滁市监甲罚〔2026〕3号', '滁市监甲罚〔2026〕4号', '滁市监甲罚〔2026〕5号']);
    expect(stored[0]).toMatchObject({ party_name: '滁州市甲食品有限公司1', party_type: 'LEGAL_ENTITY', penalty_categories: ['WARNING', 'FINE'], fine: '2.500000', decision_date: '2026-10-15', authority_uscc: AUTHORITY_USCC });
    expect(stored[1]).toMatchObject({ party_name: '琅琊区甲小吃店', party_type: 'INDIVIDUAL_BUSINESS', penalty_categories: ['WARNING'], fine: null, decision_date: '2026-09-01' });
    expect(stored[2]).toMatchObject({ party_name: '张三', party_type: 'NATURAL_PERSON', uscc: null, penalty_categories: ['FINE', 'CONFISCATE_ILLEGAL_GAINS'], fine: '0.500000', confiscated: '0.100000', decision_date: '2026-08-20', id_number_masked: `${RESIDENT_ID.slice(0, 4)}**********${RESIDENT_ID.slice(-4)}` });
    expect(stored[3]).toMatchObject({ penalty_categories: ['REVOKE_LICENSE', 'SUSPEND_PRODUCTION'], fine: null, decision_date: '2026-06-01', public_until: '2029-06-01', license_info: '食品经营许可证 JY23411020012345', remarks: '严重违法' });

    const report = readReport(summary.errorReportPath as string);
    expect(report[0].slice(0, 5)).toEqual(['行号', '错误字段', '错误代码', '错误说明', '行政相对人名称']);
    expect(report[0].slice(4)).toEqual(HEADERS.map((h) => (h === '罚款金额（万元）' ? '罚款金额' : h)));
    expect(report.slice(1).map((row) => row.slice(0, 3))).toEqual(BAD_ROWS(8, '统一社会信用代码', '罚款金额'));
    const [, usccRow, , amountRow, categoryRow] = report;
    expect(usccRow[3]).toMatch(/^统一社会信用代码.*（.*USCC.*）$/);
    expect(amountRow[3]).toContain('罚款金额应为以万元为单位的普通数字');
    expect(amountRow[4 + HEADERS.indexOf('罚款金额（万元）')]).toBe('两万五千元');
    expect(categoryRow[3]).toContain('处罚类别“罚单”不是可选值');
    expect(summary.rejectedRows[3]).toMatchObject({ rowNumber: 11, decisionNumber: '滁市监甲罚〔2026〕9号', errors: [{ field: 'penaltyCategories[1]', column: '处罚类别', code: 'INVALID_VALUE' }] });
  });

  it('re-importing the same file is idempotent: every stored row UNCHANGED, nothing duplicated', async () => {
    const summary = await service.import(market, copy('penalties-gb18030.csv'));
    expect(summary).toMatchObject({ rowsRead: 9, created: 0, updated: 0, unchanged: 5, rejected: 4 });
    expect(await countOf('甲')).toBe(5);
  });

  it('imports the UTF-8 CSV with BOM (spaced, half-width headers) and reports progress per batch', async () => {
    const progress: ImportProgress[] = [];
    const summary = await service.import(market, copy('penalties-utf8-bom.csv'), { onProgress: (p) => progress.push(p) });
    expect(summary).toMatchObject({ format: 'CSV', encoding: 'UTF-8', rowsRead: 9, created: 5, rejected: 4 });
    expect(progress).toEqual([expect.objectContaining({ rowsRead: 9, accepted: 5, rejected: 4 })]);
    expect(readReport(summary.errorReportPath as string).slice(1).map((row) => row.slice(0, 3))).toEqual(BAD_ROWS(8, '统一社会信用代码', ' 罚款金额 (万元) '.trim()));
    const [row] = await t.db.query(`SELECT party_name, authority_name FROM penalty_records WHERE decision_number = '滁市监乙罚〔2026〕1号'`);
    expect(row).toEqual({ party_name: '滁州市乙食品有限公司1', authority_name: '滁州市市场监督管理局' });
  });

  it('imports the XLSX below its title row, reading date cells and Excel serial numbers', async () => {
    const summary = await service.import(market, copy('penalties.xlsx'));
    expect(summary).toMatchObject({ format: 'XLSX', encoding: null, rowsRead: 9, created: 5, rejected: 4 });
    const dates = await t.db.query(`SELECT decision_number, decision_date, fine_amount::text AS fine FROM penalty_records WHERE decision_number LIKE '滁市监丙罚%' ORDER BY decision_number`);
    expect(dates.map((r) => [r.decision_date, r.fine])).toEqual([
      ['2026-10-15', '2.500000'], ['2026-09-01', null], ['2026-08-20', '0.500000'], ['2026-06-01', null], ['2026-03-02', '2.500000'],
    ]);
    const report = readReport(summary.errorReportPath as string);
    expect(report.slice(1).map((row) => row.slice(0, 3))).toEqual(BAD_ROWS(9, '行政相对人代码_1（统一社会信用代码）'));
    expect([report[0][4], report[1][4]]).toEqual(['序号', '7']); // the 序号 column, kept as the clerk wrote it
  });

  it('a dry run validates, compares with what is stored and reports, but writes nothing', async () => {
    const before = await countOf('乙');
    const file = copy('penalties-utf8-bom.csv');
    const summary = await service.import(market, file, { dryRun: true, reportPath: path.join(work, 'dry.errors.csv') });
    // The same five rows were imported above: a dry run says an import would leave them as they are.
    expect(summary).toMatchObject({ dryRun: true, rowsRead: 9, accepted: 5, created: 0, updated: 0, unchanged: 5, rejected: 4, errorReportPath: path.join(work, 'dry.errors.csv') });
    expect(await countOf('乙')).toBe(before);

    // One row changed, one new: would update one, would create one, and still nothing is written.
    const rows = fixtureRows('乙', 2).filter((row) => row !== null).slice(0, 2);
    const changed = { ...rows[0], 违法事实: `${rows[0]?.违法事实}（更正）` };
    const fresh = { ...rows[1], 行政处罚决定书文号: '滁市监乙罚〔2026〕99号' };
    const edited = path.join(work, 'edited.csv');
    fs.writeFileSync(edited, [HEADERS.join(','), ...[changed, fresh].map((row) => HEADERS.map((h) => `"${String(row[h] ?? '')}"`).join(','))].join('\r\n'));
    expect(await service.import(market, edited, { dryRun: true })).toMatchObject({ dryRun: true, accepted: 2, created: 1, updated: 1, unchanged: 0, rejected: 0 });
    expect(await countOf('乙')).toBe(before);
  });

  it('imports a CSV headed with the national data standard field codes (CF_XDR_MC … BZ) as exchange systems export it', async () => {
    const codeOf = new Map(TEMPLATE_COLUMNS.map((column) => [column.header, column.code]));
    const codes = HEADERS.map((header) => codeOf.get(header) as string);
    // The four other registration codes of the standard come along, empty: ignored, not unknown.
    const header = [...codes, 'CF_XDR_ZZJG', 'CF_XDR_SWDJ', 'CF_XDR_SYDW', 'CF_XDR_SHZZ'];
    const rows = fixtureRows('戊', 4).map((row) => (row ? HEADERS.map((h) => `"${String(row[h] ?? '')}"`).join(',') : ''));
    const file = path.join(work, 'exchange-export.csv');
    fs.writeFileSync(file, [header.join(','), ...rows].join('\r\n'));
    const summary = await service.import(market, file);
    expect(summary).toMatchObject({ format: 'CSV', rowsRead: 9, accepted: 5, created: 5, rejected: 4 });
    // Errors name the file's own headers: the clerk sees the codes the file carries.
    expect(summary.rejectedRows.map((row) => [row.rowNumber, row.errors[0].column, row.errors[0].code])).toEqual([
      [8, 'CF_XDR_SHXYM', 'INVALID_USCC'], [9, 'CF_WSH', 'REQUIRED'], [10, 'CF_NR_FK', 'INVALID_AMOUNT'], [11, 'CF_CFLB', 'INVALID_VALUE'],
    ]);
    expect(await countOf('戊')).toBe(5);
  });

  it('the corrected error report can be uploaded as it is: only the fixed rows are created', async () => {
    const report = readReport(path.join(work, 'penalties-utf8-bom.errors.csv'));
    // The four rejected rows in report order: bad USCC, missing number, unparseable amount, unknown category.
    const corrections: [string, string][] = [
      ['统一社会信用代码', buildUscc('91', '341102', String(30_000_000 + 2 * 100 + 6))],
      ['行政处罚决定书文号', '滁市监乙罚〔2026〕7号'],
      [' 罚款金额 (万元) '.trim(), '2.5'],
      ['处罚类别', '警告；罚款'],
    ];
    const fixed = report.map((row, index) => {
      if (index === 0) return row;
      const [header, value] = corrections[index - 1];
      return row.map((cell, column) => (column === report[0].indexOf(header) ? value : cell));
    });
    const file = path.join(work, 'corrected.csv');
    fs.writeFileSync(file, '\uFEFF' + fixed.map((row) => row.map((cell) => `"${cell.replace(/"/g, '""')}"`).join(',')).join('\r\n'));
    const summary = await service.import(market, file);
    expect(summary).toMatchObject({ rowsRead: 4, created: 4, rejected: 0, errorReportPath: null });
    expect(fs.existsSync(path.join(work, 'corrected.errors.csv'))).toBe(false);
    expect(await countOf('乙')).toBe(9);
  });

  it('stops before writing anything when required columns are missing or a column is unknown', async () => {
    const file = path.join(work, 'bad-header.csv');
    const headers = HEADERS.filter((h) => h !== '处罚依据').map((h) => (h === '处罚决定日期' ? '处罚决定日起' : h));
    fs.writeFileSync(file, `${headers.join(',')}\r\n${headers.map(() => 'x').join(',')}\r\n`);
    const error = await service.import(market, file).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('BAD_USER_INPUT');
    expect((error as DomainError).message).toBe(
      '表头有误，未导入任何数据：缺少必需列：处罚依据、处罚决定日期（missing required columns: 处罚依据, 处罚决定日期）；' +
        '无法识别的列：“处罚决定日起”（unknown columns: “处罚决定日起”; rename them to the template\'s headers or delete them）',
    );
    expect(fs.existsSync(path.join(work, 'bad-header.errors.csv'))).toBe(false);
  });

  it('refuses files it cannot read with coded errors: a corrupt workbook, a truncated one, an old .xls, UTF-16 text, an empty file', async () => {
    const workbook = fs.readFileSync(path.join(FIXTURE_DIR, 'penalties.xlsx'));
    const cases: [string, Buffer, string][] = [
      ['corrupt.xlsx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]), '无法读取xlsx工作簿'],
      // An upload cut short inside an entry, inside the central directory, or inside the end-of-central-directory
      // record (its last 22 bytes): the reader waited for ever on the entry it was reading (zip-parse-mend.js), and
      // the import never ended.
      ['truncated.xlsx', workbook.subarray(0, workbook.length >> 1), '无法读取xlsx工作簿'],
      ['truncated-directory.xlsx', workbook.subarray(0, workbook.length - 30), '无法读取xlsx工作簿'],
      ['truncated-end.xlsx', workbook.subarray(0, workbook.length - 10), '无法读取xlsx工作簿'],
      ['old.xls', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), Buffer.alloc(100)]), '不支持旧版Excel（.xls）文件'],
      ['utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('行政相对人名称', 'utf16le')]), '文件为UTF-16编码'],
      ['empty.csv', Buffer.alloc(0), '文件为空'],
    ];
    for (const [name, content, message] of cases) {
      const file = path.join(work, name);
      fs.writeFileSync(file, content);
      const error = await service.import(market, file).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(DomainError);
      expect([(error as DomainError).code, (error as DomainError).message]).toEqual(['BAD_USER_INPUT', expect.stringContaining(message)]);
    }
  });

  it('a workbook changed after it was written is refused, not imported with what the change made of it', async () => {
    // Entries stored uncompressed, so the change below still reads as XML: one digit of a decision number, as a
    // flipped bit on a disk or a line could leave it. JSZip writes the second workbook's CRCs in data descriptors
    // after each entry's data, where unzipper's Parse reads and drops them: only the central directory has them.
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('行政处罚');
    sheet.addRow([...HEADERS]);
    for (const row of fixtureRows('己', 6).slice(0, 2)) sheet.addRow(HEADERS.map((header) => row?.[header] ?? null));
    for (const streamFiles of [false, true]) {
      const bytes = Buffer.from(await workbook.xlsx.writeBuffer({ zip: { compression: 'STORE', streamFiles } } as Partial<ExcelJS.XlsxWriteOptions>));
      const changed = Buffer.from(bytes);
      const number = Buffer.from('滁市监己罚〔2026〕1号');
      const at = changed.indexOf(number);
      expect(at).toBeGreaterThan(0);
      changed[at + number.length - '1号'.length] = '7'.charCodeAt(0);
      fs.writeFileSync(path.join(work, 'changed.xlsx'), changed);
      const stored = await countOf('己');
      const error = await service.import(market, path.join(work, 'changed.xlsx')).catch((caught: unknown) => caught);
      expect([(error as DomainError).code, (error as DomainError).message]).toEqual([
        'BAD_USER_INPUT',
        expect.stringMatching(/^无法读取xlsx工作簿.*the entry xl\/sharedStrings\.xml does not match its checksum/),
      ]);
      expect(await countOf('己')).toBe(stored);
      // The same workbook as written reads, data descriptors and all (the second time, its rows are unchanged).
      fs.writeFileSync(path.join(work, 'intact.xlsx'), bytes);
      expect(await service.import(market, path.join(work, 'intact.xlsx'))).toMatchObject(streamFiles ? { unchanged: 2 } : { created: 2 });
    }
  });

  it('a file that stops being UTF-8 halfway is refused at that point, saying how many rows were already imported', async () => {
    const file = path.join(work, 'broken.csv');
    const template = fixtureRows('戊', 5)[0] as Record<string, unknown>;
    const line = (i: number) => {
      const row: Record<string, unknown> = { ...template, 行政处罚决定书文号: `滁市监戊罚〔2026〕${i}号` };
      return HEADERS.map((h) => String(row[h] ?? '')).join(',');
    };
    const head = [HEADERS.join(','), ...Array.from({ length: 1500 }, (_, i) => line(i + 1))].join('\n');
    fs.writeFileSync(file, Buffer.concat([Buffer.from(head + '\n'), Buffer.from([0xb9, 0xfa, 0xbc, 0xd2, 0x0a])]));
    const error = await service.import(market, file).catch((caught: unknown) => caught);
    expect((error as DomainError).code).toBe('BAD_USER_INPUT');
    expect((error as DomainError).message).toMatch(/^文件中途出现非UTF-8编码的内容.*此前已导入1000行/);
    expect(await countOf('戊')).toBe(1000);
  });

  /** A CSV of `rows` good records numbered under `prefix`. */
  const goodCsv = (name: string, prefix: string, rows: number) => {
    const template = fixtureRows(prefix, 7)[0] as Record<string, unknown>;
    const lines = [HEADERS.join(',')];
    for (let i = 1; i <= rows; i++) {
      const row: Record<string, unknown> = { ...template, 行政处罚决定书文号: `滁市监${prefix}罚〔2026〕${i}号` };
      lines.push(HEADERS.map((h) => String(row[h] ?? '')).join(','));
    }
    fs.writeFileSync(path.join(work, name), lines.join('\n'));
    return path.join(work, name);
  };

  it('validates the next batch while one is written; when that write fails, the import stops and the next batch is not written', async () => {
    const file = goodCsv('write-fails.csv', '庚', 2345);
    const ingest = t.app.get(PenaltyIngestService);
    const validate = jest.spyOn(ingest, 'validate');
    // The first write waits until the second batch has been validated, then fails (as a lost connection would).
    const write = jest.spyOn(ingest, 'write').mockImplementationOnce(async () => {
      while (validate.mock.results.length < 2) await new Promise((resolve) => setTimeout(resolve, 5));
      await validate.mock.results[1].value;
      throw new Error('connection lost');
    });
    try {
      await expect(service.import(market, file)).rejects.toThrow('connection lost');
      expect([validate.mock.calls.length, write.mock.calls.length]).toEqual([2, 1]);
      expect(await countOf('庚')).toBe(0);
    } finally {
      validate.mockRestore();
      write.mockRestore();
    }
  });

  it('writes no further batch once the client has gone, even one already validated', async () => {
    const file = goodCsv('abandoned.csv', '辛', 2345);
    const ingest = t.app.get(PenaltyIngestService);
    const client = new AbortController();
    // The client goes as the second batch is staged, while the first is still being written (synchronously, inside
    // the import's call to validate: a later moment would race the first write).
    const validate = jest.spyOn(ingest, 'validate').mockImplementation(function (this: PenaltyIngestService, ...args) {
      if (validate.mock.calls.length === 2) client.abort();
      return PenaltyIngestService.prototype.validate.apply(this, args);
    });
    const write = jest.spyOn(ingest, 'write');
    try {
      const error = await service.import(market, file, { signal: client.signal }).catch((caught: unknown) => caught);
      expect([(error as DomainError).code, (error as DomainError).message]).toEqual(['CLIENT_CLOSED_REQUEST', expect.stringContaining('此前已导入1000行')]);
      expect(write.mock.calls.length).toBe(1);
      expect(await countOf('辛')).toBe(1000);
    } finally {
      validate.mockRestore();
      write.mockRestore();
    }
  });

  it('batches 2,345 rows by 1,000 through the ingestion service and refuses a decision number repeated across batches', async () => {
    const file = path.join(work, 'large.csv');
    const template = fixtureRows('丁', 4)[0] as Record<string, unknown>;
    const lines = [HEADERS.join(',')];
    for (let i = 1; i <= 2345; i++) {
      const row: Record<string, unknown> = { ...template, 行政处罚决定书文号: `滁市监丁罚〔2026〕${i === 2001 ? 5 : i}号`, 行政相对人名称: `滁州市丁企业${i}` };
      lines.push(HEADERS.map((h) => String(row[h] ?? '')).join(','));
    }
    fs.writeFileSync(file, lines.join('\n'));
    const progress: ImportProgress[] = [];
    const summary = await service.import(market, file, { onProgress: (p) => progress.push(p) });
    expect(summary).toMatchObject({ rowsRead: 2345, created: 2344, rejected: 1 });
    expect(progress.map((p) => p.accepted + p.rejected)).toEqual([1000, 2000, 2345]);
    expect(summary.rejectedRows).toEqual([
      { rowNumber: 2002, decisionNumber: '滁市监丁罚〔2026〕5号', errors: [expect.objectContaining({ column: '行政处罚决定书文号', code: 'DUPLICATE_IN_FILE', message: expect.stringContaining('与第6行相同') })] },
    ]);
    const [{ batches }] = await t.db.query(`SELECT count(DISTINCT created_at) AS batches FROM penalty_records WHERE decision_number LIKE '滁市监丁罚%'`);
    expect(Number(batches)).toBe(3);
  });
});

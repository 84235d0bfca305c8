// Writes the committed import fixtures: the same kind of 双公示 sheet as a GB18030 CSV, a UTF-8 CSV with BOM and
// an XLSX workbook, each with five good rows and four bad ones (bad USCC, missing decision number, unparseable
// amount, unknown category) and a blank row. Run: node -r ./tools/register.js libs/imports/test-fixtures/make-fixtures.ts
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { buildResidentId, buildUscc } from '@credit/domain';

export const FIXTURE_DIR = __dirname;
export const AUTHORITY_USCC = buildUscc('11', '341100', '00300001');
export const RESIDENT_ID = buildResidentId('341102', '19800101', '123');

export const HEADERS = [
  '行政相对人名称', '行政相对人类别', '统一社会信用代码', '法定代表人', '证件类型', '证件号码', '行政处罚决定书文号', '违法行为类型', '违法事实',
  '处罚依据', '处罚类别', '处罚内容', '罚款金额（万元）', '没收违法所得、没收非法财物的金额（万元）', '暂扣或吊销证照名称及编号', '处罚决定日期',
  '处罚有效期', '公示截止期', '处罚机关', '处罚机关统一社会信用代码', '数据来源单位', '数据来源单位统一社会信用代码', '备注',
] as const;
type Header = (typeof HEADERS)[number];
export type FixtureRow = Partial<Record<Header, string | number | Date | null>> | null;

/** Nine records and one blank row; `prefix` keeps each file's decision numbers apart. */
export function fixtureRows(prefix: string, n: number): FixtureRow[] {
  const company = (k: number) => buildUscc('91', '341102', String(30_000_000 + n * 100 + k));
  const base = (k: number, decisionDate: string | number | Date): FixtureRow => ({
    行政相对人名称: `滁州市${prefix}食品有限公司${k}`, 行政相对人类别: '法人及非法人组织', 统一社会信用代码: company(k), 法定代表人: '王建国',
    行政处罚决定书文号: `滁市监${prefix}罚〔2026〕${k}号`, 违法行为类型: '销售不符合食品安全标准的食品',
    违法事实: '当事人在其经营场所销售超过保质期的食品，违反了《中华人民共和国食品安全法》第三十四条的规定。',
    处罚依据: '《中华人民共和国食品安全法》第一百二十四条第一款', 处罚类别: '警告；罚款', 处罚内容: '警告，罚款人民币贰万伍仟元整',
    '罚款金额（万元）': '2.5', 处罚决定日期: decisionDate, 处罚机关: '滁州市市场监督管理局', 处罚机关统一社会信用代码: AUTHORITY_USCC,
    数据来源单位: '滁州市市场监督管理局', 数据来源单位统一社会信用代码: AUTHORITY_USCC,
  });
  return [
    base(1, '2026-10-15'),
    { ...base(2, '2026/9/1'), 行政相对人名称: `琅琊区${prefix}小吃店`, 行政相对人类别: '个体工商户', 统一社会信用代码: buildUscc('92', '341102', String(40_000_000 + n)), 法定代表人: '李四', 处罚类别: '警告', 处罚内容: '警告', '罚款金额（万元）': null },
    { ...base(3, '2026年8月20日'), 行政相对人名称: '张三', 行政相对人类别: '自然人', 统一社会信用代码: null, 法定代表人: null, 证件类型: '居民身份证', 证件号码: RESIDENT_ID, 处罚类别: '罚款、没收违法所得', 处罚内容: '罚款五千元，没收违法所得一千元', '罚款金额（万元）': '0.5', '没收违法所得、没收非法财物的金额（万元）': '0.1' },
    null,
    { ...base(4, '20260601'), 处罚类别: '吊销许可证件,责令停产停业', 处罚内容: '吊销食品经营许可证', '罚款金额（万元）': '0', 暂扣或吊销证照名称及编号: '食品经营许可证 JY23411020012345', 公示截止期: '2029-06-01', 备注: '严重违法' },
    base(5, '2026-03-02'),
    { ...base(6, '2026-10-15'), 统一社会信用代码: company(6).slice(0, 17) + (company(6).endsWith('0') ? '1' : '0') },
    { ...base(7, '2026-10-15'), 行政处罚决定书文号: '  ' },
    { ...base(8, '2026-10-15'), '罚款金额（万元）': '两万五千元' },
    { ...base(9, '2026-10-15'), 处罚类别: '警告；罚单' },
  ];
}

function csvText(headers: readonly string[], rows: FixtureRow[]): string {
  const quote = (value: unknown) => {
    const text = value === null || value === undefined ? '' : String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [headers.map(quote).join(',')];
  for (const row of rows) lines.push(row ? HEADERS.map((header) => quote(row[header])).join(',') : '');
  return lines.join('\r\n') + '\r\n';
}

export async function writeFixtures(dir = FIXTURE_DIR): Promise<void> {
  // GB18030 without BOM, as most case-handling systems export it; plain 罚款金额 header (万元 implied).
  const gbHeaders = HEADERS.map((header) => (header === '罚款金额（万元）' ? '罚款金额' : header));
  fs.writeFileSync(path.join(dir, 'penalties-gb18030.csv'), iconv.encode(csvText(gbHeaders, fixtureRows('甲', 1)), 'gb18030'));
  // UTF-8 with BOM, as Excel's "CSV UTF-8" saves it; headers with stray spaces and half-width brackets.
  const utfHeaders = HEADERS.map((header) => (header === '罚款金额（万元）' ? ' 罚款金额 (万元) ' : header === '处罚机关' ? '处罚 机关' : header));
  fs.writeFileSync(path.join(dir, 'penalties-utf8-bom.csv'), '\uFEFF' + csvText(utfHeaders, fixtureRows('乙', 2)));
  await writeXlsx(path.join(dir, 'penalties.xlsx'));
}

/** A title row above the headers, the 2021 template's 行政相对人代码_1 header, real date cells and an Excel serial. */
async function writeXlsx(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'credit-platform fixtures';
  workbook.created = workbook.modified = new Date(Date.UTC(2026, 10, 1));
  const sheet = workbook.addWorksheet('行政处罚');
  const headers = HEADERS.map((header) => (header === '统一社会信用代码' ? '行政相对人代码_1（统一社会信用代码）' : header));
  sheet.addRow(['滁州市市场监督管理局行政处罚信息（双公示）']);
  sheet.addRow(['序号', ...headers]);
  const rows = fixtureRows('丙', 3);
  rows.forEach((row, index) => {
    if (!row) return void sheet.addRow([]);
    const values: unknown[] = HEADERS.map((header) => row[header] ?? null);
    const dateAt = HEADERS.indexOf('处罚决定日期');
    const amountAt = HEADERS.indexOf('罚款金额（万元）');
    if (index === 0) values[dateAt] = new Date(Date.UTC(2026, 9, 15)); // a date cell
    if (index === 1) values[dateAt] = 46266; // 2026-09-01 as a bare serial number
    if (typeof values[amountAt] === 'string' && /^\d+(\.\d+)?$/.test(values[amountAt] as string)) values[amountAt] = Number(values[amountAt]);
    const added = sheet.addRow([index + 1, ...values]);
    if (index === 0) added.getCell(dateAt + 2).numFmt = 'yyyy-mm-dd';
  });
  await workbook.xlsx.writeFile(file);
}

if (require.main === module) {
  writeFixtures().then(
    () => console.log(`wrote fixtures to ${FIXTURE_DIR}`),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}

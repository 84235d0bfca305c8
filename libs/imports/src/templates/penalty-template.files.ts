// The 双公示 import template as files a clerk downloads: an XLSX workbook (the template sheet first, since the
// importer reads only the first sheet, then a 填写说明 sheet) and a CSV in GB18030 (what Excel on a Chinese
// Windows opens by default) or UTF-8 with a BOM. The content comes from @credit/domain's template-sheet.ts;
// this file only lays it out. The CSVs are the same bytes on every call and the workbook the same cells (its
// zip entries carry the time they were written), so the committed copies in docs/templates can be checked.
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { TEMPLATE_HEADERS, TEMPLATE_NOTES_HEADERS, templateExampleCells, templateNoteRows } from '@credit/domain';

export type TemplateCsvEncoding = 'UTF-8' | 'GB18030';

export const TEMPLATE_SHEET_NAME = '行政处罚';
export const TEMPLATE_NOTES_SHEET_NAME = '填写说明';
/** Workbook dates are part of the zip: fixed, so the file does not change with the day it is built. */
const WORKBOOK_DATE = new Date(Date.UTC(2026, 11, 1));

/** The committed copies in docs/templates, by the name each is saved under. */
export const TEMPLATE_FILE_NAMES = {
  xlsx: 'penalties.xlsx',
  csvUtf8: 'penalties-utf8.csv',
  csvGb18030: 'penalties-gb18030.csv',
} as const;

/** Every template file with its content, as docs/templates holds them. */
export async function penaltyTemplateFiles(): Promise<Record<string, Buffer>> {
  return {
    [TEMPLATE_FILE_NAMES.xlsx]: await penaltyTemplateXlsx(),
    [TEMPLATE_FILE_NAMES.csvUtf8]: penaltyTemplateCsv('UTF-8'),
    [TEMPLATE_FILE_NAMES.csvGb18030]: penaltyTemplateCsv('GB18030'),
  };
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Header row and the example row, CRLF line ends as Excel writes them. */
export function penaltyTemplateCsv(encoding: TemplateCsvEncoding): Buffer {
  const text = [TEMPLATE_HEADERS, templateExampleCells()].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
  // Excel reads a CSV as UTF-8 only when it starts with a BOM; without one it assumes the local code page.
  return encoding === 'UTF-8' ? Buffer.from('\uFEFF' + text, 'utf8') : iconv.encode(text, 'gb18030');
}

export async function penaltyTemplateXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = workbook.lastModifiedBy = 'credit-platform';
  workbook.created = workbook.modified = WORKBOOK_DATE;

  const sheet = workbook.addWorksheet(TEMPLATE_SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = TEMPLATE_HEADERS.map((header) => ({
    header,
    width: Math.min(Math.max(header.length * 2 + 2, 14), 40),
    // Text cells: Excel would otherwise turn an 18-digit code or a resident ID into 9.13411E+17 for good.
    style: { numFmt: '@' },
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRow(templateExampleCells());

  const notes = workbook.addWorksheet(TEMPLATE_NOTES_SHEET_NAME);
  notes.columns = [
    { header: TEMPLATE_NOTES_HEADERS[0], width: 40 },
    { header: TEMPLATE_NOTES_HEADERS[1], width: 18 },
    { header: TEMPLATE_NOTES_HEADERS[2], width: 10 },
    { header: TEMPLATE_NOTES_HEADERS[3], width: 60 },
    { header: TEMPLATE_NOTES_HEADERS[4], width: 80 },
  ];
  notes.getRow(1).font = { bold: true };
  for (const row of templateNoteRows()) notes.addRow(row).alignment = { wrapText: true, vertical: 'top' };

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Cell text of every sheet, by sheet name: what a drift check compares (the zip's bytes carry timestamps). */
export async function workbookText(content: Buffer): Promise<Record<string, string[][]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as unknown as ArrayBuffer);
  const sheets: Record<string, string[][]> = {};
  workbook.eachSheet((sheet) => {
    const rows: string[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, column) => (cells[column - 1] = cell.text));
      rows.push(Array.from(cells, (cell) => cell ?? ''));
    });
    sheets[sheet.name] = rows;
  });
  return sheets;
}

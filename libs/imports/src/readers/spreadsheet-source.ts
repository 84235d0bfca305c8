// Opens an uploaded or local file as a stream of rows, whatever its format: an XLSX workbook is a zip (its
// first bytes say so, whatever the file is called); an old binary .xls is refused with a way out; anything
// else is read as CSV. Either way the rows pass through the limits of sheet-limits.ts.
import fs from 'node:fs';
import { badInput } from '@credit/common';
import { CsvEncoding, readCsvRows, sniffCsvEncoding } from './csv-rows.reader';
import { DEFAULT_SHEET_LIMITS, SheetLimits, withinLimits } from './sheet-limits';
import type { SheetRow } from './sheet-row';
import { readXlsxRows } from './xlsx-rows.reader';

export type SpreadsheetFormat = 'CSV' | 'XLSX';

export interface OpenedSpreadsheet {
  format: SpreadsheetFormat;
  /** Null for XLSX, whose text is always UTF-8 inside. */
  encoding: CsvEncoding | null;
  rows: AsyncGenerator<SheetRow>;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

export async function openSpreadsheet(path: string, limits: SheetLimits = DEFAULT_SHEET_LIMITS): Promise<OpenedSpreadsheet> {
  const head = await readHead(path, 8);
  if (head.length === 0) throw badInput('文件为空（the file is empty）', 'file');
  if (startsWith(head, ZIP)) return { format: 'XLSX', encoding: null, rows: withinLimits(readXlsxRows(path, limits), limits) };
  if (startsWith(head, OLE)) {
    throw badInput('不支持旧版Excel（.xls）文件，请另存为.xlsx或CSV后再导入（old binary .xls workbooks are not supported; save as .xlsx or CSV）', 'file');
  }
  const encoding = await sniffCsvEncoding(path);
  return { format: 'CSV', encoding, rows: withinLimits(readCsvRows(path, encoding, limits), limits) };
}

async function readHead(path: string, bytes: number): Promise<Buffer> {
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(path, 'r');
  } catch {
    throw badInput(`无法读取文件 ${path}（cannot read the file）`, 'file');
  }
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function startsWith(buffer: Buffer, magic: number[]): boolean {
  return magic.every((byte, index) => buffer[index] === byte);
}

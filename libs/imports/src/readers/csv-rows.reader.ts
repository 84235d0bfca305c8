// Streams a CSV export row by row. Chinese government systems still export GB18030 (GBK) as often as UTF-8,
// and never say which: the encoding is read from a BOM, else UTF-8 if the opening bytes are valid UTF-8,
// else GB18030 (a superset of GBK and GB2312).
import fs from 'node:fs';
import { Transform, TransformCallback } from 'node:stream';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { badInput } from '@credit/common';
import type { SheetLimits } from './sheet-limits';
import type { SheetRow } from './sheet-row';

export type CsvEncoding = 'UTF-8' | 'GB18030';

/** Enough bytes to hold the header row and several records: the header alone is Chinese text in any real file. */
const SNIFF_BYTES = 64 * 1024;

export function detectCsvEncoding(head: Buffer): CsvEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'UTF-8';
  if (head[0] === 0x84 && head[1] === 0x31 && head[2] === 0x95 && head[3] === 0x33) return 'GB18030';
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    throw badInput('文件为UTF-16编码，请另存为“CSV UTF-8”或xlsx后再导入（UTF-16 text exports are not supported; save as CSV UTF-8 or xlsx）', 'file');
  }
  try {
    // `stream: true` tolerates a character cut in two at the end of the sample; only real invalid bytes throw.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return 'UTF-8';
  } catch {
    return 'GB18030';
  }
}

export async function sniffCsvEncoding(path: string): Promise<CsvEncoding> {
  const handle = await fs.promises.open(path, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return detectCsvEncoding(buffer.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

/** Strict UTF-8 decoding: a file that turns out not to be UTF-8 after the sniffed part fails loudly, never as �. */
class StrictUtf8Decoder extends Transform {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });

  constructor() {
    super({ decodeStrings: true, readableObjectMode: false });
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      callback(null, this.decoder.decode(chunk, { stream: true }));
    } catch {
      callback(encodingError());
    }
  }

  override _flush(callback: TransformCallback): void {
    try {
      callback(null, this.decoder.decode());
    } catch {
      callback(encodingError());
    }
  }
}

function encodingError(): Error {
  return badInput('文件中途出现非UTF-8编码的内容，请整体另存为“CSV UTF-8”后再导入（the file is not valid UTF-8 throughout; save it again as CSV UTF-8）', 'file');
}

/**
 * Rows in file order with their spreadsheet row numbers (1 = the first line, as Excel numbers them; a quoted
 * cell spanning several lines is still one row). Blank lines are yielded as rows without cells so the numbers
 * stay right; the caller skips them.
 */
export async function* readCsvRows(path: string, encoding: CsvEncoding, limits: SheetLimits): AsyncGenerator<SheetRow> {
  const input = fs.createReadStream(path, { highWaterMark: SNIFF_BYTES });
  const decoder = encoding === 'GB18030' ? iconv.decodeStream('gb18030') : new StrictUtf8Decoder();
  // One record is held whole while it is parsed: bounded by the widest row the limits let through.
  const maxRecordChars = limits.maxColumns * (limits.maxCellChars + 3);
  const parser = parse({ bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, max_record_size: maxRecordChars });
  input.on('error', (error) => parser.destroy(error));
  decoder.on('error', (error: Error) => parser.destroy(error));
  input.pipe(decoder).pipe(parser);
  let rowNumber = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      rowNumber += 1;
      yield { rowNumber, cells: record.length === 1 && record[0] === '' ? [] : record };
    }
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'CSV_MAX_RECORD_SIZE') throw error;
    throw badInput(`第${rowNumber + 1}行超过${maxRecordChars}个字符（row ${rowNumber + 1} is longer than ${maxRecordChars} characters）`, 'file');
  } finally {
    input.destroy();
  }
}

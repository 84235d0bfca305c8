import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { ErrorReportWriter } from './error-report.writer';

describe('ErrorReportWriter', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'credit-report-spec-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('neutralises formulas in the original cells and the headers of the CSV it writes', async () => {
    const writer = new ErrorReportWriter(path.join(dir, 'r.csv'), ['名称', '=cmd']);
    await writer.write(2, ['=1+1', '@x'], [{ column: '名称', code: 'REQUIRED', message: '必填' }]);
    const rows = parse(fs.readFileSync((await writer.close()) as string, 'utf8'), { bom: true }) as string[][];
    expect(rows).toEqual([
      ['行号', '错误字段', '错误代码', '错误说明', '名称', "'=cmd"],
      ['2', '名称', 'REQUIRED', '必填', "'=1+1", "'@x"],
    ]);
  });

  it('stops at its row and byte limits and counts what it left out', async () => {
    const byRows = new ErrorReportWriter(path.join(dir, 'rows.csv'), ['a'], { maxRows: 2, maxBytes: 1_000_000 });
    for (let row = 2; row < 7; row++) await byRows.write(row, ['x'], [{ column: 'a', code: 'C', message: 'm' }]);
    expect([byRows.rowCount, byRows.omittedRows]).toEqual([2, 3]);
    await byRows.close();

    const byBytes = new ErrorReportWriter(path.join(dir, 'bytes.csv'), ['a'], { maxRows: 1000, maxBytes: 10_000 });
    for (let row = 2; row < 12; row++) await byBytes.write(row, ['字'.repeat(3000)], [{ column: 'a', code: 'C', message: 'm' }]);
    const file = (await byBytes.close()) as string;
    expect(fs.statSync(file).size).toBeLessThanOrEqual(10_000);
    expect([byBytes.rowCount, byBytes.omittedRows]).toEqual([1, 9]);
  });
});

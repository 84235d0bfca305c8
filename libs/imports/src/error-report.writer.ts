// The error report a clerk opens in Excel: one line per rejected row with its row number, every error's
// column, code and message, then the row's original cells under the file's own headers. The importer ignores
// the four added columns, so the clerk can correct the report itself and upload it again.
// Every cell is neutralised first (formula-cells.ts): they come from an uploaded file and Excel would run one
// that starts like a formula.
import fs from 'node:fs';
import { once } from 'node:events';
import { cellText, SpreadsheetCell } from '@credit/domain';
import { neutraliseFormula } from './formula-cells';

export const REPORT_COLUMNS = ['行号', '错误字段', '错误代码', '错误说明'] as const;

export interface ReportedIssue {
  /** The column as the file names it (处罚类别), for the clerk. */
  column: string;
  code: string;
  message: string;
}

/** Excel opens a CSV as UTF-8 only when it starts with a BOM; without one it guesses the local code page. */
const UTF8_BOM = '\uFEFF';

/** RFC 4180 quoting, every cell quoted: the writer is four lines, the reading side uses csv-parse. */
function csvLine(cells: readonly (string | null)[]): string {
  return cells.map((cell) => `"${neutraliseFormula(cell ?? '').replace(/"/g, '""')}"`).join(',') + '\r\n';
}

/** Bounds for a report that is sent back inline: the first rows in full, then only a count. */
export interface ReportLimits {
  maxRows: number;
  maxBytes: number;
}

export class ErrorReportWriter {
  private stream: fs.WriteStream | null = null;
  private rows = 0;
  private omitted = 0;
  private bytes = 0;

  /** Nothing is created until the first rejected row: a clean import leaves no report behind. */
  constructor(
    readonly path: string,
    private readonly headers: readonly (string | null)[],
    private readonly limits: ReportLimits | null = null,
  ) {}

  get rowCount(): number {
    return this.rows;
  }

  /** Rejected rows left out of the report by its limits (they are still counted in the summary). */
  get omittedRows(): number {
    return this.omitted;
  }

  async write(rowNumber: number, cells: readonly SpreadsheetCell[], issues: readonly ReportedIssue[]): Promise<void> {
    if (this.omitted > 0 || (this.limits && this.rows >= this.limits.maxRows)) {
      this.omitted += 1;
      return;
    }
    if (!this.stream) {
      this.stream = fs.createWriteStream(this.path, { encoding: 'utf8' });
      const head = UTF8_BOM + csvLine([...REPORT_COLUMNS, ...this.headers]);
      this.bytes += Buffer.byteLength(head);
      this.stream.write(head);
    }
    const width = Math.max(this.headers.length, cells.length);
    const original = Array.from({ length: width }, (_, index) => cellText(cells[index] ?? null));
    const line = csvLine([
      String(rowNumber),
      issues.map((issue) => issue.column).join('\n'),
      issues.map((issue) => issue.code).join('\n'),
      issues.map((issue) => issue.message).join('\n'),
      ...original,
    ]);
    const size = Buffer.byteLength(line);
    // The first row always goes in, so a report is never empty; after that, a row that would pass the limit ends it.
    if (this.limits && this.rows > 0 && this.bytes + size > this.limits.maxBytes) {
      this.omitted += 1;
      return;
    }
    this.bytes += size;
    this.rows += 1;
    if (!this.stream.write(line)) await once(this.stream, 'drain');
  }

  /** Flushes the report; with no rejected row, removes a stale report from an earlier import of the same file. */
  async close(): Promise<string | null> {
    if (!this.stream) {
      await fs.promises.rm(this.path, { force: true });
      return null;
    }
    const stream = this.stream;
    await new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
    return this.path;
  }
}

/** `dir/名单.xlsx` → `dir/名单.errors.csv`: beside the input, where the clerk looks. */
export function errorReportPathFor(inputPath: string): string {
  return inputPath.replace(/(\.[^./\\]*)?$/, '.errors.csv');
}

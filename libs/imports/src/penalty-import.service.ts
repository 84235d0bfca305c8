// Imports a department's "双公示" spreadsheet: rows are read as a stream, mapped to drafts and pushed through
// the SAME PenaltyIngestService the API uses (its two steps, validate then write), 1,000 at a time, so
// validation, idempotency, audit, tiers and the outbox are exactly those of submitPenaltyRecords. While one batch
// is being written the next is read and validated, so reading the file costs little on top of the writes; the
// database sees one batch's transaction at a time, as from a client pushing one call after another.
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, badInput, DepartmentPrincipal, DomainError } from '@credit/common';
import {
  cellText,
  columnOfIssue,
  countKnownHeaders,
  decisionNumberKey,
  describeHeaderProblems,
  FieldIssue,
  HeaderMapping,
  isBlankRow,
  mapHeaderRow,
  rowToDraft,
  SpreadsheetDraft,
} from '@credit/domain';
import { MAX_BATCH_SIZE, PenaltyIngestService, SubmitStatus } from '@credit/penalties';
import { ErrorReportWriter, errorReportPathFor, ReportedIssue, ReportLimits } from './error-report.writer';
import { clientClosedRequest } from './imports.errors';
import type { SheetRow } from './readers/sheet-row';
import { openSpreadsheet, SpreadsheetFormat } from './readers/spreadsheet-source';

/** A title row or two above the headers is common; the header row is searched for in the first rows. */
const HEADER_SEARCH_ROWS = 10;
/** A row with this many recognised headers is the header row. */
const HEADER_MIN_KNOWN = 3;
const DEFAULT_KEPT_REJECTIONS = 1000;
/**
 * A batch also ends at this much cell text. Real rows hold about 1,000 characters, so batches of 1,000 never
 * reach it; rows of long text (each cell one long string, say) are sent in smaller batches, so the two batches
 * held at a time stay a few MB however long the rows are.
 */
const BATCH_TEXT_CHARS = 4_000_000;

export interface ImportProgress {
  rowsRead: number;
  accepted: number;
  rejected: number;
  elapsedMs: number;
}

export interface ImportOptions {
  /**
   * Nothing is written to the database (the error report is still written): every row is validated and compared
   * with what is stored, so the summary's created/updated/unchanged say what an import would do.
   */
  dryRun?: boolean;
  onProgress?: (progress: ImportProgress) => void;
  /** Where the error report goes; by default beside the input as `<name>.errors.csv`. */
  reportPath?: string;
  /** How many rejected rows the summary carries (the report has them all, unless reportLimits says otherwise). */
  keepRejectedRows?: number;
  /** Bounds for a report sent back inline; by default (the CLI, writing beside a local file) it is complete. */
  reportLimits?: ReportLimits;
  /** Aborted when nobody waits for the outcome any more (the client went away): reading stops at the next row. */
  signal?: AbortSignal;
}

export interface RejectedRow {
  rowNumber: number;
  decisionNumber: string | null;
  errors: (ReportedIssue & { field: string })[];
}

export interface ImportSummary {
  format: SpreadsheetFormat;
  encoding: string | null;
  dryRun: boolean;
  /** Data rows read (blank rows and the header excluded). */
  rowsRead: number;
  /** Rows that passed: created + updated + unchanged (in a dry run, those an import would accept). */
  accepted: number;
  /** In a dry run: what an import would do with each accepted row. */
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** The first rejected rows with their errors; `rejectedRowsTruncated` says when the report holds more. */
  rejectedRows: RejectedRow[];
  rejectedRowsTruncated: boolean;
  errorReportPath: string | null;
  /** Rejected rows the report leaves out because of reportLimits. */
  errorReportRowsOmitted: number;
  elapsedMs: number;
}

interface PendingRow {
  row: SheetRow;
  mapped: SpreadsheetDraft;
  /** Set when the row is refused before submission (a decision number already used earlier in the file). */
  refused: FieldIssue | null;
}

interface RowOutcome {
  status: SubmitStatus;
  errors: FieldIssue[];
}

@Injectable()
export class PenaltyImportService {
  constructor(
    private readonly ingest: PenaltyIngestService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async import(department: DepartmentPrincipal, path: string, options: ImportOptions = {}): Promise<ImportSummary> {
    const started = Date.now();
    const dryRun = options.dryRun ?? false;
    const sheet = await openSpreadsheet(path, this.config.imports);
    const rows = untilAborted(sheet.rows, options.signal)[Symbol.asyncIterator]();
    try {
      const { mapping, headerCells } = await readHeader(rows);
      const report = new ErrorReportWriter(options.reportPath ?? errorReportPathFor(path), headerCells, options.reportLimits ?? null);
      const summary: ImportSummary = {
        format: sheet.format, encoding: sheet.encoding, dryRun, rowsRead: 0, accepted: 0, created: 0, updated: 0, unchanged: 0, rejected: 0,
        rejectedRows: [], rejectedRowsTruncated: false, errorReportPath: null, errorReportRowsOmitted: 0, elapsedMs: 0,
      };
      const keep = options.keepRejectedRows ?? DEFAULT_KEPT_REJECTIONS;
      const firstRowOf = new Map<string, number>();
      const progress = () => options.onProgress?.({ rowsRead: summary.rowsRead, accepted: summary.accepted, rejected: summary.rejected, elapsedMs: Date.now() - started });
      // Every batch is written through here: the client may have gone while the one before was being written
      // (untilAborted sees that only as the next row is read), and then no further batch is.
      const settle = (batch: PendingRow[], write: () => Promise<RowOutcome[]>): Promise<void> => {
        if (options.signal?.aborted) throw clientClosedRequest();
        return (async () => {
          const outcomes = await write();
          await record(batch, outcomes, mapping, report, summary, keep);
          progress();
        })();
      };

      let batch: PendingRow[] = [];
      let batchChars = 0;
      let inFlight: Promise<void> | null = null;
      try {
        for (let next = await rows.next(); !next.done; next = await rows.next()) {
          const row = next.value;
          if (isBlankRow(row.cells)) continue;
          summary.rowsRead += 1;
          const mapped = rowToDraft(row.cells, mapping);
          batch.push({ row, mapped, refused: claimDecisionNumber(mapped, row.rowNumber, firstRowOf) });
          for (const cell of row.cells) if (typeof cell === 'string') batchChars += cell.length;
          if (batch.length === MAX_BATCH_SIZE || batchChars >= BATCH_TEXT_CHARS) {
            // Validated while the previous batch is still being written; written once that one is done.
            const write = this.stage(department, batch, dryRun);
            await inFlight;
            inFlight = settle(batch, write);
            // Observed now, awaited later: a failing batch must not count as an unhandled rejection meanwhile.
            inFlight.catch(() => undefined);
            batch = [];
            batchChars = 0;
          }
        }
        const last = batch.length > 0 ? this.stage(department, batch, dryRun) : null;
        await inFlight;
        inFlight = null;
        if (last) await settle(batch, last);
      } catch (error) {
        await inFlight?.catch(() => undefined);
        inFlight = null;
        throw explainPartialImport(error, summary);
      } finally {
        await inFlight?.catch(() => undefined);
        summary.errorReportPath = await report.close();
        summary.errorReportRowsOmitted = report.omittedRows;
      }
      if (summary.rowsRead === 0) throw badInput('文件中没有数据行（the file has a header row but no data rows）', 'file');
      summary.elapsedMs = Date.now() - started;
      return summary;
    } finally {
      await rows.return?.(undefined);
    }
  }

  /**
   * Rows refused locally never reach the service; the rest go as one batch, in order. Validation starts now, so it
   * overlaps with the writing of the batch before (the database still sees one transaction at a time); the
   * returned step writes the batch (previews it, in a dry run, which writes nothing and so has nothing to overlap).
   */
  private stage(department: DepartmentPrincipal, batch: PendingRow[], dryRun: boolean): () => Promise<RowOutcome[]> {
    const outcomes: RowOutcome[] = batch.map((item) => ({ status: SubmitStatus.REJECTED, errors: item.refused ? [item.refused] : [] }));
    const positions = batch.flatMap((item, position) => (item.refused ? [] : [position]));
    if (positions.length === 0) return async () => outcomes;
    const drafts = positions.map((position) => batch[position].mapped.draft);
    const validated = dryRun ? null : this.ingest.validate(department, drafts);
    // Observed now, awaited by the step: should the batch before fail, this one is never written, nor reported.
    validated?.catch(() => undefined);
    return async () => {
      const result = validated ? await this.ingest.write(await validated) : await this.ingest.preview(department, drafts);
      for (const item of result.results) outcomes[positions[item.index]] = { status: item.status, errors: item.errors };
      return outcomes;
    };
  }
}

/** The client that asked went away: the rest of the file is not read and no further batch is written. */
async function* untilAborted(rows: AsyncGenerator<SheetRow>, signal: AbortSignal | undefined): AsyncGenerator<SheetRow> {
  try {
    for await (const row of rows) {
      if (signal?.aborted) throw clientClosedRequest();
      yield row;
    }
  } finally {
    await rows.return(undefined);
  }
}

/** The first row with enough known headers, within the first rows; else the first non-blank row, to report on. */
async function readHeader(rows: AsyncIterator<SheetRow>): Promise<{ mapping: HeaderMapping; headerCells: (string | null)[] }> {
  let fallback: (string | null)[] | null = null;
  for (let seen = 0; seen < HEADER_SEARCH_ROWS; ) {
    const next = await rows.next();
    if (next.done) break;
    if (isBlankRow(next.value.cells)) continue;
    seen += 1;
    const cells = next.value.cells.map((cell) => cellText(cell)?.trim() ?? null);
    fallback ??= cells;
    if (countKnownHeaders(cells) >= HEADER_MIN_KNOWN) {
      const mapping = mapHeaderRow(cells);
      const problem = describeHeaderProblems(mapping);
      if (problem) throw headerError(problem, mapping);
      return { mapping, headerCells: cells };
    }
  }
  if (!fallback) throw badInput('文件为空（the file is empty）', 'file');
  const mapping = mapHeaderRow(fallback);
  throw headerError(describeHeaderProblems(mapping) ?? '未找到表头行（no header row found）', mapping);
}

function headerError(message: string, mapping: HeaderMapping) {
  const fieldErrors = [
    ...mapping.missing.map((field) => ({ field, code: 'MISSING_COLUMN', message: `缺少必需列（missing required column）: ${field}` })),
    ...mapping.unknown.map((column) => ({ field: column.header, code: 'UNKNOWN_COLUMN', message: `无法识别的列（unknown column）: ${column.header}` })),
    ...mapping.duplicated.map((duplicate) => ({ field: duplicate.field, code: 'DUPLICATE_COLUMN', message: `重复的列（duplicate column）: ${duplicate.headers.join(', ')}` })),
  ];
  return badInput(`表头有误，未导入任何数据：${message}`, 'file', fieldErrors);
}

/**
 * One decision per number per file: a later row with the same 决定书文号 would silently overwrite the earlier
 * one (or, within one batch, be refused by the service), so every repeat is refused with a pointer to the first.
 */
function claimDecisionNumber(mapped: SpreadsheetDraft, rowNumber: number, firstRowOf: Map<string, number>): FieldIssue | null {
  const key = decisionNumberKey(mapped.draft);
  if (key === null) return null;
  const first = firstRowOf.get(key);
  if (first === undefined) {
    firstRowOf.set(key, rowNumber);
    return null;
  }
  return {
    field: 'decisionNumber',
    code: 'DUPLICATE_IN_FILE',
    message: `文件中重复的决定书文号，与第${first}行相同（the same decision number is already on row ${first} of this file）`,
  };
}

/** A file that turns bad halfway (an encoding break, say) leaves the batches before it stored: say so. */
function explainPartialImport(error: unknown, summary: ImportSummary): unknown {
  const written = summary.created + summary.updated + summary.unchanged;
  if (!(error instanceof DomainError) || written === 0 || summary.dryRun) return error;
  const note = `此前已导入${written}行；修正文件后可整体重新导入，已导入的行不会重复（${written} rows were imported before this; fix the file and import it whole again, nothing is duplicated）`;
  return new DomainError(error.code, `${error.message}；${note}`, error.details);
}

async function record(batch: PendingRow[], outcomes: RowOutcome[], mapping: HeaderMapping, report: ErrorReportWriter, summary: ImportSummary, keep: number): Promise<void> {
  for (const [position, outcome] of outcomes.entries()) {
    const { row, mapped } = batch[position];
    if (outcome.status !== SubmitStatus.REJECTED) {
      summary.accepted += 1;
      if (outcome.status === SubmitStatus.CREATED) summary.created += 1;
      else if (outcome.status === SubmitStatus.UPDATED) summary.updated += 1;
      else if (outcome.status === SubmitStatus.UNCHANGED) summary.unchanged += 1;
      continue;
    }
    summary.rejected += 1;
    const issues = outcome.errors.map((issue) => ({ field: issue.field, column: columnOfIssue(issue.field, mapped.sourceOf, mapping), code: issue.code, message: issue.message }));
    await report.write(row.rowNumber, row.cells, issues);
    if (summary.rejectedRows.length < keep) summary.rejectedRows.push({ rowNumber: row.rowNumber, decisionNumber: decisionNumberKey(mapped.draft), errors: issues });
    else summary.rejectedRowsTruncated = true;
  }
}

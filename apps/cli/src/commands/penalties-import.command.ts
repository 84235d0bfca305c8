// `npm run cli -- penalties:import --department <code> <file> [--dry-run]`: an administrator imports a department's
// 双公示 spreadsheet on its behalf. Progress goes to stderr (a live line on a terminal, plain lines in logs),
// the summary to stdout. Exit code 0: every row accepted; 3: some rows rejected (see the report); 1: stopped.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { MikroORM } from '@mikro-orm/postgresql';
import { Presets, SingleBar } from 'cli-progress';
import { DepartmentPrincipal, DomainError, errorMessage } from '@credit/common';
import { Department } from '@credit/departments';
import { ImportProgress, ImportSummary, PenaltyImportService } from '@credit/imports';
import type { CliCommand, CliContext } from '../command';

const USAGE = 'penalties:import --department <code> <file.csv|file.xlsx> [--dry-run]';

const HELP = `Imports a department's 双公示 行政处罚 spreadsheet through the same ingestion as submitPenaltyRecords.

  --department <code>  the department the records are filed for (its code, as the departments query lists it)
  <file>               CSV (UTF-8 or GB18030, detected) or XLSX (first sheet; a title row above the headers is fine).
                       Headers as in the template (GET /templates/penalties.xlsx, docs/templates/), their common
                       variants, or the national data standard's field codes (CF_XDR_MC … BZ).
  --dry-run            validate and compare with what is stored, write nothing: says how many rows would be
                       created, updated, left unchanged or rejected
  --help               this text

Rejected rows go to <file>.errors.csv beside the file; correct it and import it as it is.
Exit code: 0 every row accepted, 3 some rows rejected, 1 import stopped (bad header, unreadable file), 2 bad arguments.`;

interface ImportArgs {
  departmentCode: string;
  file: string;
  dryRun: boolean;
}

export function parseImportArgs(args: string[]): ImportArgs | string {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { department: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } }, allowPositionals: true });
  } catch (error) {
    return errorMessage(error);
  }
  const { values, positionals } = parsed;
  if (!values.department) return 'missing --department <code>';
  if (positionals.length !== 1) return positionals.length === 0 ? 'missing the file to import' : `one file at a time, got ${positionals.length}`;
  return { departmentCode: values.department, file: positionals[0], dryRun: values['dry-run'] === true };
}

export const penaltiesImportCommand: CliCommand = {
  name: 'penalties:import',
  usage: USAGE,
  description: "Import a department's 双公示 CSV/XLSX; rejected rows go to <file>.errors.csv beside it.",
  help: HELP,
  async run(context, args) {
    const parsed = parseImportArgs(args);
    if (typeof parsed === 'string') {
      process.stderr.write(`${parsed}\nusage: npm run cli -- ${USAGE}\n`);
      return 2;
    }
    const app = await context.app();
    const department = await app.get(MikroORM).em.fork().findOne(Department, { code: parsed.departmentCode });
    if (!department) {
      process.stderr.write(`no department with code ${parsed.departmentCode} (list them with the departments query)\n`);
      return 2;
    }
    // The CLI acts for the department as an administrator would; the audit log records the department.
    const principal: DepartmentPrincipal = {
      kind: 'DEPARTMENT', departmentId: department.id, departmentCode: department.code, departmentName: department.name, regionCode: department.regionCode, apiKeyId: 'cli',
    };
    const file = path.resolve(parsed.file);
    const reporter = progressReporter(process.stderr.isTTY === true);
    let summary: ImportSummary;
    try {
      summary = await app.get(PenaltyImportService).import(principal, file, { dryRun: parsed.dryRun, onProgress: reporter.update });
    } catch (error) {
      reporter.stop();
      if (!(error instanceof DomainError)) throw error;
      process.stderr.write(`import stopped: ${error.message}\n`);
      return 1;
    }
    reporter.stop();
    printSummary(context, file, summary);
    return summary.rejected > 0 ? 3 : 0;
  },
};

function rate(progress: ImportProgress): number {
  return progress.elapsedMs > 0 ? Math.round((progress.rowsRead * 1000) / progress.elapsedMs) : 0;
}

/** A live line on a terminal; on a pipe or in a log, one plain line per batch. */
function progressReporter(tty: boolean): { update: (progress: ImportProgress) => void; stop: () => void } {
  if (!tty) {
    return {
      update: (p) => process.stderr.write(`rows read ${p.rowsRead}, accepted ${p.accepted}, rejected ${p.rejected}, ${rate(p)} rows/s\n`),
      stop: () => undefined,
    };
  }
  const bar = new SingleBar(
    { format: '已读取 rows read {value} | 已接受 accepted {accepted} | 已拒绝 rejected {rejected} | {speed} rows/s | {duration_formatted}', hideCursor: true, stream: process.stderr },
    Presets.shades_classic,
  );
  let started = false;
  return {
    update: (p) => {
      const payload = { accepted: p.accepted, rejected: p.rejected, speed: rate(p) };
      if (!started) bar.start(0, p.rowsRead, payload);
      else bar.update(p.rowsRead, payload);
      started = true;
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}

function printSummary(context: CliContext, file: string, summary: ImportSummary): void {
  for (const line of summaryLines(file, summary)) context.out(line);
}

/** The summary as printed; a dry run speaks in the conditional, since nothing was written. */
export function summaryLines(file: string, summary: ImportSummary): string[] {
  const seconds = summary.elapsedMs / 1000;
  const verb = summary.dryRun ? 'would ' : '';
  const counts: [string, number][] = [
    [summary.dryRun ? 'create' : 'created', summary.created],
    [summary.dryRun ? 'update' : 'updated', summary.updated],
    [summary.dryRun ? 'leave unchanged' : 'unchanged', summary.unchanged],
    [summary.dryRun ? 'reject' : 'rejected', summary.rejected],
  ];
  const width = Math.max(...counts.map(([label]) => verb.length + label.length)) + 2;
  return [
    `${summary.dryRun ? 'dry run (nothing written) of' : 'imported'} ${file} (${summary.format}${summary.encoding ? ', ' + summary.encoding : ''})`,
    `  ${'rows read'.padEnd(width)}${summary.rowsRead} in ${seconds.toFixed(1)} s (${seconds > 0 ? Math.round(summary.rowsRead / seconds) : summary.rowsRead} rows/s)`,
    ...counts.map(([label, count]) => `  ${(verb + label).padEnd(width)}${count}`),
    ...(summary.errorReportPath ? [`error report (fix these rows and import the report itself): ${summary.errorReportPath}`] : []),
  ];
}

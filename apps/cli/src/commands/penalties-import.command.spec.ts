import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { ImportSummary } from '@credit/imports';
import { parseImportArgs, summaryLines } from './penalties-import.command';

const ROOT = path.resolve(__dirname, '../../../..');

describe('penalties:import arguments', () => {
  it.each<[string[], unknown]>([
    [['--department', 'CZ-SCJGJ', 'a.xlsx'], { departmentCode: 'CZ-SCJGJ', file: 'a.xlsx', dryRun: false }],
    [['a.csv', '--department=CZ-SWJ', '--dry-run'], { departmentCode: 'CZ-SWJ', file: 'a.csv', dryRun: true }],
    [['a.xlsx'], 'missing --department <code>'],
    [['--department', 'CZ-SWJ'], 'missing the file to import'],
    [['--department', 'CZ-SWJ', 'a.csv', 'b.csv'], 'one file at a time, got 2'],
  ])('%j → %j', (args, expected) => {
    expect(parseImportArgs(args)).toEqual(expected);
  });

  it('names an unknown option', () => {
    expect(parseImportArgs(['--department', 'X', 'a.csv', '--force'])).toMatch(/Unknown option '--force'/);
  });
});

describe('penalties:import output', () => {
  const summary = (dryRun: boolean): ImportSummary => ({
    format: 'CSV', encoding: 'UTF-8', dryRun, rowsRead: 7, accepted: 6, created: 3, updated: 2, unchanged: 1, rejected: 1,
    rejectedRows: [], rejectedRowsTruncated: false, errorReportPath: '/tmp/a.errors.csv', errorReportRowsOmitted: 0, elapsedMs: 2000,
  });

  it('a dry run says what an import would do with each kind of row', () => {
    expect(summaryLines('/tmp/a.csv', summary(true))).toEqual([
      'dry run (nothing written) of /tmp/a.csv (CSV, UTF-8)',
      '  rows read              7 in 2.0 s (4 rows/s)',
      '  would create           3',
      '  would update           2',
      '  would leave unchanged  1',
      '  would reject           1',
      'error report (fix these rows and import the report itself): /tmp/a.errors.csv',
    ]);
  });

  it('an import says what it did', () => {
    expect(summaryLines('/tmp/a.csv', summary(false)).slice(1, 6)).toEqual([
      '  rows read  7 in 2.0 s (4 rows/s)', '  created    3', '  updated    2', '  unchanged  1', '  rejected   1',
    ]);
  });

  it('--help prints the usage and options and exits 0, without starting a database', async () => {
    // A database URL nothing listens on: were the runtime prepared, the command would fail instead of answering.
    const env = { ...process.env, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' };
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['-r', './tools/register.js', 'apps/cli/src/main.ts', 'penalties:import', '--help'], { cwd: ROOT, env });
    expect(stdout).toMatch(/^usage: npm run cli -- penalties:import --department <code> <file\.csv\|file\.xlsx> \[--dry-run\]\n/);
    expect(stdout).toContain('--dry-run');
    expect(stdout).toContain('CF_XDR_MC');
    expect(stderr).not.toMatch(/Unknown option/);
  }, 60_000);
});

import { parseImportArgs } from './penalties-import.command';

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

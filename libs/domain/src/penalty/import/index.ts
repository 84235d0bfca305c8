export * from './template-columns';
export * from './spreadsheet-cells';
export * from './spreadsheet-row';
export * from './template-sheet';

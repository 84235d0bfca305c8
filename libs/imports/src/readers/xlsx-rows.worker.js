// Worker thread: parses the first worksheet of an XLSX workbook with exceljs' streaming reader and posts its
// rows in chunks, so the XML parsing (most of an import's CPU besides validation) runs beside the main thread
// instead of in it. Plain JavaScript on purpose: a worker loads outside the TypeScript loaders of the app and
// of jest. Flow control is by credits: the main thread grants one per chunk it has taken, so at most a few
// chunks are ever in flight and a slow database never makes the worker buffer the whole sheet.
'use strict';
const fs = require('node:fs');
const { parentPort, workerData } = require('node:worker_threads');
const ExcelJS = require('exceljs');

const { path, chunkRows, initialCredits } = workerData;
let credits = initialCredits;
let wake = null;
parentPort.on('message', (message) => {
  if (message === 'credit') {
    credits += 1;
    if (wake) {
      wake();
      wake = null;
    }
  }
});

/** exceljs cell values: plain values, rich text, formulas with cached results, hyperlinks, errors. */
function toCell(value) {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    if (Array.isArray(value.richText)) return value.richText.map((run) => run.text).join('');
    if ('formula' in value || 'sharedFormula' in value) return toCell(value.result);
    if (value.text !== undefined) return toCell(value.text);
    if (typeof value.error === 'string') return value.error;
  }
  return String(value);
}

async function send(rows) {
  while (credits === 0) await new Promise((resolve) => (wake = resolve));
  credits -= 1;
  parentPort.postMessage({ type: 'rows', rows });
}

async function main() {
  const input = fs.createReadStream(path);
  // Styles are read so date-formatted cells arrive as dates (1904-based workbooks included); hyperlinks would
  // replace a cell's value with a link object.
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
  let chunk = [];
  try {
    for await (const worksheet of workbook) {
      for await (const row of worksheet) {
        const values = row.values;
        const cells = [];
        // exceljs rows are 1-based and sparse: position 0 is always empty.
        for (let column = 1; column < values.length; column++) cells.push(toCell(values[column]));
        chunk.push({ rowNumber: row.number, cells });
        if (chunk.length >= chunkRows) {
          await send(chunk);
          chunk = [];
        }
      }
      break; // the template is one sheet; further sheets (instructions, code tables) are not records
    }
    if (chunk.length > 0) await send(chunk);
    parentPort.postMessage({ type: 'end' });
  } catch (error) {
    parentPort.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  } finally {
    input.destroy();
  }
}

main();

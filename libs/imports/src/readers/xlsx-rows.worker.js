// Worker thread: parses the first worksheet of an XLSX workbook with exceljs' streaming reader and posts its
// rows in chunks, so the XML parsing (most of an import's CPU besides validation) runs beside the main thread
// instead of in it. Plain JavaScript on purpose: a worker loads outside the TypeScript loaders of the app and
// of jest. Flow control is by credits: the main thread grants one per chunk it has taken, so at most a few
// chunks are ever in flight and a slow database never makes the worker buffer the whole sheet.
//
// Limits (sheet-limits.ts): before exceljs sees the file, every zip entry is inflated once and its real output
// counted (the sizes a zip header declares are the attacker's to choose), so a workbook that expands past
// maxInflatedBytes is refused having cost only CPU. The same pass checks each entry's CRC-32 against the central
// directory (zip-central-directory.js), so a damaged file is refused rather than read as other rows. Rows wider
// than maxColumns and cells longer than maxCellChars are refused here, before they are copied to the main thread.
'use strict';
const fs = require('node:fs');
const nodePath = require('node:path');
const { parentPort, workerData } = require('node:worker_threads');
const { crc32 } = require('node:zlib');
const ExcelJS = require('exceljs');
// The very copy of unzipper exceljs reads the workbook with, so both passes see the same entries.
const unzipper = require(require.resolve('unzipper', { paths: [nodePath.dirname(require.resolve('exceljs/package.json'))] }));

const { EntryChecksums } = require('./zip-central-directory');
const { mendParse, UnzipperChanged } = require('./zip-parse-mend');

/** A fault of this installation, not of the uploaded file. */
class ReaderFault extends Error {}

/** An error for the main thread: the file's (a coded refusal) or, should unzipper have changed, this installation's. */
function report(error) {
  const message = error instanceof Error ? error.message : String(error);
  parentPort.postMessage({ type: error instanceof UnzipperChanged || error instanceof ReaderFault ? 'fault' : 'error', message });
}

// Both passes below parse through the mended Parse (zip-parse-mend.js).
mendParse(unzipper, report);

const { path, chunkRows, chunkChars, initialCredits, limits } = workerData;
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

/**
 * Inflates every entry, counting what comes out and checking its CRC-32; false at the first byte past the limit.
 * A damaged file throws (DamagedZip, or Parse's own error through the mend).
 */
async function inflatesWithin(max) {
  const checksums = new EntryChecksums(path);
  const input = fs.createReadStream(path);
  const zip = input.pipe(unzipper.Parse({ forceStream: true }));
  let total = 0;
  try {
    for await (const entry of zip) {
      let crc = 0;
      for await (const chunk of entry) {
        total += chunk.length;
        if (total > max) return false;
        crc = crc32(chunk, crc);
      }
      checksums.check(entry.props.pathBuffer, crc);
    }
    checksums.finish();
    return true;
  } finally {
    input.destroy();
    zip.destroy();
  }
}

/** The first value beyond the column limit, or a cell over the length limit, as a LimitBreach; else null. */
function breachOf(rowNumber, values) {
  for (let column = values.length - 1; column > limits.maxColumns; column--) {
    const value = values[column];
    if (value !== null && value !== undefined && value !== '') return { limit: 'columns', max: limits.maxColumns, rowNumber, column };
  }
  return null;
}

async function main() {
  // Node 20.15 and 22.2 brought zlib.crc32 (package.json's engines): older ones would refuse every file as damaged.
  if (typeof crc32 !== 'function') throw new ReaderFault(`this Node.js (${process.version}) has no zlib.crc32: 20.15 or later is needed`);
  if (!(await inflatesWithin(limits.maxInflatedBytes))) {
    parentPort.postMessage({ type: 'limit', breach: { limit: 'inflated', max: limits.maxInflatedBytes } });
    return;
  }
  const input = fs.createReadStream(path);
  // Styles are read so date-formatted cells arrive as dates (1904-based workbooks included); hyperlinks would
  // replace a cell's value with a link object.
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
  let chunk = [];
  let chars = 0;
  try {
    for await (const worksheet of workbook) {
      for await (const row of worksheet) {
        const values = row.values;
        const breach = breachOf(row.number, values);
        if (breach) return parentPort.postMessage({ type: 'limit', breach });
        const cells = [];
        // exceljs rows are 1-based and sparse: position 0 is always empty.
        const width = Math.min(values.length, limits.maxColumns + 1);
        for (let column = 1; column < width; column++) {
          const cell = toCell(values[column]);
          if (typeof cell === 'string') {
            if (cell.length > limits.maxCellChars) {
              return parentPort.postMessage({ type: 'limit', breach: { limit: 'cellChars', max: limits.maxCellChars, rowNumber: row.number, column, length: cell.length } });
            }
            chars += cell.length;
          }
          cells.push(cell);
        }
        chunk.push({ rowNumber: row.number, cells });
        // A chunk is bounded in text as well as in rows: one long shared string may fill every cell.
        if (chunk.length >= chunkRows || chars >= chunkChars) {
          await send(chunk);
          chunk = [];
          chars = 0;
        }
      }
      break; // the template is one sheet; further sheets (instructions, code tables) are not records
    }
    if (chunk.length > 0) await send(chunk);
    parentPort.postMessage({ type: 'end' });
  } catch (error) {
    report(error);
  } finally {
    input.destroy();
  }
}

main().catch(report);

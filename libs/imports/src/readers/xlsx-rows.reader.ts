// Streams the first worksheet of an XLSX workbook row by row. exceljs' streaming WorkbookReader runs in a
// worker thread (xlsx-rows.worker.js): the file is never loaded whole, memory holds a few chunks of rows plus
// the workbook's shared-string table (which the format makes every reader keep; each distinct text once),
// and the XML parsing overlaps with validation and the database writes on the main thread.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { badInput } from '@credit/common';
import { LimitBreach, limitError, SheetLimits } from './sheet-limits';
import type { SheetRow } from './sheet-row';

const WORKER_FILE = path.join(__dirname, 'xlsx-rows.worker.js');
const CHUNK_ROWS = 250;
/** A chunk also ends at this much text, so read-ahead stays a few MB whatever the cells hold. */
const CHUNK_CHARS = 1_000_000;
/** Chunks the worker may read ahead: 2,000 rows, two ingestion batches. */
const READ_AHEAD_CHUNKS = 8;
/**
 * The worker's heap holds the shared-string table (about 40 MB for 100,000 rows of real text); the cap turns a
 * pathological workbook into a coded error instead of exhausting the process.
 */
const WORKER_HEAP_MB = 1024;

/** `error`: the file cannot be read (a coded refusal); `fault`: the reader itself is broken (zip-parse-mend.js). */
type WorkerMessage = { type: 'rows'; rows: SheetRow[] } | { type: 'end' } | { type: 'error'; message: string } | { type: 'fault'; message: string } | { type: 'limit'; breach: LimitBreach };

export async function* readXlsxRows(file: string, limits: SheetLimits): AsyncGenerator<SheetRow> {
  // exceljs spools a worksheet to a temporary file when it comes before the shared strings in the zip; that
  // file lands in this private directory (the worker's TMPDIR), removed below however the read ends: a
  // terminated worker never runs exceljs' own clean-up.
  const scratch = await fs.promises.mkdtemp(path.join(os.tmpdir(), `credit-xlsx-${process.pid}-`));
  const worker = new Worker(WORKER_FILE, {
    workerData: { path: file, chunkRows: CHUNK_ROWS, chunkChars: CHUNK_CHARS, initialCredits: READ_AHEAD_CHUNKS, limits },
    // Only its scratch directory: the thread parses an uploaded file, and needs none of this process's secrets.
    env: { TMPDIR: scratch, TMP: scratch, TEMP: scratch },
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
  });
  const queue: WorkerMessage[] = [];
  let wake: (() => void) | null = null;
  const push = (message: WorkerMessage) => {
    queue.push(message);
    wake?.();
    wake = null;
  };
  worker.on('message', push);
  worker.on('error', (error) => push({ type: 'error', message: error.message }));
  worker.on('exit', (code) => push(code === 0 ? { type: 'end' } : { type: 'error', message: `reader stopped with code ${code}` }));
  try {
    for (;;) {
      while (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      const message = queue.shift() as WorkerMessage;
      if (message.type === 'end') return;
      if (message.type === 'limit') throw limitError(message.breach);
      if (message.type === 'fault') throw new Error(`XLSX reader: ${message.message}`);
      if (message.type === 'error') {
        throw badInput(`无法读取xlsx工作簿，请确认文件未损坏并另存后重试（the workbook cannot be read: ${message.message}）`, 'file');
      }
      worker.postMessage('credit');
      yield* message.rows;
    }
  } finally {
    await worker.terminate();
    await fs.promises.rm(scratch, { recursive: true, force: true });
  }
}

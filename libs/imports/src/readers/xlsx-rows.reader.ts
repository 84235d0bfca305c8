// Streams the first worksheet of an XLSX workbook row by row. exceljs' streaming WorkbookReader runs in a
// worker thread (xlsx-rows.worker.js): the file is never loaded whole, memory holds a few chunks of rows plus
// the workbook's shared-string table (which the format makes every reader keep; each distinct text once),
// and the XML parsing overlaps with validation and the database writes on the main thread.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { badInput } from '@credit/common';
import type { SheetRow } from './sheet-row';

const WORKER_FILE = path.join(__dirname, 'xlsx-rows.worker.js');
const CHUNK_ROWS = 250;
/** Chunks the worker may read ahead: 2,000 rows, two ingestion batches. */
const READ_AHEAD_CHUNKS = 8;
/**
 * The worker's heap holds the shared-string table (about 40 MB for 100,000 rows of real text); the cap turns a
 * pathological workbook into a coded error instead of exhausting the process.
 */
const WORKER_HEAP_MB = 1024;

type WorkerMessage = { type: 'rows'; rows: SheetRow[] } | { type: 'end' } | { type: 'error'; message: string };

export async function* readXlsxRows(file: string): AsyncGenerator<SheetRow> {
  const worker = new Worker(WORKER_FILE, {
    workerData: { path: file, chunkRows: CHUNK_ROWS, initialCredits: READ_AHEAD_CHUNKS },
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
      if (message.type === 'error') {
        throw badInput(`无法读取xlsx工作簿，请确认文件未损坏并另存后重试（the workbook cannot be read: ${message.message}）`, 'file');
      }
      worker.postMessage('credit');
      yield* message.rows;
    }
  } finally {
    await worker.terminate();
  }
}

import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Duplex, Readable } from 'node:stream';

// Plain JavaScript modules, loaded as the worker loads them: the very copy of unzipper exceljs reads workbooks with.
const load = createRequire(__filename);
const unzipper = load(load.resolve('unzipper', { paths: [path.dirname(load.resolve('exceljs/package.json'))] })) as { Parse: (options: object) => Duplex };
const { earlyEndListeners, mendParse } = load('./zip-parse-mend') as {
  earlyEndListeners: (zip: Duplex) => unknown[];
  mendParse: (module: { Parse: (options: object) => Duplex }, onError: (error: Error) => void) => void;
};

const FIXTURE = path.join(__dirname, '..', '..', 'test-fixtures', 'penalties.xlsx');
const ENTRIES = 16;

/** The entries' paths as exceljs takes them: the zip paused while each entry is handled, one slowly (spooled). */
async function entriesOf(parse: (options: object) => Duplex, bytes: Buffer): Promise<string[]> {
  const zip = parse({ forceStream: true });
  const seen: string[] = [];
  const ended = new Promise<void>((resolve) => zip.on('end', resolve));
  zip.on('data', (entry: Readable & { path: string }) => {
    zip.pause();
    seen.push(entry.path);
    // The worksheet is written to a temporary file first when it comes before the shared strings: slow.
    const delay = entry.path.endsWith('sheet1.xml') ? 30 : 0;
    setTimeout(() => {
      entry.resume();
      entry.on('end', () => zip.resume());
    }, delay);
  });
  zip.end(bytes);
  await ended;
  return seen;
}

describe("unzipper's Parse, mended for the XLSX reader", () => {
  it('has exactly one listener that ends it early, the one the mend removes (fails should unzipper change)', () => {
    expect(earlyEndListeners(unzipper.Parse({ forceStream: true }))).toHaveLength(1);
  });

  it('ends only after every entry, however long one entry takes (unmended, it ended before the entries after a slow one)', async () => {
    const bytes = fs.readFileSync(FIXTURE);
    const mended = { Parse: unzipper.Parse };
    mendParse(mended, () => undefined);
    expect(await entriesOf(mended.Parse, bytes)).toHaveLength(ENTRIES);
    expect((await entriesOf(unzipper.Parse, bytes)).length).toBeLessThan(ENTRIES);
  });

  it("reports a truncated file's error instead of leaving its reader waiting", async () => {
    const bytes = fs.readFileSync(FIXTURE);
    const mended = { Parse: unzipper.Parse };
    const error = new Promise<Error>((resolve) => mendParse(mended, resolve));
    const zip = mended.Parse({ forceStream: true });
    zip.on('data', (entry: Readable) => entry.resume());
    zip.end(bytes.subarray(0, bytes.length >> 1));
    expect((await error).message).toBe('FILE_ENDED');
  });
});

// Two faults of unzipper 0.10's Parse, which exceljs 4.4 reads every workbook with, mended for the XLSX reader's
// worker (xlsx-rows.worker.js). Plain JavaScript: the worker loads outside the TypeScript loaders.
//
// Parse emitted 'end' as soon as its writable side finished, that is once it had taken in the file's last bytes,
// not once it had emitted the entries those bytes hold. exceljs's reader, busy with an entry (spooling a worksheet
// that comes before the shared strings to a temporary file), then saw the end and stopped: the entries after it
// were never read. The committed fixture failed to read ("reading 'sheets'") 3 times in 3,008 reads 16 at a
// time, never in 3,008 without that listener; with Excel's entry order cells could have been read without their
// shared text. Without it the readable side ends when Parse ends it, at the end-of-central-directory record.
//
// And when the file ended inside an entry (a truncated upload) or held a broken one, Parse emitted the error on
// itself and left the entry's stream open, so whoever was reading the entry waited for ever: the import never
// ended. Every Parse error now goes to `onError` (the worker reports it, and the reader ends the worker), apart
// from the AbortError Node gives a stream its reader stopped on purpose (the first pass leaving its loop at the
// inflation limit), which would otherwise follow the limit's own message.
//
// The removed listener emitted 'close' too; the stream now closes when it is destroyed once both sides have ended.
'use strict';

const EMITS_END = /emit\(['"]end['"]\)/;

/** Parse's own 'finish' listeners that emit 'end' (one in unzipper 0.10.14). */
function earlyEndListeners(zip) {
  return zip.listeners('finish').filter((listener) => EMITS_END.test(String(listener)));
}

/** unzipper changed under the mend: a fault of this installation, not of the uploaded file. */
class UnzipperChanged extends Error {}

/** Replaces `unzipper.Parse` (the module exceljs holds) with the mended one; `onError` gets every Parse error. */
function mendParse(unzipper, onError) {
  const parse = unzipper.Parse;
  unzipper.Parse = function parseMended(options) {
    const zip = parse(options);
    const early = earlyEndListeners(zip);
    if (early.length !== 1) throw new UnzipperChanged(`unzipper's Parse has ${early.length} listeners that end it early, not one: check zip-parse-mend.js against the installed unzipper`);
    zip.removeListener('finish', early[0]);
    zip.on('error', (error) => {
      if (error.name !== 'AbortError') onError(error);
    });
    return zip;
  };
}

module.exports = { earlyEndListeners, mendParse, UnzipperChanged };

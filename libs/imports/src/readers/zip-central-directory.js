// The CRC-32 of every entry of a zip file, as its central directory records them, for the XLSX reader's worker
// (xlsx-rows.worker.js) to check what it inflates against. Plain JavaScript: the worker loads outside the
// TypeScript loaders.
//
// unzipper's streaming Parse, which exceljs reads workbooks with, checks no CRC: a byte changed inside compressed
// data that still inflates came out as other XML, and the committed fixture with one byte flipped read 6 rows
// instead of 11, without an error. The local header cannot be relied on for the CRC: an entry written with a data
// descriptor (bit 3 of its flags) carries it only after its data, and Parse reads and drops it. The central
// directory, at the end of the file, holds every entry's CRC whichever way it was written.
'use strict';
const fs = require('node:fs');

const EOCD_SIGNATURE = 0x06054b50;
const EOCD_LENGTH = 22;
const MAX_COMMENT_LENGTH = 0xffff;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_LOCATOR_LENGTH = 20;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const ZIP64_EOCD_LENGTH = 56;
const CENTRAL_HEADER_SIGNATURE = 0x02014b50;
const CENTRAL_HEADER_LENGTH = 46;
/**
 * Bytes after the record that are tolerated: some tools append padding. More is refused as damage (unzipper's Parse,
 * reading from the front, never looked at the end, so such a file read before this check).
 */
const TRAILING_SLACK = 1024;

/** The file is not the zip its records describe: cut short, damaged, or not a zip at all. */
class DamagedZip extends Error {}

/**
 * Entry name (its bytes as latin1, so no decoding choice can make two names equal) → the CRC-32s the central
 * directory gives entries of that name, in order (a zip may repeat a name).
 */
function centralDirectoryCrcs(path) {
  const fd = fs.openSync(path, 'r');
  try {
    const { offset, size, entries } = locateCentralDirectory(fd, fs.fstatSync(fd).size);
    return parseCentralDirectory(readAt(fd, offset, size), entries);
  } finally {
    fs.closeSync(fd);
  }
}

function readAt(fd, position, length) {
  const buffer = Buffer.alloc(length);
  const read = length === 0 ? 0 : fs.readSync(fd, buffer, 0, length, position);
  if (read !== length) throw new DamagedZip('the file ends before the records its central directory points to');
  return buffer;
}

/**
 * The end-of-central-directory record is the last 22 bytes of the file but for a comment of up to 65,535 bytes
 * and TRAILING_SLACK of padding: the candidate nearest the end whose directory lies inside the file and starts
 * with a central header (or is empty) is the one, so a comment holding the signature's bytes does not mislead it.
 */
function locateCentralDirectory(fd, fileSize) {
  const tailLength = Math.min(fileSize, EOCD_LENGTH + MAX_COMMENT_LENGTH + TRAILING_SLACK);
  const tail = readAt(fd, fileSize - tailLength, tailLength);
  for (let at = tail.length - EOCD_LENGTH; at >= 0; at--) {
    if (tail.readUInt32LE(at) !== EOCD_SIGNATURE) continue;
    const position = fileSize - tailLength + at;
    const directory = directoryOf(fd, tail, at, position);
    if (directory && directory.offset + directory.size <= position && startsWithCentralHeader(fd, directory)) return directory;
  }
  throw new DamagedZip('no end-of-central-directory record: the file is cut short or is not a zip');
}

/** Offset, size and entry count from the record at `at` of `tail`, through the zip64 record when it defers to it. */
function directoryOf(fd, tail, at, position) {
  const entries = tail.readUInt16LE(at + 10);
  const size = tail.readUInt32LE(at + 12);
  const offset = tail.readUInt32LE(at + 16);
  if (entries !== 0xffff && size !== 0xffffffff && offset !== 0xffffffff) return { offset, size, entries };
  if (position < ZIP64_LOCATOR_LENGTH) return null;
  const locator = readAt(fd, position - ZIP64_LOCATOR_LENGTH, ZIP64_LOCATOR_LENGTH);
  if (locator.readUInt32LE(0) !== ZIP64_LOCATOR_SIGNATURE) return null;
  const recordAt = Number(locator.readBigUInt64LE(8));
  if (recordAt + ZIP64_EOCD_LENGTH > position - ZIP64_LOCATOR_LENGTH) return null;
  const record = readAt(fd, recordAt, ZIP64_EOCD_LENGTH);
  if (record.readUInt32LE(0) !== ZIP64_EOCD_SIGNATURE) return null;
  const zip64 = { entries: Number(record.readBigUInt64LE(32)), size: Number(record.readBigUInt64LE(40)), offset: Number(record.readBigUInt64LE(48)) };
  return zip64.offset + zip64.size <= recordAt ? zip64 : null;
}

function startsWithCentralHeader(fd, { offset, size, entries }) {
  if (entries === 0) return size === 0;
  return size >= CENTRAL_HEADER_LENGTH && readAt(fd, offset, 4).readUInt32LE(0) === CENTRAL_HEADER_SIGNATURE;
}

function parseCentralDirectory(directory, entries) {
  const crcs = new Map();
  let at = 0;
  for (let n = 0; n < entries; n++) {
    if (at + CENTRAL_HEADER_LENGTH > directory.length || directory.readUInt32LE(at) !== CENTRAL_HEADER_SIGNATURE) {
      throw new DamagedZip(`the central directory is damaged at its entry ${n + 1} of ${entries}`);
    }
    const nameLength = directory.readUInt16LE(at + 28);
    const end = at + CENTRAL_HEADER_LENGTH + nameLength + directory.readUInt16LE(at + 30) + directory.readUInt16LE(at + 32);
    if (end > directory.length) throw new DamagedZip(`the central directory is damaged at its entry ${n + 1} of ${entries}`);
    const name = directory.toString('latin1', at + CENTRAL_HEADER_LENGTH, at + CENTRAL_HEADER_LENGTH + nameLength);
    const list = crcs.get(name) ?? [];
    list.push(directory.readUInt32LE(at + 16));
    crcs.set(name, list);
    at = end;
  }
  return crcs;
}

/**
 * Checks entries as a streaming parse meets them against the central directory: `check` for each (its name's
 * bytes and the CRC-32 of what it inflated to), then `finish` once the stream has ended. Each throws DamagedZip.
 */
class EntryChecksums {
  constructor(path) {
    this.expected = centralDirectoryCrcs(path);
    this.taken = new Map();
  }

  check(nameBytes, crc) {
    const name = nameBytes.toString('latin1');
    const list = this.expected.get(name);
    const shown = nameBytes.toString('utf8');
    // Taken in order by position, not shift(): a directory may repeat one name a million times.
    const taken = this.taken.get(name) ?? 0;
    if (!list || taken === list.length) throw new DamagedZip(`the entry ${shown} is missing from the central directory`);
    this.taken.set(name, taken + 1);
    const stored = list[taken];
    if (stored !== crc) {
      throw new DamagedZip(`the entry ${shown} does not match its checksum (CRC-32 ${hex(crc)} read, ${hex(stored)} recorded): the file is damaged`);
    }
  }

  finish() {
    for (const [name, list] of this.expected) {
      if ((this.taken.get(name) ?? 0) < list.length) throw new DamagedZip(`the entry ${Buffer.from(name, 'latin1').toString('utf8')} of the central directory is not in the file`);
    }
  }
}

function hex(crc) {
  return crc.toString(16).padStart(8, '0');
}

module.exports = { centralDirectoryCrcs, DamagedZip, EntryChecksums };

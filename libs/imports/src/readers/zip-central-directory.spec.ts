import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { crc32, inflateRawSync } from 'node:zlib';

// Plain JavaScript, loaded as the worker loads it.
const load = createRequire(__filename);
const { centralDirectoryCrcs, DamagedZip, EntryChecksums } = load('./zip-central-directory') as {
  centralDirectoryCrcs: (file: string) => Map<string, number[]>;
  DamagedZip: new (message: string) => Error;
  EntryChecksums: new (file: string) => { check(name: Buffer, crc: number): void; finish(): void };
};

const FIXTURE = fs.readFileSync(path.join(__dirname, '..', '..', 'test-fixtures', 'penalties.xlsx'));
const EOCD_LENGTH = 22;

/**
 * The truth the reader is held to, found without any central directory: every local entry walked from the start
 * of the file (the fixture has no data descriptors), inflated, its CRC-32 computed.
 */
function entriesByLocalHeaders(bytes: Buffer): Map<string, number[]> {
  const entries = new Map<string, number[]>();
  for (let at = 0; bytes.readUInt32LE(at) === 0x04034b50; ) {
    const [method, size, nameLength, extraLength] = [bytes.readUInt16LE(at + 8), bytes.readUInt32LE(at + 18), bytes.readUInt16LE(at + 26), bytes.readUInt16LE(at + 28)];
    const start = at + 30 + nameLength + extraLength;
    const data = bytes.subarray(start, start + size);
    const name = bytes.toString('latin1', at + 30, at + 30 + nameLength);
    entries.set(name, [...(entries.get(name) ?? []), crc32(method === 8 ? inflateRawSync(data) : data)]);
    at = start + size;
  }
  return entries;
}

/** A zip of stored entries, written by hand: what no tool here writes, such as one name twice. */
function storedZip(entries: [string, Buffer][]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt32LE(crc32(data), 14);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(header, Buffer.from(name, 'latin1'), data);
    centrals.push(central, Buffer.from(name, 'latin1'));
    offset += 30 + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(EOCD_LENGTH);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** Where the end-of-central-directory record starts in a file without a comment. */
const eocdOf = (bytes: Buffer) => bytes.length - EOCD_LENGTH;

function withComment(bytes: Buffer, comment: Buffer): Buffer {
  const copy = Buffer.concat([bytes, comment]);
  copy.writeUInt16LE(comment.length, eocdOf(bytes) + 20);
  return copy;
}

/** The same zip with its directory's place given by a zip64 record and locator, as large archives are written. */
function asZip64(bytes: Buffer): Buffer {
  const eocd = eocdOf(bytes);
  const [entries, size, offset] = [bytes.readUInt16LE(eocd + 10), bytes.readUInt32LE(eocd + 12), bytes.readUInt32LE(eocd + 16)];
  const record = Buffer.alloc(56);
  record.writeUInt32LE(0x06064b50, 0);
  record.writeBigUInt64LE(44n, 4);
  record.writeUInt16LE(45, 12);
  record.writeUInt16LE(45, 14);
  record.writeBigUInt64LE(BigInt(entries), 24);
  record.writeBigUInt64LE(BigInt(entries), 32);
  record.writeBigUInt64LE(BigInt(size), 40);
  record.writeBigUInt64LE(BigInt(offset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(eocd), 8);
  locator.writeUInt32LE(1, 16);
  const end = Buffer.from(bytes.subarray(eocd));
  end.writeUInt16LE(0xffff, 8);
  end.writeUInt16LE(0xffff, 10);
  end.writeUInt32LE(0xffffffff, 12);
  end.writeUInt32LE(0xffffffff, 16);
  return Buffer.concat([bytes.subarray(0, eocd), record, locator, end]);
}

describe('the central directory of an XLSX upload', () => {
  let dir: string;
  const write = (bytes: Buffer) => {
    const file = path.join(dir, `${Math.random().toString(36).slice(2)}.xlsx`);
    fs.writeFileSync(file, bytes);
    return file;
  };
  beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'credit-zip-'))));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("gives every entry's CRC-32 as inflating the entry computes it", () => {
    const truth = entriesByLocalHeaders(FIXTURE);
    expect(truth.size).toBe(16);
    expect(centralDirectoryCrcs(write(FIXTURE))).toEqual(truth);
  });

  it('finds the directory behind a comment (one holding a false record signature too), padding, or a zip64 record', () => {
    const truth = entriesByLocalHeaders(FIXTURE);
    const falseRecord = Buffer.alloc(EOCD_LENGTH);
    falseRecord.writeUInt32LE(0x06054b50, 0);
    // One entry in 46 bytes at offset 0, inside the file: but what starts there is a local header, not a central one.
    falseRecord.writeUInt16LE(1, 8);
    falseRecord.writeUInt16LE(1, 10);
    falseRecord.writeUInt32LE(46, 12);
    const variants = [
      withComment(FIXTURE, Buffer.from('导出：行政处罚系统')),
      withComment(FIXTURE, Buffer.concat([Buffer.from('comment '), falseRecord])),
      Buffer.concat([FIXTURE, Buffer.alloc(300)]),
      asZip64(FIXTURE),
    ];
    for (const bytes of variants) expect(centralDirectoryCrcs(write(bytes))).toEqual(truth);
  });

  it('refuses a file whose directory cannot be found or read', () => {
    const eocd = eocdOf(FIXTURE);
    const directoryAt = FIXTURE.readUInt32LE(eocd + 16);
    const pointingOutside = Buffer.from(FIXTURE);
    pointingOutside.writeUInt32LE(FIXTURE.length, eocd + 16);
    const secondHeaderBroken = Buffer.from(FIXTURE);
    const second = directoryAt + 46 + FIXTURE.readUInt16LE(directoryAt + 28) + FIXTURE.readUInt16LE(directoryAt + 30) + FIXTURE.readUInt16LE(directoryAt + 32);
    secondHeaderBroken[second] ^= 0xff;
    const cases: [Buffer, RegExp][] = [
      [FIXTURE.subarray(0, FIXTURE.length - 10), /no end-of-central-directory record/],
      [FIXTURE.subarray(0, directoryAt + 10), /no end-of-central-directory record/],
      [Buffer.alloc(0), /no end-of-central-directory record/],
      [pointingOutside, /no end-of-central-directory record/],
      [secondHeaderBroken, /the central directory is damaged at its entry 2 of 16/],
    ];
    for (const [bytes, message] of cases) {
      let thrown: unknown;
      try {
        centralDirectoryCrcs(write(bytes));
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(DamagedZip);
      expect((thrown as Error).message).toMatch(message);
    }
  });

  it('holds entries of one name to their CRCs in the order the directory lists them', () => {
    const [first, second] = [Buffer.from('<first/>'), Buffer.from('<second/>')];
    const file = write(storedZip([['a', first], ['a', second]]));
    expect(centralDirectoryCrcs(file)).toEqual(new Map([['a', [crc32(first), crc32(second)]]]));
    const name = Buffer.from('a');
    const inOrder = new EntryChecksums(file);
    inOrder.check(name, crc32(first));
    inOrder.check(name, crc32(second));
    expect(() => inOrder.finish()).not.toThrow();
    expect(() => inOrder.check(name, crc32(first))).toThrow(/the entry a is missing from the central directory/);
    expect(() => new EntryChecksums(file).check(name, crc32(second))).toThrow(/the entry a does not match its checksum/);
  });

  it('holds the streamed entries to the directory: each CRC, each name once, none left over', () => {
    const file = write(FIXTURE);
    const truth = [...entriesByLocalHeaders(FIXTURE)].map(([name, [crc]]) => [Buffer.from(name, 'latin1'), crc] as const);
    const all = new EntryChecksums(file);
    for (const [name, crc] of truth) all.check(name, crc);
    expect(() => all.finish()).not.toThrow();

    const [sheetName, sheetCrc] = truth.find(([name]) => name.toString() === 'xl/worksheets/sheet1.xml') ?? [];
    expect(() => new EntryChecksums(file).check(sheetName as Buffer, (sheetCrc as number) ^ 1)).toThrow(/the entry xl\/worksheets\/sheet1\.xml does not match its checksum/);
    const twice = new EntryChecksums(file);
    twice.check(sheetName as Buffer, sheetCrc as number);
    expect(() => twice.check(sheetName as Buffer, sheetCrc as number)).toThrow(/xl\/worksheets\/sheet1\.xml is missing from the central directory/);
    expect(() => new EntryChecksums(file).check(Buffer.from('xl/extra.xml'), 0)).toThrow(/xl\/extra\.xml is missing from the central directory/);
    const short = new EntryChecksums(file);
    for (const [name, crc] of truth.slice(1)) short.check(name, crc);
    expect(() => short.finish()).toThrow(new RegExp(`the entry ${truth[0][0].toString().replace(/[[\]().]/g, '\\$&')} of the central directory is not in the file`));
  });
});

// Hostile XLSX workbooks, written in memory in well under a second. A workbook is a zip of XML parts; this
// writes the zip by hand so the sizes are exact and a part can inflate to hundreds of MB without ever being
// held: a block of repeated text is deflated once with a full flush (which ends it on a byte boundary with no
// back-references) and its bytes are repeated, then a final block closes the stream.
import zlib from 'node:zlib';

/** The 双公示 template's headers (as in libs/imports/test-fixtures/make-fixtures.ts). */
export const HEADERS = [
  '行政相对人名称', '行政相对人类别', '统一社会信用代码', '法定代表人', '证件类型', '证件号码', '行政处罚决定书文号', '违法行为类型', '违法事实',
  '处罚依据', '处罚类别', '处罚内容', '罚款金额（万元）', '没收违法所得、没收非法财物的金额（万元）', '暂扣或吊销证照名称及编号', '处罚决定日期',
  '处罚有效期', '公示截止期', '处罚机关', '处罚机关统一社会信用代码', '数据来源单位', '数据来源单位统一社会信用代码', '备注',
];

interface ZipPart {
  name: string;
  /** Deflated bytes (raw deflate). */
  data: Buffer;
  crc: number;
  size: number;
}

function part(name: string, text: string): ZipPart {
  const raw = Buffer.from(text, 'utf8');
  return { name, data: zlib.deflateRawSync(raw), crc: zlib.crc32(raw), size: raw.length };
}

/** `head` + `block` × `times` + `tail`, deflated without building the inflated text. */
function repeatedPart(name: string, head: string, block: string, times: number, tail: string): ZipPart {
  const blockRaw = Buffer.from(block, 'utf8');
  const headRaw = Buffer.from(head, 'utf8');
  const tailRaw = Buffer.from(tail, 'utf8');
  const flush = { finishFlush: zlib.constants.Z_FULL_FLUSH };
  const deflatedBlock = zlib.deflateRawSync(blockRaw, flush);
  const chunks = [zlib.deflateRawSync(headRaw, flush)];
  let crc = zlib.crc32(headRaw);
  for (let index = 0; index < times; index++) {
    chunks.push(deflatedBlock);
    crc = zlib.crc32(blockRaw, crc);
  }
  chunks.push(zlib.deflateRawSync(tailRaw));
  crc = zlib.crc32(tailRaw, crc);
  return { name, data: Buffer.concat(chunks), crc, size: headRaw.length + blockRaw.length * times + tailRaw.length };
}

function zip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of parts) {
    const name = Buffer.from(entry.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(entry.crc >>> 0, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(entry.crc >>> 0, 16);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(entry.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.data);
    centrals.push(central, name);
    offset += local.length + name.length + entry.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_TAIL = '</sheetData></worksheet>';

/** The parts every workbook needs, shared strings and worksheet supplied by the caller, in the usual order. */
function workbook(sharedStrings: ZipPart, sheet: ZipPart): Buffer {
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  return zip([
    part(
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    ),
    part('_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    part('xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${main}" xmlns:r="${rel}"><sheets><sheet name="行政处罚" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    part(
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ),
    sharedStrings,
    sheet,
  ]);
}

const sst = (strings: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((text) => `<si><t>${escape(text)}</t></si>`).join('')}</sst>`;

/** The template's header row as shared strings `first`…: a real header, so the import gets past it. */
function headerRow(first: number): string {
  return `<row r="1">${HEADERS.map((_, index) => `<c r="${column(index + 1)}1" t="s"><v>${first + index}</v></c>`).join('')}</row>`;
}

function column(n: number): string {
  let name = '';
  for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26)) name = String.fromCharCode(65 + ((rest - 1) % 26)) + name;
  return name;
}

/** Shape 1: about 300 KB whose shared-string table inflates to `inflatedMb` MB (one string of 'A's). */
export function sharedStringsBomb(inflatedMb = 300): Buffer {
  const block = 'A'.repeat(1024 * 1024);
  const strings = repeatedPart(
    'xl/sharedStrings.xml',
    '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>',
    block,
    inflatedMb,
    '</t></si></sst>',
  );
  return workbook(strings, part('xl/worksheets/sheet1.xml', `${SHEET_HEAD}<row r="1"><c r="A1" t="s"><v>0</v></c></row>${SHEET_TAIL}`));
}

/** Shape 2: a small file whose every data cell is one long shared string; every row is rejected. */
export function repeatedStringBomb(rows = 600, cellChars = 5_000): Buffer {
  const long = '滁'.repeat(cellChars);
  const body = Array.from({ length: rows }, (_, index) => {
    const r = index + 2;
    return `<row r="${r}">${HEADERS.map((__, c) => `<c r="${column(c + 1)}${r}" t="s"><v>0</v></c>`).join('')}</row>`;
  }).join('');
  return workbook(part('xl/sharedStrings.xml', sst([long, ...HEADERS])), part('xl/worksheets/sheet1.xml', `${SHEET_HEAD}${headerRow(1)}${body}${SHEET_TAIL}`));
}

/** Shape 3: a cell in column XFD (16,384) on every row, beside the template's header and short data rows. */
export function farColumnBomb(rows = 2_000): Buffer {
  const body = Array.from({ length: rows }, (_, index) => `<row r="${index + 2}"><c r="A${index + 2}" t="s"><v>0</v></c><c r="XFD${index + 2}" t="s"><v>0</v></c></row>`).join('');
  return workbook(part('xl/sharedStrings.xml', sst(['x', ...HEADERS])), part('xl/worksheets/sheet1.xml', `${SHEET_HEAD}${headerRow(1)}${body}${SHEET_TAIL}`));
}

// A validated record's columns as penalty_records holds them, and the COPY data that carries them to the table.
// Built where the batch is validated (a validation thread, or the event loop when there is none): the API's
// thread then receives each row's COPY data as bytes in one buffer, and of the row itself only what the write
// compares and tells its listeners (PenaltyRowKey). A batch of 1,000 demo records came back from its thread as
// 1.28 MB of cloned objects, ~6 ms to read on the API's thread, and every such object was young garbage there.
// Pure (no database, no framework): the validation thread loads it.

/** One validated item, flattened to the table's columns. */
export interface PreparedPenaltyRow {
  decisionNumber: string;
  subjectKey: string;
  partyName: string;
  partyType: string;
  uscc: string | null;
  registrationNumber: string | null;
  legalRepresentative: string | null;
  idType: string | null;
  idNumberEncrypted: string | null;
  idNumberHash: string | null;
  idNumberMasked: string | null;
  partyBirthDate: string | null;
  violationType: string;
  violationFacts: string;
  legalBasis: string;
  penaltyCategories: string[];
  penaltyContent: string;
  fineAmount: string | null;
  confiscatedAmount: string | null;
  licenseInfo: string | null;
  decisionDate: string;
  validUntil: string | null;
  publicUntil: string | null;
  authorityName: string;
  authorityUscc: string;
  dataSourceName: string | null;
  dataSourceUscc: string | null;
  severity: string;
  severityDerived: boolean;
  remarks: string | null;
  actDate: string | null;
  partyAdultConfirmed: boolean;
  publishMinor: boolean;
  notRepairable: boolean;
  contentHash: string;
}

/** What the write needs of a prepared row besides its COPY data: the comparison with what is stored, and what listeners are told. */
export interface PenaltyRowKey {
  decisionNumber: string;
  contentHash: string;
  severity: string;
  penaltyCategories: string[];
}

/** The rows' own columns (all but id, department, subject and version), in the order of their COPY data. */
export const ROW_COLUMNS: readonly [keyof PreparedPenaltyRow, string][] = [
  ['decisionNumber', 'decision_number'],
  ['partyName', 'party_name'],
  ['partyType', 'party_type'],
  ['uscc', 'uscc'],
  ['registrationNumber', 'registration_number'],
  ['legalRepresentative', 'legal_representative'],
  ['idType', 'id_type'],
  ['idNumberEncrypted', 'id_number_encrypted'],
  ['idNumberHash', 'id_number_hash'],
  ['idNumberMasked', 'id_number_masked'],
  ['partyBirthDate', 'party_birth_date'],
  ['violationType', 'violation_type'],
  ['violationFacts', 'violation_facts'],
  ['legalBasis', 'legal_basis'],
  ['penaltyCategories', 'penalty_categories'],
  ['penaltyContent', 'penalty_content'],
  ['fineAmount', 'fine_amount'],
  ['confiscatedAmount', 'confiscated_amount'],
  ['licenseInfo', 'license_info'],
  ['decisionDate', 'decision_date'],
  ['validUntil', 'valid_until'],
  ['publicUntil', 'public_until'],
  ['authorityName', 'authority_name'],
  ['authorityUscc', 'authority_uscc'],
  ['dataSourceName', 'data_source_name'],
  ['dataSourceUscc', 'data_source_uscc'],
  ['severity', 'severity'],
  ['severityDerived', 'severity_derived'],
  ['remarks', 'remarks'],
  ['actDate', 'act_date'],
  ['partyAdultConfirmed', 'party_adult_confirmed'],
  ['publishMinor', 'publish_minor'],
  ['notRepairable', 'not_repairable'],
  ['contentHash', 'content_hash'],
];

const COPY_NEEDS_ESCAPE = /[\\\t\n\r]/;
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** One field of COPY's text format: NULL as \N, and backslash, tab and line breaks escaped. */
export function copyField(value: string | boolean | number | null): string {
  if (value === null) return '\\N';
  const text = String(value);
  return COPY_NEEDS_ESCAPE.test(text) ? text.replace(/[\\\t\n\r]/g, (char) => COPY_ESCAPES[char]) : text;
}

const ARRAY_NEEDS_ESCAPE = /[\\"]/;
const NEWLINE = 0x0a;

/** A PostgreSQL array literal (what node-postgres sends for a JS array, element for element, a little faster). */
export function sqlArrayLiteral(values: readonly (string | boolean | null)[]): string {
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (i > 0) out += ',';
    if (value === null) {
      out += 'NULL';
    } else {
      const text = String(value);
      out += ARRAY_NEEDS_ESCAPE.test(text) ? `"${text.replace(/[\\"]/g, '\\$&')}"` : `"${text}"`;
    }
  }
  return `${out}}`;
}

/** A row's own columns in COPY's text format, as UTF-8 (row by row: one string of 1,000 rows cost V8 ~5 ms to flatten and encode, these ~1 ms). */
export function copyTail(row: PreparedPenaltyRow): Buffer {
  let out = '';
  for (const [key] of ROW_COLUMNS) {
    if (out !== '') out += '\t';
    out += copyField(key === 'penaltyCategories' ? sqlArrayLiteral(row.penaltyCategories) : row[key]);
  }
  return Buffer.from(out, 'utf8');
}

/** Rows' COPY data end to end in one buffer of their own (so a thread can hand it over whole), row i ending at ends[i]. */
export interface PackedCopyTails {
  bytes: Uint8Array;
  ends: number[];
}

/** Row i's COPY data in a pack (a view, not a copy). */
export function tailAt(packed: PackedCopyTails, i: number): Uint8Array {
  return packed.bytes.subarray(i === 0 ? 0 : packed.ends[i - 1], packed.ends[i]);
}

export function packCopyTails(tails: readonly Uint8Array[]): PackedCopyTails {
  const ends: number[] = [];
  let length = 0;
  for (const tail of tails) ends.push((length += tail.length));
  // Not from Buffer's shared pool: the bytes are transferred to another thread, buffer and all.
  const bytes = Buffer.allocUnsafeSlow(length);
  tails.forEach((tail, i) => bytes.set(tail, i === 0 ? 0 : ends[i - 1]));
  return { bytes, ends };
}

/**
 * The rows of a batch (their keys and their COPY data) as the write takes them: a subset for the rows that
 * change, and the COPY data of those rows, each behind a head of its own (the columns known only once the batch
 * is written: its ids, the subjects' ids).
 */
export class PenaltyColumns {
  private constructor(
    readonly rows: readonly PenaltyRowKey[],
    private readonly tails: readonly Uint8Array[],
  ) {}

  static of(rows: readonly PenaltyRowKey[], packed: PackedCopyTails): PenaltyColumns {
    if (packed.ends.length !== rows.length) throw new Error(`COPY data for ${packed.ends.length} rows, ${rows.length} rows`);
    return new PenaltyColumns(rows, rows.map((_, i) => tailAt(packed, i)));
  }

  /** The columns of some of these rows (taken from `rows`), in the order given. */
  only(rows: readonly PenaltyRowKey[]): PenaltyColumns {
    if (rows.length === this.rows.length && rows.every((row, i) => row === this.rows[i])) return this;
    const position = new Map(this.rows.map((row, i) => [row, i]));
    return new PenaltyColumns(rows, rows.map((row) => {
      const i = position.get(row);
      if (i === undefined) throw new Error(`row ${row.decisionNumber} is not one of this batch's`);
      return this.tails[i];
    }));
  }

  /** COPY data (UTF-8): row i is heads[i] (ASCII: its leading columns, each followed by a tab), its own columns, a line break. */
  copyData(heads: readonly string[]): Buffer {
    const data = Buffer.allocUnsafe(heads.reduce((sum, head, i) => sum + head.length + this.tails[i].length + 1, 0));
    let at = 0;
    for (let i = 0; i < heads.length; i++) {
      at += data.write(heads[i], at, 'latin1');
      data.set(this.tails[i], at);
      at += this.tails[i].length;
      data[at++] = NEWLINE;
    }
    return data;
  }
}

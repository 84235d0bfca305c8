// The national "双公示" 行政处罚 spreadsheet template: which column feeds which draft field, and how a header
// row that a department's system exported (full-width brackets, stray spaces, 万元 or not, the 2021 template's
// 行政相对人代码_1 style) is matched to it. Pure: the import service and its tests share this table.
import { PenaltyRecordDraft } from '../penalty-record.types';

export type DraftField = keyof PenaltyRecordDraft;

/** The unit an amount column is written in; the draft (and the record) is always in 万元. */
export type AmountUnit = 'WAN_YUAN' | 'YUAN';

export interface TemplateColumn {
  field: DraftField;
  /** The header as the national template spells it; shown in messages and the README. */
  header: string;
  /** Other spellings seen in exports, compared after normaliseHeader. */
  aliases: readonly string[];
  /** When two columns feed one field, the lower rank wins if both cells are filled. */
  rank: number;
}

/** In template order. `rank` 1 is a fallback source (the legal representative's ID for an organisation). */
export const TEMPLATE_COLUMNS: readonly TemplateColumn[] = [
  col('partyName', '行政相对人名称', ['相对人名称', '当事人名称']),
  col('partyType', '行政相对人类别', ['相对人类别', '行政相对人类型']),
  col('uscc', '统一社会信用代码', ['行政相对人代码_1(统一社会信用代码)', '行政相对人代码_1', '相对人统一社会信用代码']),
  col('registrationNumber', '工商注册号', ['行政相对人代码_2(工商注册号)', '行政相对人代码_2', '注册号', '其他登记证号']),
  col('legalRepresentative', '法定代表人', ['法定代表人(负责人)', '法定代表人/负责人', '负责人', '经营者']),
  col('idType', '证件类型', ['相对人证件类型', '自然人证件类型']),
  col('idNumber', '证件号码', ['相对人证件号码', '自然人证件号码', '身份证号码']),
  col('idType', '法定代表人证件类型', [], 1),
  col('idNumber', '法定代表人证件号码', ['法定代表人身份证号码'], 1),
  col('decisionNumber', '行政处罚决定书文号', ['处罚决定书文号', '决定书文号', '行政处罚决定文书号']),
  col('violationType', '违法行为类型', ['违法类型']),
  col('violationFacts', '违法事实', ['主要违法事实']),
  col('legalBasis', '处罚依据', []),
  col('penaltyCategories', '处罚类别', ['处罚种类']),
  col('penaltyContent', '处罚内容', []),
  col('fineAmount', '罚款金额（万元）', ['罚款金额']),
  col('confiscatedAmount', '没收违法所得、没收非法财物的金额（万元）', ['没收违法所得没收非法财物的金额', '没收金额']),
  col('licenseInfo', '暂扣或吊销证照名称及编号', []),
  col('decisionDate', '处罚决定日期', ['决定日期', '作出处罚决定日期']),
  col('validUntil', '处罚有效期', []),
  col('publicUntil', '公示截止期', ['公示截止日期']),
  col('authorityName', '处罚机关', ['作出处罚决定的机关', '处罚机关名称']),
  col('authorityUscc', '处罚机关统一社会信用代码', []),
  col('dataSourceName', '数据来源单位', []),
  col('dataSourceUscc', '数据来源单位统一社会信用代码', []),
  col('severity', '严重程度', ['失信严重程度', '处罚严重程度']),
  col('remarks', '备注', []),
  // Not in the national template: the day of the act, by which a natural person's age is judged (minors are
  // never published). The yes/no statements (publishMinor, …) are sent through the API only.
  col('actDate', '违法行为发生日期', ['违法行为日期', '违法发生日期']),
];

/**
 * Columns a file may carry that the platform does not store: row counters, the other registration codes of
 * the 2021 template, and the columns our own error report adds (so a clerk can fix that report and upload it).
 */
export const IGNORED_HEADERS: readonly string[] = [
  '序号', '行号', '错误字段', '错误代码', '错误说明',
  '行政相对人代码_3(组织机构代码)', '行政相对人代码_4(税务登记号)', '行政相对人代码_5(事业单位证书号)',
  '行政相对人代码_6(社会组织登记证号)', '行政相对人代码_3', '行政相对人代码_4', '行政相对人代码_5', '行政相对人代码_6',
  '组织机构代码', '税务登记号', '事业单位证书号', '社会组织登记证号',
];

/**
 * Columns without which every row would be rejected: the fields validatePenaltyRecord always requires.
 * A file missing one stops before anything is written.
 */
export const REQUIRED_FIELDS: readonly DraftField[] = [
  'decisionNumber', 'partyName', 'partyType', 'violationType', 'violationFacts', 'legalBasis',
  'penaltyCategories', 'penaltyContent', 'decisionDate', 'authorityName', 'authorityUscc',
];

const AMOUNT_FIELDS: readonly DraftField[] = ['fineAmount', 'confiscatedAmount'];

function col(field: DraftField, header: string, aliases: readonly string[], rank = 0): TemplateColumn {
  return { field, header, aliases, rank };
}

/**
 * The comparable form of a header: NFKC (full-width brackets, letters and spaces become ASCII), no whitespace,
 * no underscores or dashes, no required-field stars, square and lenticular brackets as round ones.
 */
export function normaliseHeader(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[\s\u200B-\u200D\u2060\uFEFF_\-－]/g, '')
    .replace(/[[【〔]/g, '(')
    .replace(/[\]】〕]/g, ')')
    .replace(/^\*+|\*+$/g, '');
}

const UNIT_SUFFIX = /\((?:单位:)?(万元|元|人民币万元|人民币元)\)$/;

interface HeaderKey {
  key: string;
  unit: AmountUnit | null;
}

/** Splits a unit written in brackets off the header: 罚款金额（万元） → 罚款金额 + WAN_YUAN. */
function splitUnit(normalised: string): HeaderKey {
  const match = UNIT_SUFFIX.exec(normalised);
  if (!match) return { key: normalised, unit: null };
  return { key: normalised.slice(0, match.index), unit: match[1].includes('万') ? 'WAN_YUAN' : 'YUAN' };
}

const LOOKUP: ReadonlyMap<string, TemplateColumn> = (() => {
  const map = new Map<string, TemplateColumn>();
  for (const column of TEMPLATE_COLUMNS) {
    for (const name of [column.header, ...column.aliases]) map.set(splitUnit(normaliseHeader(name)).key, column);
  }
  return map;
})();
const IGNORED: ReadonlySet<string> = new Set(IGNORED_HEADERS.map((name) => normaliseHeader(name)));

export type HeaderMatch =
  | { kind: 'FIELD'; column: TemplateColumn; unit: AmountUnit }
  | { kind: 'IGNORED' }
  | { kind: 'UNKNOWN' };

/**
 * What one header cell means. Tries the whole header, then (for 法定代表人（负责人）, 行政相对人代码_1（统一社会信用代码）
 * style headers) the part before the bracket and the part inside it.
 */
export function matchHeader(raw: string): HeaderMatch {
  const { key, unit } = splitUnit(normaliseHeader(raw));
  const bracket = /^(.+?)\((.+)\)$/.exec(key);
  if (IGNORED.has(key)) return { kind: 'IGNORED' };
  for (const candidate of bracket ? [key, bracket[1], bracket[2]] : [key]) {
    const column = LOOKUP.get(candidate);
    if (!column) continue;
    // A unit is meaningful only on an amount column; elsewhere it is noise around the name.
    return { kind: 'FIELD', column, unit: AMOUNT_FIELDS.includes(column.field) ? (unit ?? 'WAN_YUAN') : 'WAN_YUAN' };
  }
  return { kind: 'UNKNOWN' };
}

export interface ColumnBinding {
  /** 0-based position in the row. */
  index: number;
  /** The header exactly as the file wrote it, trimmed: what the clerk sees and what the error report names. */
  header: string;
  field: DraftField;
  rank: number;
  unit: AmountUnit;
}

export interface HeaderMapping {
  bindings: ColumnBinding[];
  unknown: { index: number; header: string }[];
  missing: DraftField[];
  /** Two columns of the same rank feeding one field (e.g. 罚款金额 twice): ambiguous, so refused. */
  duplicated: { field: DraftField; headers: string[] }[];
  /** The file's header for each field it carries (the best-ranked one). */
  headerOf: Partial<Record<DraftField, string>>;
}

/** Maps a header row. Blank header cells are skipped (spreadsheets carry empty trailing columns). */
export function mapHeaderRow(cells: readonly (string | null)[]): HeaderMapping {
  const bindings: ColumnBinding[] = [];
  const unknown: HeaderMapping['unknown'] = [];
  cells.forEach((cell, index) => {
    const header = (cell ?? '').trim();
    if (normaliseHeader(header) === '') return;
    const match = matchHeader(header);
    if (match.kind === 'FIELD') bindings.push({ index, header, field: match.column.field, rank: match.column.rank, unit: match.unit });
    else if (match.kind === 'UNKNOWN') unknown.push({ index, header });
  });
  const duplicated: HeaderMapping['duplicated'] = [];
  const headerOf: HeaderMapping['headerOf'] = {};
  for (const field of new Set(bindings.map((binding) => binding.field))) {
    const own = bindings.filter((binding) => binding.field === field).sort((a, b) => a.rank - b.rank);
    headerOf[field] = own[0].header;
    const best = own.filter((binding) => binding.rank === own[0].rank);
    if (best.length > 1) duplicated.push({ field, headers: best.map((binding) => binding.header) });
  }
  const missing = REQUIRED_FIELDS.filter((field) => headerOf[field] === undefined);
  return { bindings, unknown, missing, duplicated, headerOf };
}

/** How many cells of a row are known template headers: finds the header row below a title row. */
export function countKnownHeaders(cells: readonly (string | null)[]): number {
  return cells.filter((cell) => cell !== null && matchHeader(cell).kind === 'FIELD').length;
}

/** The template header of a field, for messages about columns the file lacks. */
export function templateHeaderOf(field: DraftField): string {
  return TEMPLATE_COLUMNS.find((column) => column.field === field && column.rank === 0)?.header ?? field;
}

/**
 * One message naming every problem of a header row, Chinese first; null when the row can be imported.
 * The caller stops the import on a non-null answer, before any row is written.
 */
export function describeHeaderProblems(mapping: HeaderMapping): string | null {
  const parts: string[] = [];
  if (mapping.missing.length > 0) {
    const names = mapping.missing.map(templateHeaderOf);
    parts.push(`缺少必需列：${names.join('、')}（missing required columns: ${names.join(', ')}）`);
  }
  if (mapping.unknown.length > 0) {
    const names = mapping.unknown.map((column) => `“${column.header}”`);
    parts.push(`无法识别的列：${names.join('、')}（unknown columns: ${names.join(', ')}; rename them to the template's headers or delete them）`);
  }
  for (const { headers } of mapping.duplicated) {
    parts.push(`重复的列：${headers.join('、')}（the same column appears more than once: ${headers.join(', ')}）`);
  }
  return parts.length > 0 ? parts.join('；') : null;
}

// The national "双公示" 行政处罚 spreadsheet template: which column feeds which draft field, and how a header
// row that a department's system exported (full-width brackets, stray spaces, 万元 or not, the 2021 template's
// 行政相对人代码_1 style, or the data standard's field codes such as CF_XDR_MC) is matched to it. Pure: the
// import service, the downloadable templates (template-sheet.ts) and their tests share this table.
import { PenaltyRecordDraft } from '../penalty-record.types';

export type DraftField = keyof PenaltyRecordDraft;

/** The unit an amount column is written in; the draft (and the record) is always in 万元. */
export type AmountUnit = 'WAN_YUAN' | 'YUAN';

export interface TemplateColumn {
  field: DraftField;
  /** The header as the national template spells it; shown in messages, the templates and the README. */
  header: string;
  /** Other spellings seen in exports, compared after normaliseHeader. */
  aliases: readonly string[];
  /**
   * The field code of the national 双公示 data standard (CF_XDR_MC …), the header exchange systems export;
   * null for the platform's own column (严重程度).
   */
  code: string | null;
  /** What the column holds, for the notes sheet of the downloadable template (Chinese, a clerk reads it). */
  note: string;
  /** When two columns feed one field, the lower rank wins if both cells are filled. */
  rank: number;
}

/*
 * The field codes follow the 行政处罚 data items of 《行政许可和行政处罚等信用信息数据交换规范》 as 信用中国 and
 * the provincial platforms exchange them since the 2019 revision of the 双公示 standard (行政相对人类别 CF_XDR_LB
 * and 行政相对人代码_1…_6, the same items as the 2021 spreadsheet template this table follows): 30 items from
 * CF_XDR_MC to BZ. The official text was not reachable from here; the list and each code's meaning were read,
 * on 2026-12-03, where exchange systems spell them out: a 信用中国 行政处罚 API record (every code with a value,
 * e.g. CF_XDR_LB "法人及非法人组织", CF_NR_FK in 万元) and a provincial exchange table's DDL whose comments name each
 * code's item (cf_xdr_gszc 行政相对人代码_2(工商注册号) … cf_nr_wfff 没收违法所得、没收非法财物的金额（万元）, bz 备注),
 * found with the search tool in public repositories. The pre-2019 codes (CF_XDR_GSDJ, CF_XDR_ZDM, CF_XDR_SFZ,
 * CF_FR, CF_CFLB1/2, CF_XZJG) are not taken: their items do not map one to one.
 */
/** In template order. `rank` 1 is a fallback source (the legal representative's ID for an organisation). */
export const TEMPLATE_COLUMNS: readonly TemplateColumn[] = [
  col('partyName', '行政相对人名称', ['相对人名称', '当事人名称'], 'CF_XDR_MC', '被处罚的法人、非法人组织、个体工商户或自然人的名称（姓名）'),
  col('partyType', '行政相对人类别', ['相对人类别', '行政相对人类型'], 'CF_XDR_LB', '行政相对人的类别'),
  col('uscc', '统一社会信用代码', ['行政相对人代码_1(统一社会信用代码)', '行政相对人代码_1', '相对人统一社会信用代码'], 'CF_XDR_SHXYM', '18位统一社会信用代码；法人及非法人组织、个体工商户必填，自然人不填'),
  col('registrationNumber', '工商注册号', ['行政相对人代码_2(工商注册号)', '行政相对人代码_2', '注册号', '其他登记证号'], 'CF_XDR_GSZC', '无统一社会信用代码的个体工商户：统一社会信用代码填00000000000000000X，并在此填写注册号'),
  col('legalRepresentative', '法定代表人', ['法定代表人(负责人)', '法定代表人/负责人', '负责人', '经营者'], 'CF_FRDB', '法定代表人、负责人或个体工商户经营者的姓名'),
  col('idType', '证件类型', ['相对人证件类型', '自然人证件类型'], 'CF_XDR_ZJLX', '自然人的证件类型；行政相对人为自然人时必填'),
  col('idNumber', '证件号码', ['相对人证件号码', '自然人证件号码', '身份证号码'], 'CF_XDR_ZJHM', '自然人的证件号码；行政相对人为自然人时必填'),
  col('idType', '法定代表人证件类型', [], 'CF_FR_ZJLX', '法定代表人的证件类型（证件类型列为空时使用）', 1),
  col('idNumber', '法定代表人证件号码', ['法定代表人身份证号码'], 'CF_FR_ZJHM', '法定代表人的证件号码（证件号码列为空时使用）', 1),
  col('decisionNumber', '行政处罚决定书文号', ['处罚决定书文号', '决定书文号', '行政处罚决定文书号'], 'CF_WSH', '决定书文号；同一部门内唯一，再次导入同一文号即更新该条'),
  col('violationType', '违法行为类型', ['违法类型'], 'CF_WFXW', '违法行为的类型'),
  col('violationFacts', '违法事实', ['主要违法事实'], 'CF_SY', '主要违法事实'),
  col('legalBasis', '处罚依据', [], 'CF_YJ', '作出处罚所依据的法律、法规、规章条款'),
  col('penaltyCategories', '处罚类别', ['处罚种类'], 'CF_CFLB', '一个或多个处罚类别，用“；”“、”或“,”分隔'),
  col('penaltyContent', '处罚内容', [], 'CF_NR', '处罚决定的具体内容'),
  col('fineAmount', '罚款金额（万元）', ['罚款金额'], 'CF_NR_FK', '罚款金额；表头写“（元）”时按元填写'),
  col('confiscatedAmount', '没收违法所得、没收非法财物的金额（万元）', ['没收违法所得没收非法财物的金额', '没收金额'], 'CF_NR_WFFF', '没收违法所得和非法财物的金额；表头写“（元）”时按元填写'),
  col('licenseInfo', '暂扣或吊销证照名称及编号', [], 'CF_NR_ZKDX', '处罚类别含暂扣或吊销证照时填写'),
  col('decisionDate', '处罚决定日期', ['决定日期', '作出处罚决定日期'], 'CF_JDRQ', '作出处罚决定的日期，不得晚于今天'),
  col('validUntil', '处罚有效期', [], 'CF_YXQ', '处罚决定的有效期限，不得早于处罚决定日期'),
  col('publicUntil', '公示截止期', ['公示截止日期'], 'CF_GSJZQ', '公示截止日期，不得早于处罚决定日期；留空则按规定的公示期限计算'),
  col('authorityName', '处罚机关', ['作出处罚决定的机关', '处罚机关名称'], 'CF_CFJG', '作出处罚决定的机关；本行与处罚机关统一社会信用代码都留空时为本部门'),
  col('authorityUscc', '处罚机关统一社会信用代码', [], 'CF_CFJGDM', '处罚机关的统一社会信用代码；须为本部门或获准代为报送的机关'),
  col('dataSourceName', '数据来源单位', [], 'CF_SJLY', '报送数据的单位'),
  col('dataSourceUscc', '数据来源单位统一社会信用代码', [], 'CF_SJLYDM', '数据来源单位的统一社会信用代码'),
  col('severity', '严重程度', ['失信严重程度', '处罚严重程度'], null, '本平台的失信严重程度；留空则按处罚类别和金额认定'),
  col('remarks', '备注', [], 'BZ', '其他需要说明的情况'),
  // Not in the national template: the day of the act, by which a natural person's age is judged (minors are
  // never published). The yes/no statements (publishMinor, …) are sent through the API only.
  col('actDate', '违法行为发生日期', ['违法行为日期', '违法发生日期'], null, '违法行为发生的日期；判断自然人行为时是否未成年（未成年人的处罚不公示）'),
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
  // The same four codes as the data standard names them (行政相对人代码_3 … _6).
  'CF_XDR_ZZJG', 'CF_XDR_SWDJ', 'CF_XDR_SYDW', 'CF_XDR_SHZZ',
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

function col(field: DraftField, header: string, aliases: readonly string[], code: string | null, note: string, rank = 0): TemplateColumn {
  return { field, header, aliases, code, note, rank };
}

/**
 * The comparable form of a header: NFKC (full-width brackets, letters and spaces become ASCII), no whitespace,
 * no underscores or dashes, no required-field stars, square and lenticular brackets as round ones, Latin
 * letters in upper case (exchange systems write the field codes as cf_xdr_mc as often as CF_XDR_MC).
 */
export function normaliseHeader(raw: string): string {
  return raw
    .normalize('NFKC')
    .toUpperCase()
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
    const names = column.code ? [column.header, ...column.aliases, column.code] : [column.header, ...column.aliases];
    for (const name of names) map.set(splitUnit(normaliseHeader(name)).key, column);
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

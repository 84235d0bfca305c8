// The content of the downloadable 双公示 import template: the header row, one notes row per column (what it
// holds, whether it is required, which values it takes) and one example row that imports cleanly as it is.
// Everything is derived from TEMPLATE_COLUMNS, the label tables and the validator's limits, so the template
// cannot say something the importer does not do. Pure: the file writers (libs/imports) only lay it out.
import { buildUscc } from '../../identifiers/identifier-builders';
import { ID_TYPE_LABELS, PARTY_TYPE_LABELS, PENALTY_CATEGORY_LABELS, SEVERITY_LABELS } from '../penalty.labels';
import { PENALTY_FIELD_MAX_LENGTHS, PenaltyRecordDraft, PenaltyTextField } from '../penalty-record.types';
import { DraftField, REQUIRED_FIELDS, TEMPLATE_COLUMNS, TemplateColumn } from './template-columns';

/** The template's columns: the primary spelling of every field (fallback columns of rank 1 included). */
export const TEMPLATE_HEADERS: readonly string[] = TEMPLATE_COLUMNS.map((column) => column.header);

export const TEMPLATE_NOTES_HEADERS = ['列名', '数据标准字段代码', '是否必填', '说明', '可填写的值'] as const;

const DATE_FIELDS: ReadonlySet<DraftField> = new Set(['decisionDate', 'validUntil', 'publicUntil']);
const USCC_FIELDS: ReadonlySet<DraftField> = new Set(['uscc', 'authorityUscc', 'dataSourceUscc']);
const AMOUNT_FIELDS: ReadonlySet<DraftField> = new Set(['fineAmount', 'confiscatedAmount']);

/** The display label of each enum value: the first label is the one the platform shows. */
function displayLabels(labels: Readonly<Record<string, readonly string[]>>): string {
  return Object.values(labels).map((names) => names[0]).join('、');
}

const ENUM_VALUES: Partial<Record<DraftField, string>> = {
  partyType: displayLabels(PARTY_TYPE_LABELS),
  idType: displayLabels(ID_TYPE_LABELS),
  penaltyCategories: displayLabels(PENALTY_CATEGORY_LABELS),
  severity: displayLabels(SEVERITY_LABELS),
};

function allowedValues(column: TemplateColumn): string {
  const { field } = column;
  const enumValues = ENUM_VALUES[field];
  if (enumValues) return enumValues;
  if (DATE_FIELDS.has(field)) return '日期：2026-10-15，也可写 2026/10/15、2026年10月15日、20261015 或 Excel 日期单元格';
  if (USCC_FIELDS.has(field)) return '18位统一社会信用代码（校验位须正确）';
  if (AMOUNT_FIELDS.has(field)) return '数字，单位万元（如 2.5 即 2.5 万元）；0 或留空表示无';
  const max = PENALTY_FIELD_MAX_LENGTHS[field as PenaltyTextField];
  return max ? `文本，不超过${max}个字符` : '文本';
}

function requirement(column: TemplateColumn): string {
  return column.rank === 0 && REQUIRED_FIELDS.includes(column.field) ? '是' : '否';
}

/** One row per template column, in template order, under TEMPLATE_NOTES_HEADERS. */
export function templateNoteRows(): string[][] {
  return TEMPLATE_COLUMNS.map((column) => [column.header, column.code ?? '（本平台扩展列）', requirement(column), column.note, allowedValues(column)]);
}

/**
 * The example: a company fined for selling expired food. Its authority cells are left blank so it imports
 * for whichever department uploads it (blank 处罚机关 means the department itself); the decision date lies in
 * the past for good, so the example stays valid whatever day it is imported.
 */
export const TEMPLATE_EXAMPLE: Readonly<PenaltyRecordDraft> = {
  partyName: '示例市某某食品有限公司',
  partyType: PARTY_TYPE_LABELS.LEGAL_ENTITY[0],
  uscc: buildUscc('91', '341102', 'MA2TEMP1'),
  legalRepresentative: '王某某',
  decisionNumber: '示例市监罚〔2024〕1号',
  violationType: '销售超过保质期的食品',
  violationFacts: '当事人在其经营场所销售超过保质期的食品，违反了《中华人民共和国食品安全法》第三十四条第十项的规定。',
  legalBasis: '《中华人民共和国食品安全法》第一百二十四条第一款',
  penaltyCategories: [PENALTY_CATEGORY_LABELS.WARNING[0], PENALTY_CATEGORY_LABELS.FINE[0]],
  penaltyContent: '警告，罚款人民币贰万伍仟元整',
  fineAmount: '2.5',
  decisionDate: '2024-05-20',
  remarks: '示例行，请替换为实际数据',
};

/** The example as cells under TEMPLATE_HEADERS: rank-1 columns stay empty (the example is an organisation). */
export function templateExampleCells(): string[] {
  return TEMPLATE_COLUMNS.map((column) => {
    if (column.rank !== 0) return '';
    const value = TEMPLATE_EXAMPLE[column.field];
    if (value === null || value === undefined) return '';
    return Array.isArray(value) ? value.join('；') : String(value);
  });
}

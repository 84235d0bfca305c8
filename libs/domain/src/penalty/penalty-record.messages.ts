// Field names and message wording for validation findings. A department's clerk reads these: plain Chinese
// first, English in brackets, and always the field's own name so the clerk finds the cell to fix.
import { FieldIssue } from './penalty.types';
import { PenaltyIssueCode, PenaltyRecordDraft } from './penalty-record.types';

export interface FieldLabel {
  zh: string;
  en: string;
}

export const PENALTY_FIELD_LABELS: Readonly<Record<keyof PenaltyRecordDraft, FieldLabel>> = {
  decisionNumber: { zh: '行政处罚决定书文号', en: 'the decision number' },
  partyName: { zh: '行政相对人名称', en: 'the party name' },
  partyType: { zh: '行政相对人类别', en: 'the party type' },
  uscc: { zh: '统一社会信用代码', en: 'the USCC' },
  registrationNumber: { zh: '工商注册号或其他登记证号', en: 'the registration number' },
  legalRepresentative: { zh: '法定代表人', en: 'the legal representative' },
  idType: { zh: '证件类型', en: 'the ID type' },
  idNumber: { zh: '证件号码', en: 'the ID number' },
  violationType: { zh: '违法行为类型', en: 'the violation type' },
  violationFacts: { zh: '违法事实', en: 'the violation facts' },
  legalBasis: { zh: '处罚依据', en: 'the legal basis' },
  penaltyCategories: { zh: '处罚类别', en: 'the penalty categories' },
  penaltyContent: { zh: '处罚内容', en: 'the penalty content' },
  fineAmount: { zh: '罚款金额', en: 'the fine amount' },
  confiscatedAmount: { zh: '没收违法所得、没收非法财物的金额', en: 'the confiscated amount' },
  licenseInfo: { zh: '暂扣或吊销证照名称及编号', en: 'the suspended or revoked licence' },
  decisionDate: { zh: '处罚决定日期', en: 'the decision date' },
  validUntil: { zh: '处罚有效期', en: 'the validity date' },
  publicUntil: { zh: '公示截止期', en: 'the publication end date' },
  authorityName: { zh: '处罚机关', en: 'the deciding authority' },
  authorityUscc: { zh: '处罚机关统一社会信用代码', en: "the deciding authority's USCC" },
  dataSourceName: { zh: '数据来源单位', en: 'the data source unit' },
  dataSourceUscc: { zh: '数据来源单位统一社会信用代码', en: "the data source unit's USCC" },
  severity: { zh: '严重程度', en: 'the severity' },
  remarks: { zh: '备注', en: 'the remarks' },
  actDate: { zh: '违法行为发生日期', en: 'the date of the act' },
  partyAdultConfirmed: { zh: '当事人已成年声明', en: 'the statement that the party was an adult' },
  publishMinor: { zh: '轻微处罚公示申请', en: 'the request to publish a minor penalty' },
  notRepairable: { zh: '不可提前修复声明', en: 'the statement that the penalty may not be repaired early' },
};

export function issue(field: string, code: PenaltyIssueCode, zh: string, en: string): FieldIssue {
  return { field, code, message: `${zh}（${en}）` };
}

export function labelOf(field: keyof PenaltyRecordDraft): FieldLabel {
  return PENALTY_FIELD_LABELS[field];
}

/** U+0000 cannot be stored in PostgreSQL text and is never part of a real value (a broken export or a probe). */
export function nulCharacterIssue(field: keyof PenaltyRecordDraft): FieldIssue {
  const label = labelOf(field);
  return issue(field, PenaltyIssueCode.INVALID_VALUE, `${label.zh}含有空字符（U+0000），请删除后重新提交`, `${label.en} contains a NUL character (U+0000); remove it and send again`);
}

export function requiredIssue(field: keyof PenaltyRecordDraft, why?: FieldLabel): FieldIssue {
  const label = labelOf(field);
  return issue(
    field,
    PenaltyIssueCode.REQUIRED,
    `${why ? why.zh + '，' : ''}${label.zh}不能为空`,
    `${label.en} is required${why ? ' ' + why.en : ''}`,
  );
}

export function tooLongIssue(field: keyof PenaltyRecordDraft, max: number, actual: number): FieldIssue {
  const label = labelOf(field);
  return issue(
    field,
    PenaltyIssueCode.TOO_LONG,
    `${label.zh}不能超过${max}个字符，当前为${actual}个`,
    `${label.en} may have at most ${max} characters, it has ${actual}`,
  );
}

/** Echoed input is cut short so a pasted paragraph does not flood the error list. */
function quote(value: string): string {
  const chars = Array.from(value);
  return chars.length > 40 ? chars.slice(0, 40).join('') + '…' : value;
}

export function invalidValueIssue(
  field: string,
  label: FieldLabel,
  value: string,
  allowed: readonly string[],
): FieldIssue {
  return issue(
    field,
    PenaltyIssueCode.INVALID_VALUE,
    `${label.zh}“${quote(value)}”不是可选值，可选：${allowed.join('、')}`,
    `${label.en} "${quote(value)}" is not one of the allowed values`,
  );
}

export function invalidDateIssue(field: keyof PenaltyRecordDraft, value: string): FieldIssue {
  const label = labelOf(field);
  return issue(
    field,
    PenaltyIssueCode.INVALID_DATE,
    `${label.zh}“${quote(value)}”不是有效日期，应为YYYY-MM-DD格式，如2024-03-15`,
    `${label.en} "${quote(value)}" is not a real date written as YYYY-MM-DD, e.g. 2024-03-15`,
  );
}

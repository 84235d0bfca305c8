// Valid drafts for the three party types, used by the specs beside the validator. Every code below passes
// its check (built with computeUsccCheckChar / computeResidentIdCheckChar); tests override one field at a time.
import { PenaltyRecordDraft, PenaltyValidationResult, ValidPenaltyRecord } from '../penalty-record.types';
import { validatePenaltyRecord } from '../penalty-record.validation';

export const TODAY = '2024-06-30';
/** 9-1 企业 registered in 滁州 (341100). */
export const COMPANY_USCC = '91341100MA2N0001XW';
/** 9-2 个体工商户 registered in 琅琊区 (341102). */
export const SHOP_USCC = '92341102MA2N00028N';
/** Passes the main check, fails the embedded organization-code check, like an old pilot code. */
export const PILOT_USCC = '91341100MA2N000318';
/** 1-1 机关 in 滁州: a deciding authority. */
export const AUTHORITY_USCC = '113411000030000142';
/** 1-2 事业单位 in 滁州: a data-source unit. */
export const DATA_SOURCE_USCC = '12341100485000016F';
export const RESIDENT_ID = '11010519491231002X';

export function companyDraft(overrides: Partial<PenaltyRecordDraft> = {}): PenaltyRecordDraft {
  return {
    decisionNumber: '滁市监处罚〔2024〕12号',
    partyName: '滁州某某食品有限公司',
    partyType: 'LEGAL_ENTITY',
    uscc: COMPANY_USCC,
    legalRepresentative: '张三',
    violationType: '销售不符合食品安全标准的食品',
    violationFacts: '当事人于2024年3月销售超过保质期的食品。',
    legalBasis: '《中华人民共和国食品安全法》第一百二十四条',
    penaltyCategories: ['WARNING', 'FINE'],
    penaltyContent: '警告，罚款人民币5000元',
    fineAmount: '0.5',
    decisionDate: '2024-05-20',
    authorityName: '滁州市市场监督管理局',
    authorityUscc: AUTHORITY_USCC,
    ...overrides,
  };
}

export function personDraft(overrides: Partial<PenaltyRecordDraft> = {}): PenaltyRecordDraft {
  return companyDraft({
    partyName: '李四',
    partyType: 'NATURAL_PERSON',
    uscc: null,
    legalRepresentative: null,
    idType: 'RESIDENT_ID',
    idNumber: RESIDENT_ID,
    penaltyCategories: ['FINE'],
    penaltyContent: '罚款人民币200元',
    fineAmount: '0.02',
    ...overrides,
  });
}

export function shopDraft(overrides: Partial<PenaltyRecordDraft> = {}): PenaltyRecordDraft {
  return companyDraft({
    partyName: '琅琊区某某小吃店',
    partyType: 'INDIVIDUAL_BUSINESS',
    uscc: SHOP_USCC,
    legalRepresentative: '王五',
    ...overrides,
  });
}

export function validateDraft(draft: PenaltyRecordDraft): PenaltyValidationResult {
  return validatePenaltyRecord(draft, TODAY);
}

/** [field, code] of every error, in the order reported; [] when the draft passes. */
export function errorsOf(draft: PenaltyRecordDraft): [string, string][] {
  const result = validateDraft(draft);
  return result.ok ? [] : result.errors.map((e) => [e.field, e.code]);
}

/** The full error objects (with messages); [] when the draft passes. */
export function errorDetailsOf(draft: PenaltyRecordDraft) {
  const result = validateDraft(draft);
  return result.ok ? [] : result.errors;
}

export function recordOf(draft: PenaltyRecordDraft): ValidPenaltyRecord {
  const result = validateDraft(draft);
  if (!result.ok) throw new Error(`expected a valid draft, got ${JSON.stringify(result.errors)}`);
  return result.record;
}

export function toFullWidth(ascii: string): string {
  return ascii.replace(/[!-~]/g, (char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0));
}

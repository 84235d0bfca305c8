// Realistic penalty records for tests: valid by default, each override makes one point. The deciding authority
// is left out, so it is whichever department pushes the record.
import { buildResidentId, buildUscc } from '@credit/domain';

let sequence = 0;

export function companyUscc(region = '341102', n = ++sequence): string {
  return buildUscc('91', region, String(20_000_000 + n));
}

export function penaltyRecord(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const n = ++sequence;
  return {
    decisionNumber: `滁市监处罚〔2026〕${n}号`,
    partyName: `滁州市测试食品有限公司${n}`,
    partyType: 'LEGAL_ENTITY',
    uscc: companyUscc('341102', n),
    legalRepresentative: '王建国',
    violationType: '销售不符合食品安全标准的食品',
    violationFacts: '当事人在其经营场所销售超过保质期的食品，违反了《中华人民共和国食品安全法》第三十四条第（十）项的规定。',
    legalBasis: '《中华人民共和国食品安全法》第一百二十四条第一款',
    penaltyCategories: ['WARNING', 'FINE'],
    penaltyContent: '警告，罚款人民币贰万元整',
    fineAmount: '2',
    decisionDate: '2026-10-15',
    // No 处罚机关: the pushing department's own decision (a department publishes only as itself).
    ...overrides,
  };
}

export function naturalPersonRecord(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const base = penaltyRecord();
  delete base.uscc;
  delete base.legalRepresentative;
  return {
    ...base,
    partyName: '张三',
    partyType: 'NATURAL_PERSON',
    idType: 'RESIDENT_ID',
    idNumber: buildResidentId('341102', '19800101', String(100 + (sequence % 800))),
    ...overrides,
  };
}

export const SUBMIT = `mutation($records: [PenaltyRecordInput!]!) {
  submitPenaltyRecords(records: $records) {
    created updated unchanged rejected
    results { index decisionNumber status recordId errors { field code message } warnings { field code message } }
  }
}`;

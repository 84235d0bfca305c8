import { PenaltyRecordDraft, ValidPenaltyRecord } from './penalty-record.types';
import { canonicalPenaltyContent } from './penalty-record.canonical';
import { validatePenaltyRecord } from './penalty-record.validation';
import { AUTHORITY_USCC, COMPANY_USCC, companyDraft, TODAY } from './testing/penalty-draft.fixtures';

function canonical(draft: PenaltyRecordDraft): string {
  const result = validatePenaltyRecord(draft, TODAY);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return canonicalPenaltyContent(result.record);
}

describe('canonicalPenaltyContent', () => {
  it('serialises every content field with sorted keys, nulls and no subject', () => {
    expect(JSON.parse(canonical(companyDraft()))).toEqual({
      authorityName: '滁州市市场监督管理局',
      authorityUscc: AUTHORITY_USCC,
      confiscatedAmount: null,
      dataSourceName: null,
      dataSourceUscc: null,
      decisionDate: '2024-05-20',
      decisionNumber: '滁市监处罚〔2024〕12号',
      fineAmount: '0.5',
      idNumber: null,
      idType: null,
      legalBasis: '《中华人民共和国食品安全法》第一百二十四条',
      legalRepresentative: '张三',
      licenseInfo: null,
      partyName: '滁州某某食品有限公司',
      partyType: 'LEGAL_ENTITY',
      penaltyCategories: ['FINE', 'WARNING'],
      penaltyContent: '警告，罚款人民币5000元',
      publicUntil: null,
      registrationNumber: null,
      remarks: null,
      severity: 'GENERAL',
      severityDerived: true,
      uscc: COMPANY_USCC,
      validUntil: null,
      violationFacts: '当事人于2024年3月销售超过保质期的食品。',
      violationType: '销售不符合食品安全标准的食品',
    });
    const keys = Object.keys(JSON.parse(canonical(companyDraft())));
    expect(keys).toEqual([...keys].sort());
  });

  it('is the same for drafts that differ only in whitespace, category order, labels, case and amount spelling', () => {
    const messy = companyDraft({
      decisionNumber: '  滁市监处罚〔2024〕12号\u3000',
      partyName: '滁州某某食品有限公司 ',
      partyType: '法人及非法人组织',
      uscc: COMPANY_USCC.toLowerCase(),
      penaltyCategories: ['罚款', ' warning '],
      fineAmount: '0.500',
      confiscatedAmount: 0,
      violationFacts: '\u3000当事人于2024年3月销售超过保质期的食品。\r\n',
      remarks: '   ',
    });
    expect(canonical(messy)).toBe(canonical(companyDraft()));
  });

  it.each<[string, Partial<PenaltyRecordDraft>]>([
    ['the facts', { violationFacts: '当事人于2024年4月销售超过保质期的食品。' }],
    ['the fine', { fineAmount: '0.6' }],
    ['a category', { penaltyCategories: ['FINE'] }],
    ['the publication end date', { publicUntil: '2025-05-20' }],
    ['a stated instead of derived severity', { severity: 'MINOR' }],
    ['the remarks', { remarks: '已缴纳罚款' }],
  ])('changes when %s changes', (_case, overrides) => {
    expect(canonical(companyDraft(overrides))).not.toBe(canonical(companyDraft()));
  });

  it('ignores properties that are not content fields', () => {
    const result = validatePenaltyRecord(companyDraft(), TODAY);
    if (!result.ok) throw new Error('fixture must be valid');
    const withExtra = { ...result.record, id: 42, subject: { kind: 'REGISTRATION', registrationNumber: 'x' } };
    expect(canonicalPenaltyContent(withExtra as ValidPenaltyRecord)).toBe(canonicalPenaltyContent(result.record));
  });
});

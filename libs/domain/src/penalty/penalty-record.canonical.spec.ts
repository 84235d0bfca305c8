import { PenaltyRecordDraft, ValidPenaltyRecord } from './penalty-record.types';
import { canonicalPenaltyContent } from './penalty-record.canonical';
import { validatePenaltyRecord } from './penalty-record.validation';
import { AUTHORITY_USCC, COMPANY_USCC, companyDraft, personDraft, recordOf, shopDraft, TODAY } from './testing/penalty-draft.fixtures';

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

describe('canonicalPenaltyContent, put together piece by piece', () => {
  // The text stored hashes were computed from: JSON.stringify of an object with the sorted keys. Any byte of
  // difference would turn every re-push of an unchanged record into an UPDATED version.
  function asObjectJson(record: ValidPenaltyRecord): string {
    const omittedWhenUnset = new Set(['actDate', 'partyAdultConfirmed', 'publishMinor', 'notRepairable']);
    const content: Record<string, unknown> = {};
    for (const field of Object.keys(record).filter((key) => key !== 'subject').sort() as (keyof ValidPenaltyRecord)[]) {
      if (omittedWhenUnset.has(field) && (record[field] === null || record[field] === false)) continue;
      content[field] = field === 'penaltyCategories' ? [...record.penaltyCategories].sort() : (record[field] ?? null);
    }
    return JSON.stringify(content);
  }

  it.each<[string, PenaltyRecordDraft]>([
    ['a company', companyDraft()],
    ['a person', personDraft()],
    ['a shop', shopDraft()],
    ['quotes, backslashes, line breaks and astral characters', companyDraft({ violationFacts: '“引号”"quoted" \\ back\nslash 𠀀', remarks: 'tab\there' })],
    ['the later statements set', personDraft({ actDate: '2024-05-01', partyAdultConfirmed: true, publishMinor: true, notRepairable: true })],
    ['categories out of order', companyDraft({ penaltyCategories: ['WARNING', 'FINE'] })],
  ])('is the text JSON.stringify gives the object: %s', (_case, draft) => {
    const record = recordOf(draft);
    expect(canonicalPenaltyContent(record)).toBe(asObjectJson(record));
  });
});

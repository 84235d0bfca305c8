import { PenaltyCategory, PartyType, Severity } from './penalty.types';
import { validatePenaltyRecord } from './penalty-record.validation';
import {
  AUTHORITY_USCC,
  COMPANY_USCC,
  companyDraft,
  errorsOf,
  PILOT_USCC,
  recordOf,
  toFullWidth,
  validateDraft as validate,
} from './testing/penalty-draft.fixtures';

describe('validatePenaltyRecord: a valid organisation record', () => {
  it('returns the normalised record with derived severity and a USCC subject', () => {
    expect(validate(companyDraft())).toEqual({
      ok: true,
      warnings: [],
      record: {
        decisionNumber: '滁市监处罚〔2024〕12号',
        partyName: '滁州某某食品有限公司',
        partyType: PartyType.LEGAL_ENTITY,
        uscc: COMPANY_USCC,
        registrationNumber: null,
        legalRepresentative: '张三',
        idType: null,
        idNumber: null,
        violationType: '销售不符合食品安全标准的食品',
        violationFacts: '当事人于2024年3月销售超过保质期的食品。',
        legalBasis: '《中华人民共和国食品安全法》第一百二十四条',
        penaltyCategories: [PenaltyCategory.WARNING, PenaltyCategory.FINE],
        penaltyContent: '警告，罚款人民币5000元',
        fineAmount: '0.5',
        confiscatedAmount: null,
        licenseInfo: null,
        decisionDate: '2024-05-20',
        validUntil: null,
        publicUntil: null,
        authorityName: '滁州市市场监督管理局',
        authorityUscc: AUTHORITY_USCC,
        dataSourceName: null,
        dataSourceUscc: null,
        // 5,000 元 is above the 3,000 元 of 行政处罚法 art. 51 for an organisation: 一般, not 轻微
        severity: Severity.GENERAL,
        severityDerived: true,
        remarks: null,
        actDate: null,
        partyAdultConfirmed: false,
        publishMinor: false,
        notRepairable: false,
        subject: { kind: 'USCC', uscc: COMPANY_USCC, registrationAuthority: '9', category: '1', regionCode: '341100' },
      },
    });
  });
});

describe('normalisation', () => {
  it('trims, collapses full-width spaces, upper-cases codes and reads Chinese labels', () => {
    const record = recordOf(
      companyDraft({
        decisionNumber: '\u3000滁市监处罚〔2024〕12号 ',
        partyName: '滁州某某\u3000\u3000食品有限公司',
        partyType: '法人及非法人组织',
        uscc: ' 91341100ma2n0001xw ',
        penaltyCategories: [' 警告 ', '罚款'],
        fineAmount: ' 0.50 ',
        confiscatedAmount: '0',
        violationFacts: '  第一，销售过期食品；  \r\n\r\n\r\n第二，未建立台账。 ',
        authorityUscc: toFullWidth(AUTHORITY_USCC), // full-width digits from a spreadsheet
        severity: '一般',
      }),
    );
    expect(record).toMatchObject({
      decisionNumber: '滁市监处罚〔2024〕12号',
      partyName: '滁州某某 食品有限公司',
      partyType: PartyType.LEGAL_ENTITY,
      uscc: COMPANY_USCC,
      penaltyCategories: [PenaltyCategory.WARNING, PenaltyCategory.FINE],
      fineAmount: '0.5',
      confiscatedAmount: null,
      violationFacts: '第一，销售过期食品；\n\n第二，未建立台账。',
      authorityUscc: AUTHORITY_USCC,
      severity: Severity.GENERAL,
      severityDerived: false,
    });
  });

  it('accepts enum codes in any case and a number for an amount', () => {
    expect(recordOf(companyDraft({ partyType: 'legal_entity', penaltyCategories: ['fine'], fineAmount: 0.5 }))).toMatchObject({
      partyType: PartyType.LEGAL_ENTITY,
      penaltyCategories: [PenaltyCategory.FINE],
      fineAmount: '0.5',
    });
  });
});

describe('R0 NUL characters', () => {
  it.each(['partyName', 'violationFacts', 'remarks', 'uscc'] as const)('%s with U+0000 is INVALID_VALUE on that field', (field) => {
    const draft = companyDraft();
    expect(errorsOf(companyDraft({ [field]: `${draft[field] ?? '备注'}\u0000` }))).toContainEqual([field, 'INVALID_VALUE']);
  });
});

describe('R1 REQUIRED', () => {
  it.each([
    'decisionNumber', 'partyName', 'partyType', 'violationType', 'violationFacts', 'legalBasis', 'penaltyContent',
    'decisionDate', 'authorityName', 'authorityUscc',
  ] as const)('%s must be given', (field) => {
    expect(errorsOf(companyDraft({ [field]: null }))).toEqual([[field, 'REQUIRED']]);
    expect(errorsOf(companyDraft({ [field]: ' \u3000 ' }))).toEqual([[field, 'REQUIRED']]);
  });

  it('says which field is missing in Chinese and English', () => {
    const result = validate(companyDraft({ decisionNumber: '' }));
    expect(result.ok ? [] : result.errors).toEqual([
      { field: 'decisionNumber', code: 'REQUIRED', message: '行政处罚决定书文号不能为空（the decision number is required）' },
    ]);
  });

  it.each([[undefined], [null], [[]]])('penaltyCategories %p is missing', (categories) => {
    expect(errorsOf(companyDraft({ penaltyCategories: categories as string[] | null | undefined, fineAmount: null }))).toEqual([
      ['penaltyCategories', 'REQUIRED'],
    ]);
  });
});

describe('R2 TOO_LONG (characters, not bytes)', () => {
  it('accepts 128 Chinese characters in the decision number (384 bytes)', () => {
    expect(errorsOf(companyDraft({ decisionNumber: '罚'.repeat(128) }))).toEqual([]);
  });

  it('rejects 129 characters and says the numbers', () => {
    const result = validate(companyDraft({ decisionNumber: '罚'.repeat(129) }));
    expect(result.ok ? [] : result.errors).toEqual([
      {
        field: 'decisionNumber',
        code: 'TOO_LONG',
        message: '行政处罚决定书文号不能超过128个字符，当前为129个（the decision number may have at most 128 characters, it has 129）',
      },
    ]);
  });

  it('counts a character outside the BMP as one', () => {
    expect(errorsOf(companyDraft({ partyName: '𠀀'.repeat(200) }))).toEqual([]);
    expect(errorsOf(companyDraft({ partyName: '𠀀'.repeat(201) }))).toEqual([['partyName', 'TOO_LONG']]);
  });

  it.each([
    ['partyName', 200],
    ['violationType', 200],
    ['violationFacts', 4000],
    ['legalBasis', 2000],
    ['penaltyContent', 2000],
    ['licenseInfo', 500],
    ['authorityName', 200],
    ['remarks', 1000],
  ] as const)('%s allows %d characters', (field, max) => {
    expect(errorsOf(companyDraft({ [field]: '字'.repeat(max) }))).toEqual([]);
    expect(errorsOf(companyDraft({ [field]: '字'.repeat(max + 1) }))).toEqual([[field, 'TOO_LONG']]);
  });
});

describe('R3 INVALID_VALUE', () => {
  it('rejects an unknown party type without also demanding a USCC', () => {
    const result = validate(companyDraft({ partyType: '公司', uscc: null }));
    expect(result.ok ? [] : result.errors).toEqual([
      {
        field: 'partyType',
        code: 'INVALID_VALUE',
        message:
          '行政相对人类别“公司”不是可选值，可选：法人及非法人组织(LEGAL_ENTITY)、个体工商户(INDIVIDUAL_BUSINESS)、自然人(NATURAL_PERSON)（the party type "公司" is not one of the allowed values）',
      },
    ]);
  });

  it('names the position of an unknown penalty category', () => {
    expect(errorsOf(companyDraft({ penaltyCategories: ['警告', '罚金', 'FINE'] }))).toEqual([
      ['penaltyCategories[1]', 'INVALID_VALUE'],
    ]);
  });

  it('rejects an empty category item', () => {
    expect(errorsOf(companyDraft({ penaltyCategories: ['FINE', ' '] }))).toEqual([['penaltyCategories[1]', 'INVALID_VALUE']]);
  });

  it.each([
    ['severity', 'VERY_BAD'],
    ['idType', '驾驶证'],
  ] as const)('rejects an unknown %s', (field, value) => {
    const draft = field === 'idType' ? companyDraft({ idType: value, idNumber: 'A1234' }) : companyDraft({ [field]: value });
    expect(errorsOf(draft)).toEqual([[field, 'INVALID_VALUE']]);
  });
});

describe('R9 duplicate categories', () => {
  it('flags the later duplicate, also when one is written in Chinese', () => {
    const result = validate(companyDraft({ penaltyCategories: ['FINE', 'WARNING', '罚款'] }));
    expect(result.ok ? [] : result.errors).toEqual([
      {
        field: 'penaltyCategories[2]',
        code: 'INCONSISTENT',
        message: '处罚类别“罚款”重复，与第1项相同（penalty category FINE is listed twice (see item 1)）',
      },
    ]);
  });
});

describe('all errors at once', () => {
  it('reports every problem of the item in one pass, warnings included', () => {
    const result = validate({
      decisionNumber: '',
      partyName: '滁州某某公司',
      partyType: 'LEGAL_ENTITY',
      uscc: PILOT_USCC.slice(0, 17) + 'Z',
      idType: 'RESIDENT_ID',
      idNumber: '110105194912310021',
      violationType: '无证经营',
      violationFacts: '事实',
      legalBasis: '依据',
      penaltyCategories: ['FINE', '扣分', 'FINE'],
      penaltyContent: '罚款',
      fineAmount: '-5',
      decisionDate: '2024-07-01',
      validUntil: '2024-02-30',
      publicUntil: '2024-06-01',
      authorityName: '滁州市市场监督管理局',
      authorityUscc: PILOT_USCC,
      dataSourceUscc: 'ABC',
      severity: '很严重',
      remarks: '备'.repeat(1001),
    });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors.map((e) => [e.field, e.code])).toEqual([
      ['decisionNumber', 'REQUIRED'],
      ['remarks', 'TOO_LONG'],
      ['severity', 'INVALID_VALUE'],
      ['uscc', 'INVALID_USCC'],
      ['idNumber', 'INVALID_ID_NUMBER'],
      ['penaltyCategories[1]', 'INVALID_VALUE'],
      ['penaltyCategories[2]', 'INCONSISTENT'],
      ['fineAmount', 'INVALID_AMOUNT'],
      ['decisionDate', 'INCONSISTENT'],
      ['validUntil', 'INVALID_DATE'],
      ['publicUntil', 'INCONSISTENT'],
      ['dataSourceUscc', 'INVALID_USCC'],
    ]);
    expect(result.warnings.map((w) => [w.field, w.code])).toEqual([['authorityUscc', 'ORG_CODE_CHECK_MISMATCH']]);
  });

  it('writes every message as Chinese followed by English in brackets', () => {
    const result = validate({ penaltyCategories: ['X'], fineAmount: 'x', decisionDate: 'x', uscc: 'x', idNumber: 'x' });
    const messages = result.ok ? [] : result.errors.map((e) => e.message);
    expect(messages.length).toBeGreaterThan(10);
    for (const message of messages) expect(message).toMatch(/^[^（]*[\u4e00-\u9fff][^]*（[ -~万元“”]+）$/);
  });

  it('refuses a malformed today, which is a caller bug rather than bad input', () => {
    expect(() => validatePenaltyRecord(companyDraft(), '30/06/2024')).toThrow(RangeError);
  });
});

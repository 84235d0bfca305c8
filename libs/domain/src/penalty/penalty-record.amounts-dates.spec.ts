// Amount, date, authority and severity rules of validatePenaltyRecord (R5 for the authorities, R10–R13).
import { computeOrgCodeCheckChar, computeUsccCheckChar } from '../identifiers/uscc';
import { computeResidentIdCheckChar } from '../identifiers/resident-id';
import { Severity } from './penalty.types';
import {
  companyDraft,
  DATA_SOURCE_USCC,
  errorsOf,
  personDraft,
  PILOT_USCC,
  recordOf,
  TODAY,
  validateDraft as validate,
} from './testing/penalty-draft.fixtures';

describe('R10/R11 amounts and FINE', () => {
  it.each([
    ['-1', 'fineAmount'],
    ['1e3', 'fineAmount'],
    ['1.0000001', 'fineAmount'],
    ['5000元', 'fineAmount'],
  ])('rejects fineAmount %p as INVALID_AMOUNT', (fineAmount, field) => {
    expect(errorsOf(companyDraft({ fineAmount }))).toEqual([[field, 'INVALID_AMOUNT']]);
  });

  it('names the amount field in the message', () => {
    const result = validate(companyDraft({ confiscatedAmount: '-3' }));
    expect(result.ok ? [] : result.errors).toEqual([
      {
        field: 'confiscatedAmount',
        code: 'INVALID_AMOUNT',
        message: '没收违法所得、没收非法财物的金额不能为负数（the confiscated amount must not be negative）',
      },
    ]);
  });

  it.each([[null], [''], ['0'], [0]])('FINE with fineAmount %p is INCONSISTENT', (fineAmount) => {
    expect(errorsOf(companyDraft({ fineAmount }))).toEqual([['fineAmount', 'INCONSISTENT']]);
  });

  it('a fine amount without FINE is INCONSISTENT', () => {
    expect(errorsOf(companyDraft({ penaltyCategories: ['WARNING'], fineAmount: '0.5' }))).toEqual([
      ['fineAmount', 'INCONSISTENT'],
    ]);
  });

  it('a zero fine without FINE is read as no fine', () => {
    expect(recordOf(companyDraft({ penaltyCategories: ['WARNING'], fineAmount: '0' })).fineAmount).toBeNull();
  });

  it('does not guess about FINE when a category is unreadable', () => {
    expect(errorsOf(companyDraft({ penaltyCategories: ['罚 款?'], fineAmount: '0.5' }))).toEqual([
      ['penaltyCategories[0]', 'INVALID_VALUE'],
    ]);
  });

  it('keeps an exact confiscated amount', () => {
    const record = recordOf(companyDraft({ penaltyCategories: ['FINE', '没收违法所得'], fineAmount: '2', confiscatedAmount: '0.123456' }));
    expect([record.fineAmount, record.confiscatedAmount]).toEqual(['2', '0.123456']);
  });
});

describe('R12 dates', () => {
  it.each([
    ['decisionDate', '2024/05/20'],
    ['decisionDate', '2024-02-30'],
    ['decisionDate', '20240520'],
    ['validUntil', '2025-13-01'],
    ['publicUntil', 'next year'],
  ] as const)('%s %p is INVALID_DATE', (field, value) => {
    expect(errorsOf(companyDraft({ [field]: value }))).toEqual([[field, 'INVALID_DATE']]);
  });

  it('accepts a decision taken today and rejects one dated tomorrow', () => {
    expect(errorsOf(companyDraft({ decisionDate: TODAY }))).toEqual([]);
    const result = validate(companyDraft({ decisionDate: '2024-07-01' }));
    expect(result.ok ? [] : result.errors).toEqual([
      {
        field: 'decisionDate',
        code: 'INCONSISTENT',
        message: '处罚决定日期2024-07-01晚于今天2024-06-30（the decision date 2024-07-01 is after today, 2024-06-30）',
      },
    ]);
  });

  it.each(['validUntil', 'publicUntil'] as const)('%s may equal but not precede the decision date', (field) => {
    expect(errorsOf(companyDraft({ [field]: '2024-05-20' }))).toEqual([]);
    expect(recordOf(companyDraft({ [field]: '2025-05-20' }))[field]).toBe('2025-05-20');
    expect(errorsOf(companyDraft({ [field]: '2024-05-19' }))).toEqual([[field, 'INCONSISTENT']]);
  });

  it('does not compare against a decision date it could not read', () => {
    expect(errorsOf(companyDraft({ decisionDate: '2024-5-20', validUntil: '2000-01-01' }))).toEqual([
      ['decisionDate', 'INVALID_DATE'],
    ]);
  });
});

describe('R5 authority and data-source USCCs', () => {
  it('checks the authority USCC and names it', () => {
    const result = validate(companyDraft({ authorityUscc: '113411000030000143' }));
    expect(result.ok ? [] : result.errors).toEqual([
      {
        field: 'authorityUscc',
        code: 'INVALID_USCC',
        message: "处罚机关统一社会信用代码第18位校验位错误（position 18 of the deciding authority's USCC, the check character, is wrong）",
      },
    ]);
  });

  it('checks the data-source USCC when given and keeps it', () => {
    expect(errorsOf(companyDraft({ dataSourceUscc: '12341100485000016' }))).toEqual([['dataSourceUscc', 'INVALID_USCC']]);
    expect(recordOf(companyDraft({ dataSourceName: '滁州市信用办', dataSourceUscc: DATA_SOURCE_USCC }))).toMatchObject({
      dataSourceName: '滁州市信用办',
      dataSourceUscc: DATA_SOURCE_USCC,
    });
  });

  it('only warns about a pilot authority code', () => {
    const result = validate(companyDraft({ authorityUscc: PILOT_USCC }));
    expect(result.ok).toBe(true);
    expect(result.warnings.map((w) => [w.field, w.code])).toEqual([['authorityUscc', 'ORG_CODE_CHECK_MISMATCH']]);
  });
});

describe('R13 severity', () => {
  it.each([
    ['严重', Severity.SERIOUS],
    ['serious', Severity.SERIOUS],
    ['MINOR', Severity.MINOR],
  ])('keeps the stated severity %p', (severity, expected) => {
    expect(recordOf(companyDraft({ severity }))).toMatchObject({ severity: expected, severityDerived: false });
  });

  it('derives SERIOUS for a revoked licence when omitted', () => {
    const record = recordOf(
      companyDraft({ penaltyCategories: ['吊销许可证件'], fineAmount: null, licenseInfo: '食品经营许可证 JY13411000000001' }),
    );
    expect(record).toMatchObject({ severity: Severity.SERIOUS, severityDerived: true, licenseInfo: '食品经营许可证 JY13411000000001' });
  });

  it('derives SERIOUS for a natural person fined 5 万元', () => {
    expect(recordOf(personDraft({ fineAmount: '5' })).severity).toBe(Severity.SERIOUS);
  });
});

describe('R12 date bounds (1949-10-01 … today) and the date of the act', () => {
  it.each<[string, string, string | null]>([
    ['1899-12-31 (made the publication rules throw downstream)', '1899-12-31', 'INCONSISTENT'],
    ['1949-09-30', '1949-09-30', 'INCONSISTENT'],
    ['1949-10-01', '1949-10-01', null],
    ['today', TODAY, null],
    ['tomorrow', '2024-07-01', 'INCONSISTENT'],
  ])('decision date %s', (_case, decisionDate, code) => {
    expect(errorsOf(companyDraft({ decisionDate }))).toEqual(code ? [['decisionDate', code]] : []);
  });

  it('names the lower bound in Chinese without English field names', () => {
    const result = validate(companyDraft({ decisionDate: '1899-12-31' }));
    const message = result.ok ? '' : result.errors[0].message;
    expect(message.split('（')[0]).toBe('处罚决定日期1899-12-31早于1949-10-01');
  });

  it.each<[string, string, string | null]>([
    ['before the decision', '2024-03-01', null],
    ['on the decision date', '2024-05-20', null],
    ['after the decision', '2024-05-21', 'INCONSISTENT'],
    ['not a date', '2024-02-30', 'INVALID_DATE'],
  ])('actDate %s', (_case, actDate, code) => {
    expect(errorsOf(companyDraft({ decisionDate: '2024-05-20', actDate }))).toEqual(code ? [['actDate', code]] : []);
  });

  it('carries the department statements onto the record, false when absent', () => {
    expect(recordOf(companyDraft({ actDate: '2024-03-01', publishMinor: true, notRepairable: true }))).toMatchObject({
      actDate: '2024-03-01',
      publishMinor: true,
      notRepairable: true,
      partyAdultConfirmed: false,
    });
  });
});

describe('resident ID birth date and region (warnings)', () => {
  it('rejects a birth date after today', () => {
    // Born 2024-07-01, the day after TODAY; the check character is computed so only the date can fail.
    const id = residentId('34110220240701123');
    expect(errorsOf(personDraft({ idNumber: id }))).toEqual([['idNumber', 'INVALID_ID_NUMBER']]);
  });

  it('warns about a region code outside the shipped GB/T 2260 table, never echoing the number', () => {
    const id = residentId('99010119800101123');
    const result = validate(personDraft({ idNumber: id }));
    expect(result.ok).toBe(true);
    expect(result.warnings.map((w) => [w.field, w.code])).toEqual([['idNumber', 'UNKNOWN_REGION_CODE']]);
    expect(JSON.stringify(result.warnings)).not.toContain(id);
  });

  it('warns about a USCC region outside the table', () => {
    const uscc = computeUscc('9199000071177114');
    const result = validate(companyDraft({ uscc }));
    expect(result.ok && result.warnings.map((w) => [w.field, w.code])).toEqual([['uscc', 'UNKNOWN_REGION_CODE']]);
  });
});

function residentId(first17: string): string {
  return first17 + computeResidentIdCheckChar(first17);
}

/** 16 characters + a valid org-code check + the USCC check. */
function computeUscc(first16: string): string {
  const org = first16.slice(8) + computeOrgCodeCheckChar(first16.slice(8));
  const first17 = first16.slice(0, 8) + org;
  return first17 + computeUsccCheckChar(first17);
}

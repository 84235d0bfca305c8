// Party rules of validatePenaltyRecord: R4 (USCC required / forbidden), R5 (USCC check), R6 (9-2 category),
// R7 (sentinel), R8 (ID numbers).
import { IdType, PartyType } from './penalty.types';
import { PenaltyRecordDraft } from './penalty-record.types';
import {
  COMPANY_USCC,
  companyDraft,
  errorsOf,
  personDraft,
  PILOT_USCC,
  RESIDENT_ID,
  SHOP_USCC,
  shopDraft,
  validateDraft as validate,
} from './testing/penalty-draft.fixtures';

function messagesOf(draft: PenaltyRecordDraft): string[] {
  const result = validate(draft);
  return result.ok ? [] : result.errors.map((e) => e.message);
}

describe('R4/R5 party USCC', () => {
  it.each([
    ['an organisation', companyDraft],
    ['an individual business', shopDraft],
  ])('is required for %s', (_case, draft) => {
    expect(messagesOf(draft({ uscc: ' ' }))).toEqual([
      '法人及非法人组织和个体工商户，统一社会信用代码不能为空（the USCC is required for organisations and individual businesses）',
    ]);
  });

  it('must not be given for a natural person', () => {
    expect(errorsOf(personDraft({ uscc: COMPANY_USCC }))).toEqual([['uscc', 'INCONSISTENT']]);
  });

  it.each([
    ['wrong check character', '91341100MA2N0001XA', '统一社会信用代码第18位校验位错误（position 18 of the USCC, the check character, is wrong）'],
    ['excluded letter', '91341100MA2N0001IW', '统一社会信用代码含有非法字符，只能由数字和除I、O、S、V、Z以外的大写字母组成（the USCC may only contain digits and the letters A-Z except I, O, S, V and Z）'],
    ['wrong length', '91341100MA2N0001X', '统一社会信用代码应为18位（the USCC must be 18 characters long）'],
  ])('rejects a %s', (_case, uscc, message) => {
    const result = validate(companyDraft({ uscc }));
    expect(result.ok ? [] : result.errors).toEqual([{ field: 'uscc', code: 'INVALID_USCC', message }]);
  });

  it('accepts a pilot code with a warning only', () => {
    const result = validate(companyDraft({ uscc: PILOT_USCC }));
    expect(result).toMatchObject({ ok: true, record: { uscc: PILOT_USCC } });
    expect(result.warnings).toEqual([
      {
        field: 'uscc',
        code: 'ORG_CODE_CHECK_MISMATCH',
        message:
          '统一社会信用代码中的组织机构代码校验位不符，可能是早期试点代码，已接受，请核实（the organization code inside the USCC fails its own check, as old pilot codes do; accepted, please verify）',
      },
    ]);
  });

  it('ignores spaces a clerk typed inside the code', () => {
    expect(errorsOf(companyDraft({ uscc: '9134 1100 MA2N 0001 XW' }))).toEqual([]);
  });
});

describe('R6 party type against USCC category', () => {
  it('accepts an individual business with a 9-2 code and keys it by USCC', () => {
    const result = validate(shopDraft());
    expect(result).toMatchObject({
      ok: true,
      record: {
        partyType: PartyType.INDIVIDUAL_BUSINESS,
        uscc: SHOP_USCC,
        subject: { kind: 'USCC', uscc: SHOP_USCC, registrationAuthority: '9', category: '2', regionCode: '341102' },
      },
    });
  });

  it('rejects an individual business with a company code', () => {
    expect(errorsOf(shopDraft({ uscc: COMPANY_USCC }))).toEqual([['uscc', 'INCONSISTENT']]);
  });

  it('rejects a legal entity with an individual-business code', () => {
    expect(errorsOf(companyDraft({ uscc: SHOP_USCC }))).toEqual([['uscc', 'INCONSISTENT']]);
  });
});

describe('R7 the sentinel 00000000000000000X', () => {
  it('is accepted for an individual business with a registration number, which becomes the key', () => {
    const result = validate(shopDraft({ uscc: '00000000000000000x', registrationNumber: ' 341102600123456 ' }));
    expect(result).toMatchObject({
      ok: true,
      warnings: [],
      record: {
        uscc: null,
        registrationNumber: '341102600123456',
        subject: { kind: 'REGISTRATION', registrationNumber: '341102600123456' },
      },
    });
  });

  it('needs the registration number', () => {
    expect(messagesOf(shopDraft({ uscc: '00000000000000000X' }))).toEqual([
      '统一社会信用代码为00000000000000000X时，工商注册号或其他登记证号不能为空（the registration number is required when the USCC is the placeholder 00000000000000000X）',
    ]);
  });

  it('is refused for a legal entity', () => {
    expect(errorsOf(companyDraft({ uscc: '00000000000000000X', registrationNumber: '341100000012345' }))).toEqual([
      ['uscc', 'INCONSISTENT'],
    ]);
  });

  it('is refused for a natural person like any USCC', () => {
    expect(errorsOf(personDraft({ uscc: '00000000000000000X' }))).toEqual([['uscc', 'INCONSISTENT']]);
  });

  it('is never a valid deciding-authority code', () => {
    expect(errorsOf(companyDraft({ authorityUscc: '00000000000000000X' }))).toEqual([['authorityUscc', 'INVALID_USCC']]);
  });
});

describe('R8 natural persons and ID numbers', () => {
  it('keys a natural person by ID type and upper-cased number', () => {
    const result = validate(personDraft({ idType: '居民身份证', idNumber: '11010519491231002x' }));
    expect(result).toMatchObject({
      ok: true,
      record: {
        partyType: PartyType.NATURAL_PERSON,
        uscc: null,
        idType: IdType.RESIDENT_ID,
        idNumber: RESIDENT_ID,
        subject: { kind: 'PERSON', idType: IdType.RESIDENT_ID, idNumber: RESIDENT_ID },
      },
    });
  });

  it('needs both ID type and number', () => {
    expect(errorsOf(personDraft({ idType: null, idNumber: null }))).toEqual([
      ['idType', 'REQUIRED'],
      ['idNumber', 'REQUIRED'],
    ]);
  });

  it('rejects a resident ID with a wrong check character without echoing it', () => {
    const result = validate(personDraft({ idNumber: '110105194912310021' }));
    expect(result.ok ? [] : result.errors).toEqual([
      {
        field: 'idNumber',
        code: 'INVALID_ID_NUMBER',
        message: '居民身份证号码校验位错误（the resident ID number check character is wrong）',
      },
    ]);
  });

  it('rejects a resident ID with an impossible birth date', () => {
    expect(errorsOf(personDraft({ idNumber: '110105194902300021' }))).toEqual([['idNumber', 'INVALID_ID_NUMBER']]);
  });

  it('does not apply the resident-ID check to a passport', () => {
    const record = validate(personDraft({ idType: '护照', idNumber: 'e12345678' }));
    expect(record).toMatchObject({ ok: true, record: { subject: { kind: 'PERSON', idType: IdType.PASSPORT, idNumber: 'E12345678' } } });
  });

  it("checks a legal representative's resident ID when given", () => {
    expect(errorsOf(companyDraft({ idType: 'RESIDENT_ID', idNumber: '110105194912310021' }))).toEqual([
      ['idNumber', 'INVALID_ID_NUMBER'],
    ]);
    expect(validate(companyDraft({ idType: 'RESIDENT_ID', idNumber: RESIDENT_ID }))).toMatchObject({
      ok: true,
      record: { idType: IdType.RESIDENT_ID, idNumber: RESIDENT_ID, subject: { kind: 'USCC', uscc: COMPANY_USCC } },
    });
  });

  it.each([
    [{ idNumber: RESIDENT_ID }, 'idType'],
    [{ idType: 'RESIDENT_ID' }, 'idNumber'],
  ])('asks an organisation for the other half of %p', (overrides, missing) => {
    expect(errorsOf(companyDraft(overrides))).toEqual([[missing, 'REQUIRED']]);
  });
});

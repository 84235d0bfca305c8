import { computeResidentIdCheckChar, isMinorOn, parseResidentId } from './resident-id';

describe('parseResidentId', () => {
  it('accepts the GB 11643 example and reads it', () => {
    expect(parseResidentId('11010519491231002X')).toEqual({
      valid: true,
      idNumber: '11010519491231002X',
      regionCode: '110105',
      birthDate: '1949-12-31',
      sex: 'FEMALE',
    });
  });

  it('normalises a lower-case x and blanks', () => {
    expect(parseResidentId(' 11010519491231002x ')).toMatchObject({ valid: true, idNumber: '11010519491231002X' });
  });

  it('reads an odd sequence digit as male', () => {
    expect(parseResidentId('341102199001011237')).toMatchObject({ valid: true, sex: 'MALE', birthDate: '1990-01-01' });
  });

  it.each([
    ['wrong check character', '110105194912310021', 'CHECK'],
    ['17 characters', '11010519491231002', 'FORMAT'],
    ['a letter inside', '1101051949123100AX', 'FORMAT'],
    ['X not at the end', 'X10105194912310021', 'FORMAT'],
    ['15-digit first-generation number', '110105491231002', 'FORMAT'],
    ['30 February', '110105194902300021', 'BIRTH_DATE'],
    ['month 13', '110105194913010021', 'BIRTH_DATE'],
    ['born in 1899', '110105189912310021', 'BIRTH_DATE'],
  ])('rejects %s', (_case, id, reason) => {
    expect(parseResidentId(id)).toMatchObject({ valid: false, errorCode: 'INVALID_ID_NUMBER', reason });
  });

  it('explains a wrong check character in Chinese and English', () => {
    expect(parseResidentId('110105194912310021')).toMatchObject({
      message: '居民身份证号码校验位错误（the resident ID number check character is wrong）',
    });
  });

  it('computes the MOD 11-2 check character', () => {
    expect(computeResidentIdCheckChar('11010519491231002')).toBe('X');
    expect(computeResidentIdCheckChar('34110220080510001')).toBe('1');
  });
});

describe('isMinorOn', () => {
  it.each([
    ['2008-05-10', '2026-05-09', true, 'the day before the 18th birthday'],
    ['2008-05-10', '2026-05-10', true, 'on the 18th birthday (age counts from the day after)'],
    ['2008-05-10', '2026-05-11', false, 'the day after the 18th birthday'],
    ['2008-02-29', '2026-02-28', true, 'a leap-day birth on its short-year anniversary'],
    ['2008-02-29', '2026-03-01', false, 'a leap-day birth the day after'],
    ['1949-12-31', '2024-01-01', false, 'an adult'],
    ['2020-01-01', '2024-01-01', true, 'a small child'],
  ])('born %s, on %s → %s (%s)', (birth, on, expected) => {
    expect(isMinorOn(birth, on)).toBe(expected);
  });
});

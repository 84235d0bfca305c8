import {
  amountToMicroUnits,
  compareAmounts,
  describeAmountFailure,
  microUnitsToAmount,
  parseAmount,
  sumAmounts,
} from './decimal-amount';

describe('parseAmount', () => {
  it.each<[string | number, string]>([
    ['12.50', '12.5'],
    ['0.000001', '0.000001'],
    [' 3 ', '3'],
    ['007', '7'],
    ['0', '0'],
    ['0.000', '0'],
    ['00.100', '0.1'],
    ['1.0000000', '1'], // zeros beyond the 6th decimal change nothing
    ['999999999999.999999', '999999999999.999999'],
    [12.5, '12.5'],
    [0.1, '0.1'],
    [100, '100'],
    [-0, '0'],
  ])('reads %p as %s', (raw, canonical) => {
    expect(parseAmount(raw)).toEqual({ ok: true, amount: canonical });
  });

  it.each([null, undefined, '', '   '])('treats %p as not given', (raw) => {
    expect(parseAmount(raw)).toEqual({ ok: true, amount: null });
  });

  it.each<[string | number, string]>([
    ['1e3', 'NOT_A_NUMBER'],
    ['1,000', 'NOT_A_NUMBER'],
    ['12.5万元', 'NOT_A_NUMBER'],
    ['.5', 'NOT_A_NUMBER'],
    ['abc', 'NOT_A_NUMBER'],
    [Number.NaN, 'NOT_A_NUMBER'],
    [Number.POSITIVE_INFINITY, 'NOT_A_NUMBER'],
    [1e21, 'NOT_A_NUMBER'], // its shortest string is 1e+21
    [1e-7, 'NOT_A_NUMBER'], // its shortest string is 1e-7
    ['-1', 'NEGATIVE'],
    [-0.5, 'NEGATIVE'],
    ['1.0000001', 'TOO_PRECISE'],
    ['0.0000005', 'TOO_PRECISE'],
    ['1000000000000', 'TOO_LARGE'],
  ])('rejects %p (%s)', (raw, reason) => {
    expect(parseAmount(raw)).toMatchObject({ ok: false, errorCode: 'INVALID_AMOUNT', reason });
  });

  it('explains a negative amount in Chinese and English', () => {
    expect(parseAmount('-1')).toMatchObject({ message: '金额不能为负数（the amount must not be negative）' });
  });

  it('names the field when asked', () => {
    expect(describeAmountFailure('TOO_PRECISE', { zh: '罚款金额', en: 'the fine amount' })).toBe(
      '罚款金额最多保留6位小数，以万元计即精确到分（the fine amount may have at most 6 decimal places in 万元, i.e. one fen）',
    );
  });
});

describe('exact arithmetic', () => {
  it.each([
    ['12.5', 12_500_000n],
    ['0.000001', 1n],
    ['0', 0n],
    ['999999999999.999999', 999_999_999_999_999_999n],
  ])('amountToMicroUnits(%s) = %p', (amount, micro) => {
    expect(amountToMicroUnits(amount)).toBe(micro);
    expect(microUnitsToAmount(micro)).toBe(amount);
  });

  it('refuses a non-amount', () => {
    expect(() => amountToMicroUnits('-1')).toThrow(RangeError);
    expect(() => microUnitsToAmount(-1n)).toThrow(RangeError);
  });

  it.each([
    ['1', '2', -1],
    ['2', '1', 1],
    ['0.1', '0.10', 0],
    ['100', '99.999999', 1],
    ['0.3', '0.299999', 1],
  ])('compareAmounts(%s, %s) has the sign of %d', (a, b, sign) => {
    expect(Math.sign(compareAmounts(a, b))).toBe(sign);
  });

  it('adds without float error (0.1 + 0.2 is exactly 0.3)', () => {
    expect(sumAmounts('0.1', '0.2')).toBe('0.3');
    expect(sumAmounts('99.999999', '0.000001', null, undefined)).toBe('100');
    expect(sumAmounts()).toBe('0');
  });
});

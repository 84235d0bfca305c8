import { addAmounts, compareAmounts, formatAmount, parseAmount, sumAmounts } from './tier-amount.util';

describe('exact 万元 amounts', () => {
  it.each([
    ['0.7', '0.3', '1'],
    ['0.1', '0.2', '0.3'],
    ['12.50', '7.5', '20'],
    ['0.000001', '0.999999', '1'],
    ['123456789012345678.5', '0.5', '123456789012345679'],
  ])('%s + %s = %s', (a, b, sum) => {
    expect(formatAmount(addAmounts(parseAmount(a), parseAmount(b)))).toBe(sum);
  });

  it.each([
    ['1', '0.999999', 1],
    ['1', '1.000000', 0],
    ['10', '9.9999999', 1],
    ['0', '0.000001', -1],
  ])('compare %s with %s → %i', (a, b, sign) => {
    expect(compareAmounts(parseAmount(a), parseAmount(b))).toBe(sign);
  });

  it('sums nullable amounts, null counting as nothing', () => {
    expect(formatAmount(sumAmounts([null, null]))).toBe('0');
    expect(formatAmount(sumAmounts(['3.25', null]))).toBe('3.25');
  });

  it.each(['-1', '+1', '1e3', '1,000', '', '.5', '5.', ' 1', '一'])('rejects %j', (value) => {
    expect(() => parseAmount(value)).toThrow(`not a non-negative decimal amount in 万元: "${value}"`);
  });
});

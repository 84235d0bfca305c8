import { isRegionWithin, REGION_NAMES } from '@credit/domain';
import { regionLikePrefix } from './region-prefix.util';

describe('regionLikePrefix', () => {
  it.each([
    ['341102', '341102'],
    ['341100', '3411'],
    ['340000', '34'],
    ['100000', null],
  ])('%s → %s', (code, prefix) => {
    expect(regionLikePrefix(code)).toBe(prefix);
  });

  it('agrees with isRegionWithin on every shipped division pair', () => {
    const codes = Object.keys(REGION_NAMES);
    for (const ancestor of codes) {
      const prefix = regionLikePrefix(ancestor) ?? '';
      for (const code of codes) expect([code, ancestor, code.startsWith(prefix)]).toEqual([code, ancestor, isRegionWithin(code, ancestor)]);
    }
  });

  it('refuses what is not a six-digit code', () => {
    expect(() => regionLikePrefix('3411')).toThrow(RangeError);
  });
});

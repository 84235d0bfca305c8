import { isRegionWithin, regionName, regionSubtreePrefix } from './regions';

describe('regionName', () => {
  it.each([
    ['341100', '滁州市'],
    ['341102', '琅琊区'],
    ['341103', '南谯区'],
    ['341122', '来安县'],
    ['341124', '全椒县'],
    ['341125', '定远县'],
    ['341126', '凤阳县'],
    ['341181', '天长市'],
    ['341182', '明光市'],
    ['340000', '安徽省'],
    ['100000', '全国'],
  ])('names %s as %s', (code, name) => {
    expect(regionName(code)).toBe(name);
  });

  it.each(['341101', '440300', '', 'abcdef'])('has no name for %p', (code) => {
    expect(regionName(code)).toBeNull();
  });
});

describe('isRegionWithin', () => {
  it.each([
    ['341102', '341100', true, 'a district within its city'],
    ['341102', '340000', true, 'a district within its province'],
    ['341181', '341100', true, 'a county-level city within its city'],
    ['341100', '340000', true, 'a city within its province'],
    ['341102', '100000', true, 'anything within 全国'],
    ['341102', '341102', true, 'a division within itself'],
    ['341100', '341102', false, 'a city is not within its district'],
    ['341102', '341200', false, 'a district of 滁州 is not within 阜阳'],
    ['440300', '340000', false, 'another province'],
    ['3411', '341100', false, 'not a 6-digit code'],
  ])('%s within %s → %s (%s)', (code, ancestor, expected) => {
    expect(isRegionWithin(code, ancestor)).toBe(expected);
  });
});

describe('regionSubtreePrefix', () => {
  it.each([
    ['341102', '341102'],
    ['341100', '3411'],
    ['340000', '34'],
    ['100000', null],
  ])('%s → %s', (code, prefix) => {
    expect(regionSubtreePrefix(code)).toBe(prefix);
  });
});

import type { Principal } from './principal';
import { confineRegion, isWithinRegionScope, regionScopeOf, regionScopePrefixOf } from './region-scope';

const regulator = (regionCode: string | null): Principal => ({ kind: 'USER', userId: '1', username: 'r', role: 'REGULATOR', regionCode });
const admin: Principal = { kind: 'USER', userId: '2', username: 'a', role: 'ADMIN', regionCode: '341102' };
const department: Principal = { kind: 'DEPARTMENT', departmentId: '3', departmentCode: 'D', departmentName: 'D', regionCode: '341102', apiKeyId: '4' };

describe('regionScopeOf / regionScopePrefixOf', () => {
  it.each([
    ['regulator of 341100', regulator('341100'), '341100', '3411'],
    ['regulator of 341102', regulator('341102'), '341102', '341102'],
    ['regulator of 340000', regulator('340000'), '340000', '34'],
    ['national regulator (100000)', regulator('100000'), null, null],
    ['regulator without a region', regulator(null), null, null],
    ['admin (region ignored)', admin, null, null],
    ['department (bounded by ownership, not region)', department, null, null],
    ['anonymous', null, null, null],
  ])('%s', (_, principal, scope, prefix) => {
    expect(regionScopeOf(principal)).toBe(scope);
    expect(regionScopePrefixOf(principal)).toBe(prefix);
  });
});

describe('isWithinRegionScope', () => {
  it.each([
    [regulator('341100'), '341181', true],
    [regulator('341100'), '341100', true],
    [regulator('341100'), '340000', false],
    [regulator('341100'), '110101', false],
    [regulator('341100'), null, false],
    [regulator('341181'), '341102', false],
    [regulator('100000'), '110101', true],
    [regulator('100000'), null, true],
    [admin, '110101', true],
  ])('%j sees %s: %s', (principal, code, expected) => {
    expect(isWithinRegionScope(principal, code)).toBe(expected);
  });
});

describe('confineRegion (request ∩ caller scope)', () => {
  it.each([
    [null, null, null],
    ['341100', null, '341100'],
    [null, '341102', '341102'],
    ['341100', '341102', '341102'],
    ['341102', '341100', '341102'],
    ['341102', '341102', '341102'],
    ['100000', '341102', '341102'],
    ['341100', '100000', '341100'],
    ['341126', '341102', undefined],
    ['341100', '110000', undefined],
  ])('requested %s, regulator of %s → %s', (requested, scope, expected) => {
    expect(confineRegion(regulator(scope), requested)).toBe(expected);
  });

  it('leaves callers without a region scope where they asked', () => {
    expect(confineRegion(admin, '110000')).toBe('110000');
    expect(confineRegion(department, null)).toBeNull();
  });
});

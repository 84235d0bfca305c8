// GB/T 2260 行政区划代码 that the platform ships names for (the pilot city 滁州 and its divisions). Codes
// outside this table are still valid inputs; they just have no display name yet.

export const NATIONAL_REGION_CODE = '100000';

export const REGION_NAMES: Readonly<Record<string, string>> = {
  [NATIONAL_REGION_CODE]: '全国',
  '340000': '安徽省',
  '341100': '滁州市',
  '341102': '琅琊区',
  '341103': '南谯区',
  '341122': '来安县',
  '341124': '全椒县',
  '341125': '定远县',
  '341126': '凤阳县',
  '341181': '天长市',
  '341182': '明光市',
};

const REGION_CODE = /^\d{6}$/;

export function isRegionCode(code: string): boolean {
  return REGION_CODE.test(code);
}

/** The shipped name for a division, or null when the platform has none. */
export function regionName(code: string): string | null {
  return REGION_NAMES[code] ?? null;
}

/**
 * True when `code` lies inside `ancestorCode` (a division is within itself). GB/T 2260 codes are
 * province(2) + city(2) + county(2) with trailing "00" pairs for the higher levels, so 341102 is within 341100
 * and 340000 because it starts with their non-zero part ("3411", "34"). 100000 (全国) contains every division.
 */
export function isRegionWithin(code: string, ancestorCode: string): boolean {
  if (!isRegionCode(code) || !isRegionCode(ancestorCode)) return false;
  return code.startsWith(regionSubtreePrefix(ancestorCode) ?? '');
}

/**
 * The code prefix shared by a region and everything under it: trailing "00" pairs name the higher level
 * (341100 滁州市 → "3411", 340000 → "34"); null for the whole country (100000), which has no prefix.
 * The one rule behind every region filter (LIKE 'prefix%', index keys, isRegionWithin).
 */
export function regionSubtreePrefix(code: string): string | null {
  if (code === NATIONAL_REGION_CODE) return null;
  let prefix = code;
  while (prefix.length > 2 && prefix.endsWith('00')) prefix = prefix.slice(0, -2);
  return prefix;
}

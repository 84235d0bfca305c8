import {
  computeOrgCodeCheckChar,
  computeUsccCheckChar,
  isIndividualBusinessUscc,
  isUsccSentinel,
  parseUscc,
  USCC_SENTINEL,
} from './uscc';

describe('parseUscc', () => {
  it.each([
    ['华为', '914403001922038216', '440300', '192203821'],
    ['招商银行', '9144030010001686XA', '440300', '10001686X'],
    ['中国银行', '911000001000013428', '100000', '100001342'],
    ['比亚迪', '91440300192317458F', '440300', '192317458'],
    ['安徽省属企业', '91340000711771143J', '340000', '711771143'],
    ['GB 32100 worked example', '91350100M000100Y43', '350100', 'M000100Y4'],
  ])('accepts the real code of %s (%s)', (_name, code, regionCode, orgCode) => {
    expect(parseUscc(code)).toEqual({
      valid: true,
      code,
      registrationAuthority: '9',
      category: '1',
      regionCode,
      orgCode,
      orgCodeValid: true,
      regionKnown: true,
    });
  });

  it('rejects the worked example with a wrong check character', () => {
    expect(parseUscc('91350100M000100Y4Z')).toMatchObject({ valid: false, errorCode: 'INVALID_USCC' });
  });

  it('reports a wrong check character in plain words', () => {
    expect(parseUscc('91350100M000100Y44')).toEqual({
      valid: false,
      input: '91350100M000100Y44',
      errorCode: 'INVALID_USCC',
      reason: 'CHECK',
      message: '统一社会信用代码第18位校验位错误（position 18 of the USCC, the check character, is wrong）',
    });
  });

  it('normalises lower case and surrounding blanks', () => {
    expect(parseUscc('  9144030010001686xa ')).toMatchObject({ valid: true, code: '9144030010001686XA' });
  });

  it.each(['I', 'O', 'S', 'V', 'Z'])('rejects the excluded letter %s anywhere', (letter) => {
    const result = parseUscc(`91350100M${letter}00100Y43`);
    expect(result).toMatchObject({ valid: false, reason: 'CHARSET' });
  });

  it.each([
    ['17 characters', '91350100M000100Y4'],
    ['19 characters', '91350100M000100Y430'],
    ['empty', ''],
    ['an old 15-digit registration number', '340000000012345'],
  ])('rejects %s as wrong length', (_case, code) => {
    expect(parseUscc(code)).toMatchObject({ valid: false, reason: 'LENGTH', errorCode: 'INVALID_USCC' });
  });

  it('accepts a pilot code whose embedded organization code fails its own check, flagging it', () => {
    expect(parseUscc('91341100MA2N000318')).toMatchObject({ valid: true, orgCode: 'MA2N00031', orgCodeValid: false });
  });

  it('does not accept the sentinel as a real code', () => {
    // Position 1 "0" is no registration authority; callers recognise the sentinel with isUsccSentinel first.
    expect(parseUscc(USCC_SENTINEL)).toMatchObject({ valid: false, reason: 'AUTHORITY' });
    expect(isUsccSentinel(USCC_SENTINEL)).toBe(true);
  });
});

describe('computeUsccCheckChar', () => {
  it.each([
    ['91350100M000100Y4', '3'],
    ['9144030010001686X', 'A'],
    ['91341100MA2N0001X', 'W'],
  ])('gives the check character of %s as %s', (first17, check) => {
    expect(computeUsccCheckChar(first17)).toBe(check);
  });

  it('refuses input that is not 17 characters of the set', () => {
    expect(() => computeUsccCheckChar('91350100M000100Y')).toThrow(RangeError);
    expect(() => computeUsccCheckChar('91350100M000100YI')).toThrow(RangeError);
  });
});

describe('computeOrgCodeCheckChar (GB 11714)', () => {
  it.each([
    ['19220382', '1'], // 华为
    ['10001686', 'X'], // 招商银行: remainder 10 → X
    ['M000100Y', '4'], // letters count A=10..Z=35
    ['00000000', '0'], // 11 − 0 = 11 → 0
  ])('gives the check character of %s as %s', (first8, check) => {
    expect(computeOrgCodeCheckChar(first8)).toBe(check);
  });
});

describe('sentinel and category helpers', () => {
  it.each([
    ['00000000000000000X', true],
    [' 00000000000000000x ', true],
    ['000000000000000000', false],
    ['914403001922038216', false],
  ])('isUsccSentinel(%s) is %s', (code, expected) => {
    expect(isUsccSentinel(code)).toBe(expected);
  });

  it.each([
    ['92341102MA2N00028N', true], // 9-2 个体工商户
    ['91341100MA2N0001XW', false], // 9-1 企业
    ['52341100MA2N0001XW', false], // 5-2 is 民办非企业单位, not an individual business
  ])('isIndividualBusinessUscc(%s) is %s', (code, expected) => {
    expect(isIndividualBusinessUscc({ registrationAuthority: code[0], category: code[1] })).toBe(expected);
  });
});

/** A code with a correct check character for the given first 17 characters, so only the structure can fail. */
function withCheck(first17: string): string {
  return first17 + computeUsccCheckChar(first17);
}

describe('parseUscc: GB 32100 structure (positions 1–8)', () => {
  it.each<[string, string, string, string]>([
    ['all zeros', '000000000000000000', 'AUTHORITY', '第1位'],
    ['authority 0 with a correct check character', withCheck('01340000711771143'), 'AUTHORITY', '第1位'],
    ['authority B (not in 1–9, A, N, Y)', withCheck('B1340000711771143'), 'AUTHORITY', '第1位'],
    ['market regulation category 4 (only 1 企业, 2 个体, 3 合作社)', withCheck('94340000711771143'), 'CATEGORY', '第2位'],
    ['market regulation category 0', withCheck('90340000711771143'), 'CATEGORY', '第2位'],
    ['民政 category 4', withCheck('54340000711771143'), 'CATEGORY', '第2位'],
    ['Y category 2', withCheck('Y2340000711771143'), 'CATEGORY', '第2位'],
    ['letters in the region', withCheck('91AB0000711771143'), 'REGION', '第3-8位'],
    ['a letter at position 8', withCheck('9134000A711771143'), 'REGION', '第3-8位'],
  ])('%s → %s naming %s', (_case, code, reason, position) => {
    const result = parseUscc(code);
    expect(result).toMatchObject({ valid: false, errorCode: 'INVALID_USCC', reason });
    expect(result.valid ? '' : result.message).toContain(position);
  });

  it.each<[string, string, boolean]>([
    ['机构编制 事业单位', withCheck('12340000711771143'), true],
    ['民政 社会团体', withCheck('51341100711771143'), true],
    ['农业 村级集体经济组织', withCheck('N2341102711771143'), true],
    ['军队 事业单位', withCheck('A1100000711771143'), true],
    ['个体工商户 in 琅琊区', withCheck('92341102711771143'), true],
    ['province 99 does not exist: warned, not rejected', withCheck('91990000711771143'), false],
    ['region 000000: warned, not rejected', withCheck('91000000711771143'), false],
    ['county pair without a prefecture (340001)', withCheck('91340001711771143'), false],
  ])('%s is valid (region known: %s)', (_case, code, regionKnown) => {
    expect(parseUscc(code)).toMatchObject({ valid: true, regionKnown });
  });
});

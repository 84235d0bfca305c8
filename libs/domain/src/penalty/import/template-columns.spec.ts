import { describeHeaderProblems, mapHeaderRow, matchHeader, normaliseHeader, TEMPLATE_COLUMNS } from './template-columns';

const FULL_TEMPLATE = [
  '行政相对人名称', '行政相对人类别', '统一社会信用代码', '法定代表人', '证件类型', '证件号码', '行政处罚决定书文号',
  '违法行为类型', '违法事实', '处罚依据', '处罚类别', '处罚内容', '罚款金额（万元）', '没收违法所得、没收非法财物的金额（万元）',
  '暂扣或吊销证照名称及编号', '处罚决定日期', '处罚有效期', '公示截止期', '处罚机关', '处罚机关统一社会信用代码', '数据来源单位',
  '数据来源单位统一社会信用代码', '备注',
];

describe('template header matching', () => {
  it('normalises full-width brackets, spaces, stars and underscores', () => {
    expect(normaliseHeader(' *罚款金额 （ 万元 ）\u3000')).toBe('罚款金额(万元)');
    expect(normaliseHeader('行政相对人代码_1【统一社会信用代码】')).toBe('行政相对人代码1(统一社会信用代码)');
  });

  it.each<[string, string, string | null]>([
    ['行政相对人名称', 'partyName', null],
    [' 行政相对人 名称 ', 'partyName', null],
    ['*行政处罚决定书文号', 'decisionNumber', null],
    ['罚款金额（万元）', 'fineAmount', 'WAN_YUAN'],
    ['罚款金额(万元)', 'fineAmount', 'WAN_YUAN'],
    ['罚款金额', 'fineAmount', 'WAN_YUAN'],
    ['罚款金额（单位：万元）', 'fineAmount', 'WAN_YUAN'],
    ['罚款金额（元）', 'fineAmount', 'YUAN'],
    ['没收违法所得、没收非法财物的金额（万元）', 'confiscatedAmount', 'WAN_YUAN'],
    ['没收违法所得、没收非法财物的金额(元)', 'confiscatedAmount', 'YUAN'],
    ['行政相对人代码_1（统一社会信用代码）', 'uscc', null],
    ['行政相对人代码_1', 'uscc', null],
    ['行政相对人代码_2(工商注册号)', 'registrationNumber', null],
    ['法定代表人（负责人）', 'legalRepresentative', null],
    ['法定代表人证件号码', 'idNumber', null],
    ['处罚机关统一社会信用代码', 'authorityUscc', null],
    ['数据来源单位统一社会信用代码', 'dataSourceUscc', null],
  ])('%s → %s', (header, field, unit) => {
    const match = matchHeader(header);
    expect(match).toMatchObject({ kind: 'FIELD', column: { field } });
    if (unit) expect(match).toMatchObject({ unit });
  });

  it('ignores counters, the other registration codes and the error report columns; flags the rest', () => {
    expect(['序号', '行政相对人代码_3(组织机构代码)', '行号', '错误说明'].map((h) => matchHeader(h).kind)).toEqual(['IGNORED', 'IGNORED', 'IGNORED', 'IGNORED']);
    expect(matchHeader('处罚决定日起').kind).toBe('UNKNOWN');
  });

  it('maps the full national template with nothing missing or unknown', () => {
    const mapping = mapHeaderRow(FULL_TEMPLATE);
    expect(mapping).toMatchObject({ unknown: [], missing: [], duplicated: [] });
    expect(mapping.bindings).toHaveLength(23);
    expect(describeHeaderProblems(mapping)).toBeNull();
    expect(mapping.headerOf.fineAmount).toBe('罚款金额（万元）');
  });

  it('every template header maps to its own field', () => {
    for (const column of TEMPLATE_COLUMNS) expect(matchHeader(column.header)).toMatchObject({ kind: 'FIELD', column: { field: column.field } });
  });

  it('names missing required columns, unknown columns and duplicates in one message', () => {
    const headers = FULL_TEMPLATE.filter((h) => h !== '处罚决定日期' && h !== '处罚依据').concat('处罚决定日起', '罚款金额');
    const mapping = mapHeaderRow([...headers, null, '  ']);
    expect(mapping.missing).toEqual(['legalBasis', 'decisionDate']);
    expect(mapping.unknown).toEqual([{ index: 21, header: '处罚决定日起' }]);
    expect(mapping.duplicated).toEqual([{ field: 'fineAmount', headers: ['罚款金额（万元）', '罚款金额'] }]);
    expect(describeHeaderProblems(mapping)).toBe(
      '缺少必需列：处罚依据、处罚决定日期（missing required columns: 处罚依据, 处罚决定日期）；' +
        '无法识别的列：“处罚决定日起”（unknown columns: “处罚决定日起”; rename them to the template\'s headers or delete them）；' +
        '重复的列：罚款金额（万元）、罚款金额（the same column appears more than once: 罚款金额（万元）, 罚款金额）',
    );
  });

  it('accepts a person ID column and a legal representative ID column side by side (different ranks)', () => {
    const mapping = mapHeaderRow([...FULL_TEMPLATE, '法定代表人证件类型', '法定代表人证件号码']);
    expect(mapping.duplicated).toEqual([]);
    expect(mapping.headerOf.idNumber).toBe('证件号码');
  });
});

/** The 行政处罚 items of the national data standard, in its order: CF_XDR_MC … BZ (see TEMPLATE_COLUMNS). */
const NATIONAL_CODES = [
  'CF_XDR_MC', 'CF_XDR_LB', 'CF_XDR_SHXYM', 'CF_XDR_GSZC', 'CF_XDR_ZZJG', 'CF_XDR_SWDJ', 'CF_XDR_SYDW', 'CF_XDR_SHZZ',
  'CF_FRDB', 'CF_FR_ZJLX', 'CF_FR_ZJHM', 'CF_XDR_ZJLX', 'CF_XDR_ZJHM', 'CF_WSH', 'CF_WFXW', 'CF_SY', 'CF_YJ', 'CF_CFLB',
  'CF_NR', 'CF_NR_FK', 'CF_NR_WFFF', 'CF_NR_ZKDX', 'CF_JDRQ', 'CF_YXQ', 'CF_GSJZQ', 'CF_CFJG', 'CF_CFJGDM', 'CF_SJLY',
  'CF_SJLYDM', 'BZ',
];

describe('the national data standard field codes as headers', () => {
  it('maps every code of the standard: nothing missing, unknown or duplicated', () => {
    const mapping = mapHeaderRow(NATIONAL_CODES);
    expect(mapping).toMatchObject({ unknown: [], missing: [], duplicated: [] });
    expect(describeHeaderProblems(mapping)).toBeNull();
    // 26 items the platform stores; the four other registration codes (组织机构代码 … 社会组织登记证号) are ignored.
    expect(mapping.bindings).toHaveLength(26);
  });

  it.each<[string, string, number]>([
    ['CF_XDR_MC', 'partyName', 0], ['CF_XDR_LB', 'partyType', 0], ['CF_XDR_SHXYM', 'uscc', 0], ['CF_XDR_GSZC', 'registrationNumber', 0],
    ['CF_FRDB', 'legalRepresentative', 0], ['CF_FR_ZJLX', 'idType', 1], ['CF_FR_ZJHM', 'idNumber', 1], ['CF_XDR_ZJLX', 'idType', 0],
    ['CF_XDR_ZJHM', 'idNumber', 0], ['CF_WSH', 'decisionNumber', 0], ['CF_WFXW', 'violationType', 0], ['CF_SY', 'violationFacts', 0],
    ['CF_YJ', 'legalBasis', 0], ['CF_CFLB', 'penaltyCategories', 0], ['CF_NR', 'penaltyContent', 0], ['CF_NR_FK', 'fineAmount', 0],
    ['CF_NR_WFFF', 'confiscatedAmount', 0], ['CF_NR_ZKDX', 'licenseInfo', 0], ['CF_JDRQ', 'decisionDate', 0], ['CF_YXQ', 'validUntil', 0],
    ['CF_GSJZQ', 'publicUntil', 0], ['CF_CFJG', 'authorityName', 0], ['CF_CFJGDM', 'authorityUscc', 0], ['CF_SJLY', 'dataSourceName', 0],
    ['CF_SJLYDM', 'dataSourceUscc', 0], ['BZ', 'remarks', 0],
  ])('%s → %s (rank %i)', (code, field, rank) => {
    expect(matchHeader(code)).toMatchObject({ kind: 'FIELD', column: { field, rank } });
  });

  it('reads codes in lower case and with the unit the amounts are in', () => {
    expect(matchHeader('cf_xdr_mc')).toMatchObject({ kind: 'FIELD', column: { field: 'partyName' } });
    expect(matchHeader('CF_NR_FK')).toMatchObject({ kind: 'FIELD', column: { field: 'fineAmount' }, unit: 'WAN_YUAN' });
    // Exports that label a code with its item, either way round.
    expect(matchHeader('CF_WSH（行政处罚决定书文号）')).toMatchObject({ kind: 'FIELD', column: { field: 'decisionNumber' } });
    expect(matchHeader('处罚决定日期(CF_JDRQ)')).toMatchObject({ kind: 'FIELD', column: { field: 'decisionDate' } });
    expect(['CF_XDR_ZZJG', 'cf_xdr_swdj', 'CF_XDR_SYDW', 'CF_XDR_SHZZ'].map((code) => matchHeader(code).kind)).toEqual(['IGNORED', 'IGNORED', 'IGNORED', 'IGNORED']);
  });

  it('a code next to its Chinese header is the same column twice: refused as ambiguous', () => {
    expect(mapHeaderRow([...FULL_TEMPLATE, 'CF_WSH']).duplicated).toEqual([{ field: 'decisionNumber', headers: ['行政处罚决定书文号', 'CF_WSH'] }]);
  });

  it('every column but the platform\'s own (严重程度, 违法行为发生日期) carries its code, each code once', () => {
    const own = TEMPLATE_COLUMNS.filter((column) => column.code === null).map((column) => column.header);
    expect(own).toEqual(['严重程度', '违法行为发生日期']);
    const codes = TEMPLATE_COLUMNS.map((column) => column.code).filter((code) => code !== null);
    expect(new Set(codes).size).toBe(codes.length);
  });
});

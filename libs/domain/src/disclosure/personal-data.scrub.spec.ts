import { maskAddresses, scrubPersonalData } from './personal-data.scrub';

describe('scrubPersonalData: numbers', () => {
  it.each([
    ['当事人身份证号11010519491231002X，经查', '当事人身份证号******************，经查'],
    ['身份证号码：11010519491231002x。', '身份证号码：******************。'],
    ['身份证110105194912310021号', '身份证******************号'], // wrong check digit: still someone's ID
    ['旧身份证110105491231002，', '旧身份证***************，'],
    ['联系电话13912345678。', '联系电话***********。'],
    ['手机+86 139-1234-5678，', '手机*****************，'],
    ['通过银行卡6222021234567890123转账', '通过银行卡*******************转账'],
    ['卡号 6222 0212 3456 7890 123 收款', '卡号 *********************** 收款'],
    ['对公账户310066726018800123456', '对公账户*********************'],
    ['座机0550-3012345，', '座机************，'],
    ['座机（0550）3012345，', '座机*************，'],
    ['电话：3012345。', '电话：*******。'],
  ])('%s → %s', (text, expected) => {
    expect(scrubPersonalData(text)).toBe(expected);
  });

  it.each([
    '滁市监处罚〔2026〕12号',
    '罚款5000元',
    '罚款人民币50000.00元，没收违法所得12345678元',
    '2026年3月5日至2026-04-01期间',
    '违反《中华人民共和国食品安全法》第一百二十四条第一款',
    '罚款0.5万元',
    '统一社会信用代码91350100M000100Y43',
    '注册号341100600012345', // 15-digit 工商注册号 without a date at the birth-date position
  ])('leaves %s untouched', (text) => {
    expect(scrubPersonalData(text)).toBe(text);
  });

  it('masks everything in one realistic sentence and keeps the legitimate numbers', () => {
    const text =
      '当事人张三（身份证号11010519491231002X，电话13912345678）于2026年3月5日通过银行卡6222021234567890123收取货款，' +
      '依据滁市监处罚〔2026〕12号决定罚款5000元。';
    expect(scrubPersonalData(text, ['张三'])).toBe(
      '当事人张*（身份证号******************，电话***********）于2026年3月5日通过银行卡*******************收取货款，' +
        '依据滁市监处罚〔2026〕12号决定罚款5000元。',
    );
  });
});

describe('scrubPersonalData: names', () => {
  it('replaces every occurrence of the full name with the masked name', () => {
    expect(scrubPersonalData('张三销售过期食品，张三承认', ['张三'])).toBe('张*销售过期食品，张*承认');
  });

  it('masks a compound surname to its first two characters', () => {
    expect(scrubPersonalData('欧阳娜娜无证经营', ['欧阳娜娜'])).toBe('欧阳**无证经营');
  });

  it('replaces the longer name first so it is masked whole', () => {
    expect(scrubPersonalData('王小明与王小', ['王小', '王小明'])).toBe('王**与王*');
  });

  it('ignores one-character and blank names', () => {
    expect(scrubPersonalData('王某经营', ['王', ' '])).toBe('王某经营');
  });
});

describe('maskAddresses', () => {
  it.each([
    ['住址：安徽省滁州市琅琊区丰乐大道1号，联系人', '住址：***，联系人'],
    ['住所地滁州市南谯区乌衣镇某村。', '住所地***。'],
    ['家庭住址为滁州市天长市某路8号；', '家庭住址为***；'],
    ['经营地址:全椒县襄河镇', '经营地址:***'],
  ])('%s → %s', (text, expected) => {
    expect(maskAddresses(text)).toBe(expected);
  });

  it('leaves text without an address label alone', () => {
    expect(maskAddresses('在滁州市琅琊区销售过期食品')).toBe('在滁州市琅琊区销售过期食品');
  });
});

import { charLength, cleanCode, cleanLine, cleanParagraphs } from './penalty-record.normalize';

describe('input clean-up', () => {
  it.each<[string | null | undefined, string | null]>([
    ['  张三 ', '张三'],
    ['\u3000滁州\u3000\u3000某公司\u00A0', '滁州 某公司'],
    ['第一行\n第二行', '第一行 第二行'],
    ['\uFEFF滁州\u200B', '滁州'],
    ['\u3000 \t', null],
    [null, null],
    [undefined, null],
  ])('cleanLine(%p) = %p', (raw, expected) => {
    expect(cleanLine(raw)).toBe(expected);
  });

  it.each<[string, string | null]>([
    ['第一条  ，\u3000第二条 \r\n\r\n\r\n\r\n 第三条 ', '第一条 ， 第二条\n\n第三条'],
    ['一\r二', '一\n二'],
    ['\n\n', null],
  ])('cleanParagraphs(%p) = %p', (raw, expected) => {
    expect(cleanParagraphs(raw)).toBe(expected);
  });

  it.each<[string, string | null]>([
    [' 9134 1100 ma2n 0001 xw ', '91341100MA2N0001XW'],
    ['９１３４１１００ＭＡ２Ｎ０００１ＸＷ', '91341100MA2N0001XW'],
    ['２０２４－０５－２０', '2024-05-20'],
    ['\u3000', null],
  ])('cleanCode(%p) = %p', (raw, expected) => {
    expect(cleanCode(raw)).toBe(expected);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(['罚款', '𠀀𠀁', 'ab'].map(charLength)).toEqual([2, 2, 2]);
  });
});

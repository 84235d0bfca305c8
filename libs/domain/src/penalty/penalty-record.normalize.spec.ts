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

describe('input clean-up, the shortcut for clean text', () => {
  // The full pipelines, step by step, as they were before clean text was passed through as is.
  const unify = (value: string) => value.replace(/[\u200B-\u200D\u2060\uFEFF]/g, '').replace(/[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g, ' ');
  const orNull = (text: string) => (text === '' ? null : text);
  const fullLine = (value: string) => orNull(unify(value).replace(/\s+/g, ' ').trim());
  const fullParagraphs = (value: string) =>
    orNull(
      unify(value)
        .replace(/\r\n?/g, '\n')
        .replace(/[^\S\n]+/g, ' ')
        .split('\n')
        .map((line) => line.trim())
        .join('\n')
        .replace(/\n{3,}/g, '\n\n')
        .trim(),
    );
  const fullCode = (value: string) =>
    orNull(
      unify(value)
        .replace(/[\uFF01-\uFF5E]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))
        .replace(/\s+/g, '')
        .toUpperCase(),
    );

  // Every short string over an alphabet of the characters that matter, plus random longer ones (fixed seed).
  const alphabet = [' ', '\n', '\r', '\t', '\u3000', '\u00A0', '\u200B', '\uFEFF', 'a', 'Z', '9', '-', '罚', '１', 'ß', '𠀀'];
  const samples: string[] = [''];
  for (const a of alphabet) for (const b of alphabet) for (const c of alphabet) samples.push(a + b + c);
  let seed = 42;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  for (let i = 0; i < 5000; i++) samples.push(Array.from({ length: 1 + (next() % 12) }, () => alphabet[next() % alphabet.length]).join(''));
  // Longer real values and the edges the alphabet leaves out: lone surrogates, ASCII punctuation next to the
  // full-width block, full-width digits alone.
  samples.push('滁州某某食品有限公司', '第一行\r\n\r\n\r\n第二行', '91341100ma2n0ab12x', '９１３４１１００', 'ß-code', 'A`{~!', '\uD800', 'x\uDC00y', '𠀀罚𠀀');

  it('gives what the full pipelines give, for every sample', () => {
    for (const sample of samples) {
      expect([sample, cleanLine(sample)]).toEqual([sample, fullLine(sample)]);
      expect([sample, cleanParagraphs(sample)]).toEqual([sample, fullParagraphs(sample)]);
      expect([sample, cleanCode(sample)]).toEqual([sample, fullCode(sample)]);
    }
  });

  it('counts code points as Array.from does, for every sample', () => {
    for (const sample of samples) expect([sample, charLength(sample)]).toEqual([sample, Array.from(sample).length]);
  });

  it('returns clean text itself, not a copy', () => {
    const clean = '滁州市 某某食品有限公司';
    expect(cleanLine(clean)).toBe(clean);
    expect(cleanParagraphs('第一条\n\n第二条')).toBe('第一条\n\n第二条');
    expect(cleanCode('91341100MA2N0AB12X')).toBe('91341100MA2N0AB12X');
  });
});

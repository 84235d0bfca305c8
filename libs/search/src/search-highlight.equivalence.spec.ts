// highlight() settles texts that fold to themselves without per-character arrays. This holds it to the
// straightforward per-code-point version it replaced, on texts that take either way: Chinese, full-width,
// upper case, astral characters, markup, long texts cut to a window, terms found whole or by bigrams.
import { escapeHtml, highlight, normalizeChar, tokenize } from './search-text';

const SNIPPET_CHARS = 80;
const SNIPPET_LEAD = 20;

/** The version before the fast path, kept verbatim as the reference. */
function referenceHighlight(text: string | null, terms: readonly string[]): string | null {
  if (!text || terms.length === 0) return null;
  const original = Array.from(text);
  let normalized = '';
  const origin: number[] = [];
  original.forEach((char, index) => {
    const folded = normalizeChar(char);
    normalized += folded;
    for (let k = 0; k < folded.length; k++) origin.push(index);
  });
  const marked = new Array<boolean>(original.length).fill(false);
  const markAll = (needle: string): boolean => {
    let found = false;
    for (let at = normalized.indexOf(needle); needle && at >= 0; at = normalized.indexOf(needle, at + 1)) {
      for (let k = at; k < at + needle.length; k++) marked[origin[k]] = true;
      found = true;
    }
    return found;
  };
  for (const term of terms) {
    if (!markAll(term)) for (const token of tokenize(term)) markAll(token);
  }
  const first = marked.indexOf(true);
  if (first < 0) return null;
  let start = 0;
  let end = original.length;
  if (original.length > SNIPPET_CHARS) {
    start = Math.max(0, Math.min(first - SNIPPET_LEAD, original.length - SNIPPET_CHARS));
    end = Math.min(original.length, start + SNIPPET_CHARS);
  }
  let out = start > 0 ? '…' : '';
  for (let i = start; i < end; ) {
    let j = i;
    while (j < end && marked[j] === marked[i]) j++;
    const piece = escapeHtml(original.slice(i, j).join(''));
    out += marked[i] ? `<em>${piece}</em>` : piece;
    i = j;
  }
  return end < original.length ? `${out}…` : out;
}

const TEXTS = [
  '销售过期食品，食品安全',
  '食品经营，安全隐患',
  'ＡＢＣ食品公司',
  'ABC食品有限公司 abc',
  '<b>食品</b> & "假冒" \'商标\'',
  `${'甲'.repeat(100)}假冒${'乙'.repeat(100)}`,
  `${'甲'.repeat(30)}食品${'乙'.repeat(70)}食品`,
  `假冒${'乙'.repeat(200)}`,
  `${'乙'.repeat(200)}假冒`,
  '𠀀𠀁食品𠀂假冒 ＡＢ',
  `${'𠀀'.repeat(90)}食品${'ｘ'.repeat(30)}`,
  '91341100MA2N0X1234',
  '滁市监罚〔2024〕123号',
  'Ⅻ ﬁ ㎏ ①食品',
  '',
  '药品',
  '假冒注册商标假冒，食品安全食品',
  `${'丙'.repeat(70)}注册&商标<假冒>${'丁'.repeat(40)}`,
];
const TERMS: string[][] = [['食品'], ['假冒注册'], ['食品安全'], ['abc'], ['ab', '食品'], ['91341100ma2n0x1234'], ['〔2024〕'], ['乙乙乙'], ['xx'], ['fi'], ['kg'], ['1食品'], ['𠀀𠀁'], ['不存在'], [''], ['假冒', '注册'], ['品安', '食品'], ['册商', '注册', '商标'], ['标假', '冒']];

describe('highlight (fast path) against the per-code-point reference', () => {
  it('gives the same snippet for every text and terms', () => {
    for (const text of TEXTS) for (const terms of TERMS) expect([text, terms, highlight(text, terms)]).toEqual([text, terms, referenceHighlight(text, terms)]);
  });
});

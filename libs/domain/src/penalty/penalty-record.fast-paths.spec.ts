// The ingest hot path skips work when it cannot change the result (clean-ups of values with nothing to clean,
// character counts without an array, the canonical text written out directly). These tests compare each fast
// path with the plain definition it replaced, on values chosen to sit on both sides of every shortcut.
import { charLength, cleanCode, cleanLine, cleanParagraphs } from './penalty-record.normalize';
import { canonicalPenaltyContent } from './penalty-record.canonical';
import { validatePenaltyRecord } from './penalty-record.validation';
import { companyDraft, TODAY } from './testing/penalty-draft.fixtures';

const unify = (value: string) => value.replace(/[\u200B-\u200D\u2060\uFEFF]/g, '').replace(/[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g, ' ');
const nullIfBlank = (text: string) => (text === '' ? null : text);
const plain = {
  line: (value: string) => nullIfBlank(unify(value).replace(/\s+/g, ' ').trim()),
  paragraphs: (value: string) =>
    nullIfBlank(unify(value).replace(/\r\n?/g, '\n').replace(/[^\S\n]+/g, ' ').split('\n').map((line) => line.trim()).join('\n').replace(/\n{3,}/g, '\n\n').trim()),
  code: (value: string) =>
    nullIfBlank(unify(value).replace(/[\uFF01-\uFF5E]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0)).replace(/\s+/g, '').toUpperCase()),
};

const SAMPLES = [
  '', '张三', '滁州某某食品有限公司', ' 张三', '张三 ', '张\u3000三', '张\u200B三', '\uFEFF张三', '第一行\n第二行', '第一行\r\n\r\n\r\n第二行',
  '91341100MA2N0AB12X', '91341100ma2n0ab12x', '９１３４１１００', '9134 1100', 'ß-code', 'A`{~!', '𠀀罚𠀀', '\uD800', 'x\uDC00y', '\t',
];

describe('ingest fast paths give what the plain definitions give', () => {
  it.each(SAMPLES)('clean-ups of %p', (value) => {
    expect(cleanLine(value)).toBe(plain.line(value));
    expect(cleanParagraphs(value)).toBe(plain.paragraphs(value));
    expect(cleanCode(value)).toBe(plain.code(value));
  });

  it.each(SAMPLES)('charLength(%p) counts code points as Array.from does', (value) => {
    expect(charLength(value)).toBe(Array.from(value).length);
  });

  it.each([
    ['all optional statements unset', {}],
    ['the later statements set', { actDate: '2024-05-01', partyAdultConfirmed: true, publishMinor: true, notRepairable: true }],
    ['categories out of order and quotes in text', { penaltyCategories: ['WARNING', 'FINE'], remarks: 'a "quoted" \\ remark\n第二行' }],
  ])('canonicalPenaltyContent with %s is JSON.stringify of the sorted content object', (_label, overrides) => {
    const result = validatePenaltyRecord({ ...companyDraft(), ...overrides }, TODAY);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const { subject: _subject, ...content } = result.record;
    const omitted = ['actDate', 'partyAdultConfirmed', 'publishMinor', 'notRepairable'];
    const expected: Record<string, unknown> = {};
    for (const key of Object.keys(content).sort()) {
      const value = content[key as keyof typeof content];
      if (omitted.includes(key) && (value === null || value === false)) continue;
      expected[key] = key === 'penaltyCategories' ? [...(value as string[])].sort() : (value ?? null);
    }
    expect(canonicalPenaltyContent(result.record)).toBe(JSON.stringify(expected));
  });
});

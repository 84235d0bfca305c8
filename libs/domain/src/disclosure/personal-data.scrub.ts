// Scrubs personal data out of free text (违法事实, 处罚内容, 备注 …) before the public sees it. Departments paste
// ID numbers, phone numbers and bank cards into these fields; the structured fields are masked elsewhere.
// Over-masking a long number is acceptable, leaking one is not, so the patterns lean wide but never touch the
// short numbers a decision legitimately contains (〔2026〕12号, 5000元, 2026年3月5日, 第六十条).
import { maskPersonName } from '../identifiers/masking';

const DATE = '(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])';

/**
 * Number patterns, longest first so a card number is masked whole before a phone number could match inside it.
 * Each is bounded by non-digits: a number is only masked as a whole.
 */
const NUMBER_PATTERNS: readonly RegExp[] = [
  // 18-character resident ID (GB 11643): 17 digits + digit or X. The check digit is not verified on purpose:
  // a mistyped ID is still someone's ID.
  /(?<!\d)\d{17}[\dXx](?!\d)/g,
  // Bank card / account: 16 or more digits, or written in groups of four (6222 0212 3456 7890 123).
  /(?<!\d)\d{16,}(?!\d)/g,
  /(?<!\d)\d{4}(?:[ -]\d{4}){3}(?:[ -]?\d{1,3})?(?!\d)/g,
  // 15-digit first-generation ID: region + YYMMDD + 3 digits. Requiring a real month/day spares 15-digit
  // 工商注册号 (…600012345…), which rarely forms a date at that position.
  new RegExp(`(?<!\\d)\\d{6}\\d{2}${DATE}\\d{3}(?!\\d)`, 'g'),
  // Mainland mobile: 1[3-9] + 9 digits, optionally +86 and separators (139-1234-5678).
  /(?<!\d)(?:\+?86[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2}(?!\d)/g,
  // Landline with area code: 0550-1234567, (0550)1234567, 010 12345678, 05501234567.
  /(?:[(（]0\d{2,3}[)）]|(?<!\d)0\d{2,3}[ -]?)\d{7,8}(?:-\d{1,4})?(?!\d)/g,
];

/** A bare local number after a phone label (电话：2345678) has no area code to recognise it by. */
const LABELLED_PHONE = /((?:电话|手机|联系方式|联系号码)(?:号码)?[:：]?\s*)(\d[\d-]{5,}\d)/g;

/** Address after 住址/住所/地址 up to the next punctuation; masked for natural persons only. */
const ADDRESS =
  /((?:住址|住所地?|地址|居住地|户籍(?:所在)?地|家住)(?:为|是|在|位于)?[:：]?\s*)([^，。；;,、\n()（）：:！!？?“”"]+)/g;

function stars(text: string): string {
  return '*'.repeat(Array.from(text).length);
}

/**
 * Replaces resident ID numbers (15/18), bank card numbers (16–19 digits and longer account numbers), mobile and
 * landline numbers with `*` of the same length, and each of `extraNames` (a natural person's full name) with its
 * masked form (张三 → 张*). Names shorter than two characters are ignored: a lone character is not a name.
 */
export function scrubPersonalData(text: string, extraNames: readonly string[] = []): string {
  let out = text;
  for (const pattern of NUMBER_PATTERNS) out = out.replace(pattern, stars);
  out = out.replace(LABELLED_PHONE, (_m, label: string, number: string) => label + stars(number));
  // Longest names first, so 欧阳娜娜 is not half-replaced by a shorter name it contains.
  const names = [...new Set(extraNames.map((n) => n.trim()))]
    .filter((n) => Array.from(n).length >= 2)
    .sort((a, b) => b.length - a.length);
  for (const name of names) out = out.split(name).join(maskPersonName(name));
  return out;
}

/** Masks the address text after 住址/住所/地址 (to the next punctuation) as `***`; the label stays readable. */
export function maskAddresses(text: string): string {
  return text.replace(ADDRESS, (_m, label: string) => `${label}***`);
}

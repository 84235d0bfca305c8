// Input clean-up applied before any rule, so that a value typed with a full-width space or copied from a
// spreadsheet cell with a trailing blank validates, stores and hashes the same as a clean one.

/** U+3000 (ideographic/full-width space), no-break spaces and other Unicode spaces that Excel and Word paste. */
const ODD_SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
/** Zero-width characters and the BOM: invisible, never meaningful in a record. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;

function unifySpaces(value: string): string {
  return value.replace(INVISIBLE, '').replace(ODD_SPACES, ' ');
}

/** One-line text (names, numbers, types): every whitespace run becomes one space; blank → null. */
export function cleanLine(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = unifySpaces(String(value)).replace(/\s+/g, ' ').trim();
  return text === '' ? null : text;
}

/**
 * Multi-line text (facts, basis, content): line breaks are kept because they carry structure, but horizontal
 * whitespace runs collapse, lines are trimmed and blank-line runs shrink to one; blank → null.
 */
export function cleanParagraphs(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = unifySpaces(String(value))
    .replace(/\r\n?/g, '\n')
    .replace(/[^\S\n]+/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return text === '' ? null : text;
}

/**
 * Codes (USCC, ID and registration numbers): full-width letters and digits become ASCII, all whitespace goes
 * (codes never contain it; clerks insert it for readability), letters become upper case; blank → null.
 */
export function cleanCode(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = unifySpaces(String(value))
    .replace(/[\uFF01-\uFF5E]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '')
    .toUpperCase();
  return text === '' ? null : text;
}

/** Length in characters (code points), not UTF-16 units or bytes: 𠀀 and 罚 count as one each. */
export function charLength(value: string): number {
  return Array.from(value).length;
}

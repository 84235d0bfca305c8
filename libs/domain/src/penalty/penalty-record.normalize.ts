// Input clean-up applied before any rule, so that a value typed with a full-width space or copied from a
// spreadsheet cell with a trailing blank validates, stores and hashes the same as a clean one.

/** U+3000 (ideographic/full-width space), no-break spaces and other Unicode spaces that Excel and Word paste. */
const ODD_SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
/** Zero-width characters and the BOM: invisible, never meaningful in a record. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;
/**
 * What cleanLine would change: an invisible character, whitespace other than a plain space (odd spaces are
 * whitespace too), two spaces in a row, or a space at either end. Text without any of these comes back as is.
 */
const LINE_NEEDS_CLEANING = /[\u200B-\u200D\u2060\uFEFF]|[^\S ]| {2}|^ | $/;
/**
 * What cleanParagraphs would change: an invisible character, whitespace other than a space or a line feed
 * (\r included), two spaces in a row, a space beside a line break, three line breaks in a row, or whitespace
 * at either end.
 */
const PARAGRAPHS_NEED_CLEANING = /[\u200B-\u200D\u2060\uFEFF]|[^\S \n]| {2}| \n|\n |\n{3}|^\s|\s$/;

/** Printable ASCII without spaces or lower-case letters: what cleanCode leaves exactly as it is. */
const CLEAN_CODE = /^[\x21-\x60\x7B-\x7E]+$/;

function unifySpaces(value: string): string {
  return value.replace(INVISIBLE, '').replace(ODD_SPACES, ' ');
}

/** One-line text (names, numbers, types): every whitespace run becomes one space; blank → null. */
export function cleanLine(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  // Most values are clean already: then every step below would return the text unchanged, so it is kept as it
  // is without the four intermediate strings (ingest cleans ~25 fields of every pushed record).
  if (typeof value === 'string' && value !== '' && !LINE_NEEDS_CLEANING.test(value)) return value;
  const text = unifySpaces(String(value)).replace(/\s+/g, ' ').trim();
  return text === '' ? null : text;
}

/**
 * Multi-line text (facts, basis, content): line breaks are kept because they carry structure, but horizontal
 * whitespace runs collapse, lines are trimmed and blank-line runs shrink to one; blank → null.
 */
export function cleanParagraphs(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' && value !== '' && !PARAGRAPHS_NEED_CLEANING.test(value)) return value;
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
  if (typeof value === 'string' && CLEAN_CODE.test(value)) return value;
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

// Input clean-up applied before any rule, so that a value typed with a full-width space or copied from a
// spreadsheet cell with a trailing blank validates, stores and hashes the same as a clean one.

/** U+3000 (ideographic/full-width space), no-break spaces and other Unicode spaces that Excel and Word paste. */
const ODD_SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
/** Zero-width characters and the BOM: invisible, never meaningful in a record. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;

/**
 * Anything the clean-ups below would change: whitespace of any kind (\s covers ODD_SPACES, line breaks and the
 * BOM) or a zero-width character. Most values have none (Chinese names and numbers), and for them each clean-up
 * is the identity, so it returns the value as it is instead of running four regex passes (ingest hot path).
 */
const NEEDS_CLEANING = /[\s\u200B-\u200D\u2060]/;
/** A code that cleanCode leaves as it is: printable ASCII without lower-case letters (nothing to fold or drop). */
const CLEAN_CODE = /^[!-`{-~]*$/;

function unifySpaces(value: string): string {
  return value.replace(INVISIBLE, '').replace(ODD_SPACES, ' ');
}

/** One-line text (names, numbers, types): every whitespace run becomes one space; blank → null. */
export function cleanLine(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const raw = String(value);
  if (!NEEDS_CLEANING.test(raw)) return raw === '' ? null : raw;
  const text = unifySpaces(raw).replace(/\s+/g, ' ').trim();
  return text === '' ? null : text;
}

/**
 * Multi-line text (facts, basis, content): line breaks are kept because they carry structure, but horizontal
 * whitespace runs collapse, lines are trimmed and blank-line runs shrink to one; blank → null.
 */
export function cleanParagraphs(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const raw = String(value);
  if (!NEEDS_CLEANING.test(raw)) return raw === '' ? null : raw;
  const text = unifySpaces(raw)
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
  const raw = String(value);
  if (CLEAN_CODE.test(raw)) return raw === '' ? null : raw;
  const text = unifySpaces(raw)
    .replace(/[\uFF01-\uFF5E]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '')
    .toUpperCase();
  return text === '' ? null : text;
}

/** Length in characters (code points), not UTF-16 units or bytes: 𠀀 and 罚 count as one each. */
export function charLength(value: string): number {
  // Counted in place (Array.from would allocate an array of every character of every field of every record):
  // each surrogate pair is one character, a lone surrogate counts as one, as Array.from counts them.
  let length = value.length;
  for (let i = 0; i < value.length - 1; i++) {
    const unit = value.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        length--;
        i++;
      }
    }
  }
  return length;
}

// Chinese text for search without a dictionary: overlapping character bigrams (二元切分), the same scheme as
// Elasticsearch's `cjk_bigram` filter after `cjk_width` + `lowercase`, so both backends agree on what matches.
// A two-character word (食品, 假冒) is exactly one bigram, hence one index key.
import { BoundedMemo } from '@credit/common';
import { regionSubtreePrefix } from '@credit/domain';

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const WORD = /[\p{L}\p{N}]/u;

const folded = new Map<string, string>();
const MAX_FOLDED = 20_000;

/**
 * Full-width forms folded (ＡＢＣ１２３ → abc123), lower-cased; one code point in, one or more out. Remembered
 * per character: NFKC normalization per character was the largest cost of highlighting a page of results, and
 * texts draw on a few thousand distinct characters.
 */
export function normalizeChar(char: string): string {
  let out = folded.get(char);
  if (out === undefined) {
    out = char.normalize('NFKC').toLowerCase();
    if (folded.size < MAX_FOLDED) folded.set(char, out);
  }
  return out;
}

export function normalizeText(text: string): string {
  return Array.from(text, normalizeChar).join('');
}

/**
 * Tokens of a text: each run of CJK characters gives its overlapping bigrams (a lone character gives itself);
 * each run of other letters/digits gives the whole word. Order of first appearance, no duplicates.
 */
export function tokenize(text: string): string[] {
  const out = new Set<string>();
  const chars = Array.from(normalizeText(text));
  let i = 0;
  while (i < chars.length) {
    if (CJK.test(chars[i])) {
      let j = i;
      while (j < chars.length && CJK.test(chars[j])) j++;
      if (j - i === 1) out.add(chars[i]);
      for (let k = i; k + 1 < j; k++) out.add(chars[k] + chars[k + 1]);
      i = j;
    } else if (WORD.test(chars[i])) {
      let j = i;
      while (j < chars.length && WORD.test(chars[j]) && !CJK.test(chars[j])) j++;
      out.add(chars.slice(i, j).join(''));
      i = j;
    } else {
      i++;
    }
  }
  return [...out];
}

export const MIN_QUERY_CHARS = 2;
export const MAX_QUERY_CHARS = 100;

export interface ParsedQuery {
  /** The whole query, normalized, inner whitespace collapsed: compared with names, USCCs, decision numbers. */
  exact: string;
  /** Whitespace-separated terms, normalized; every term must match (AND). */
  terms: string[];
  /** Union of the terms' tokens. */
  tokens: string[];
}

export type QueryProblem = 'TOO_SHORT' | 'TOO_LONG' | 'NO_WORDS';

// Parsed queries by their raw text: a search is parsed where it is checked (the disclosure service) and again by
// the index adapter, and the head of the public searches repeats. Results are shared, so they are frozen.
const PARSED = new BoundedMemo<Readonly<ParsedQuery> | QueryProblem>(1_024);
const MAX_PARSED_RAW_CHARS = 256;

/** Parses a public query; a problem instead of a result when it cannot be searched. */
export function parseQuery(raw: string): Readonly<ParsedQuery> | QueryProblem {
  return raw.length > MAX_PARSED_RAW_CHARS ? parseUncached(raw) : PARSED.get(raw, () => parseUncached(raw));
}

function parseUncached(raw: string): Readonly<ParsedQuery> | QueryProblem {
  const exact = normalizeText(raw).trim().replace(/\s+/g, ' ');
  const length = Array.from(exact.replace(/\s/g, '')).length;
  if (length < MIN_QUERY_CHARS) return 'TOO_SHORT';
  if (length > MAX_QUERY_CHARS) return 'TOO_LONG';
  const terms = exact.split(' ').filter((term) => term.length > 0);
  const tokens = [...new Set(terms.flatMap((term) => tokenize(term)))];
  if (tokens.length === 0) return 'NO_WORDS';
  return Object.freeze({ exact, terms: Object.freeze(terms) as string[], tokens: Object.freeze(tokens) as string[] });
}

/** Region filter keys: a GB/T 2260 code means its whole subtree (341100 → every 3411xx), 2/4/6 digits accepted. */
export function regionPrefix(code: string): string | null {
  if (!/^(\d{2}|\d{4}|\d{6})$/.test(code)) return null;
  return regionSubtreePrefix(code);
}

/** The 2-, 4- and 6-digit prefixes a document's region code answers to. */
export function regionPrefixes(code: string | null): string[] {
  if (code === null || !/^\d{6}$/.test(code)) return [];
  return [code.slice(0, 2), code.slice(0, 4), code];
}

const SNIPPET_CHARS = 80;
const SNIPPET_LEAD = 20;

/** Minimal HTML escaping: highlights are markup, and the text around the <em> must not become markup too. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/**
 * Per UTF-16 code unit, how it folds: 0 not yet known, 1 to itself, 2 to one other unit (FOLDED_UNIT: Ａ → a,
 * A → a), 3 to several units or a surrogate half (ﬁ → fi, astral characters).
 */
const FOLD_STATE = new Uint8Array(0x10000);
const FOLDED_UNIT = new Uint16Array(0x10000);

function foldStateOf(code: number): number {
  let state = FOLD_STATE[code];
  if (state === 0) {
    if (code >= 0xd800 && code <= 0xdfff) {
      state = 3;
    } else {
      const char = String.fromCharCode(code);
      const folded = normalizeChar(char);
      state = folded === char ? 1 : folded.length === 1 ? 2 : 3;
      if (state === 2) FOLDED_UNIT[code] = folded.charCodeAt(0);
    }
    FOLD_STATE[code] = state;
  }
  return state;
}

/**
 * The normalized text when every UTF-16 unit folds to exactly one unit (the text itself when none changes), so
 * an index into it is an index into the text; null otherwise.
 */
function foldUnitwise(text: string): string | null {
  let changed = false;
  for (let i = 0; i < text.length; i++) {
    const state = foldStateOf(text.charCodeAt(i));
    if (state === 3) return null;
    if (state === 2) changed = true;
  }
  if (!changed) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out += FOLD_STATE[code] === 2 ? String.fromCharCode(FOLDED_UNIT[code]) : text[i];
  }
  return out;
}

/** Per query's terms: each term's bigrams, for a term not found whole (tokenized once per query, not per field). */
const TERM_TOKENS = new WeakMap<readonly string[], string[][]>();

function termTokens(terms: readonly string[]): string[][] {
  let tokens = TERM_TOKENS.get(terms);
  if (!tokens) {
    tokens = terms.map((term) => tokenize(term));
    TERM_TOKENS.set(terms, tokens);
  }
  return tokens;
}

/**
 * One highlighted snippet of `text` for the query terms, or null when nothing matches. Matching is on the
 * normalized text (full-width and case folded) and mapped back to the original characters. A term that does not
 * occur whole (bigrams matched apart) is highlighted bigram by bigram. Long texts are cut to a window of about
 * 80 characters around the first match, with an ellipsis where cut.
 *
 * Five fields of every hit go through here on each search page. Nearly every text (Chinese, codes in upper case
 * and digits, full-width letters) folds unit for unit, so its indexes need no mapping and no per-character
 * arrays; only texts with astral characters or expanding folds (ﬁ → fi) take the per-code-point way.
 */
export function highlight(text: string | null, terms: readonly string[]): string | null {
  if (!text || terms.length === 0) return null;
  const unitwise = foldUnitwise(text);
  return unitwise === null ? highlightByCodePoint(text, terms) : highlightUnitwise(text, unitwise, terms);
}

const NEEDS_ESCAPE = /[&<>"']/;

/**
 * A text whose normalized form has the same UTF-16 units at the same indexes: the matches are ranges of those
 * indexes, merged where they overlap or touch (one <em> for a run of marked characters, as per character below),
 * so the work follows the matches, not the text's length. Five fields of every hit of a search page come here.
 */
function highlightUnitwise(text: string, normalized: string, terms: readonly string[]): string | null {
  const tokens = termTokens(terms);
  const ranges: number[] = []; // [from, to) pairs, in the order found
  for (let i = 0; i < terms.length; i++) {
    const term = terms[i];
    if (term && normalized.includes(term)) addOccurrences(normalized, term, ranges);
    else for (const token of tokens[i]) addOccurrences(normalized, token, ranges);
  }
  if (ranges.length === 0) return null;
  const runs = mergedRuns(ranges);
  const length = text.length;
  let start = 0;
  let end = length;
  if (length > SNIPPET_CHARS) {
    start = Math.max(0, Math.min(runs[0] - SNIPPET_LEAD, length - SNIPPET_CHARS));
    end = Math.min(length, start + SNIPPET_CHARS);
  }
  const escape = NEEDS_ESCAPE.test(text) ? escapeHtml : (piece: string) => piece;
  let out = start > 0 ? '…' : '';
  let at = start;
  for (let r = 0; r < runs.length && runs[r] < end; r += 2) {
    const from = Math.max(runs[r], start);
    const to = Math.min(runs[r + 1], end);
    if (to <= at) continue;
    if (from > at) out += escape(text.slice(at, from));
    out += `<em>${escape(text.slice(from, to))}</em>`;
    at = to;
  }
  if (at < end) out += escape(text.slice(at, end));
  return end < length ? `${out}…` : out;
}

function addOccurrences(normalized: string, needle: string, ranges: number[]): void {
  if (!needle) return;
  for (let at = normalized.indexOf(needle); at >= 0; at = normalized.indexOf(needle, at + 1)) ranges.push(at, at + needle.length);
}

/** The union of [from, to) ranges as sorted, disjoint, non-touching runs (flat pairs). */
function mergedRuns(ranges: number[]): number[] {
  const order: number[] = [];
  for (let i = 0; i < ranges.length; i += 2) order.push(i);
  order.sort((a, b) => ranges[a] - ranges[b]);
  const runs: number[] = [];
  for (const i of order) {
    const last = runs.length - 1;
    if (runs.length > 0 && ranges[i] <= runs[last]) runs[last] = Math.max(runs[last], ranges[i + 1]);
    else runs.push(ranges[i], ranges[i + 1]);
  }
  return runs;
}

/** Texts with astral characters or folds that expand (ﬁ → fi): per code point, mapped back from the normalized units. */
function highlightByCodePoint(text: string, terms: readonly string[]): string | null {
  const original = Array.from(text);
  let normalized = '';
  const origin: number[] = [];
  original.forEach((char, index) => {
    const folded = normalizeChar(char);
    normalized += folded;
    for (let k = 0; k < folded.length; k++) origin.push(index);
  });
  // A term found whole is marked wherever it occurs; one that is not, bigram by bigram.
  const tokens = termTokens(terms);
  const needles = terms.flatMap((term, i) => (term && normalized.includes(term) ? [term] : tokens[i]));
  if (!needles.some((needle) => needle && normalized.includes(needle))) return null;
  const length = original.length;
  const marked = new Array<boolean>(length).fill(false);
  for (const needle of needles) {
    for (let at = normalized.indexOf(needle); needle && at >= 0; at = normalized.indexOf(needle, at + 1)) {
      for (let k = at; k < at + needle.length; k++) marked[origin[k]] = true;
    }
  }
  const first = marked.indexOf(true);
  let start = 0;
  let end = length;
  if (length > SNIPPET_CHARS) {
    start = Math.max(0, Math.min(first - SNIPPET_LEAD, length - SNIPPET_CHARS));
    end = Math.min(length, start + SNIPPET_CHARS);
  }
  let out = start > 0 ? '…' : '';
  for (let i = start; i < end; ) {
    let j = i;
    while (j < end && marked[j] === marked[i]) j++;
    const piece = escapeHtml(original.slice(i, j).join(''));
    out += marked[i] ? `<em>${piece}</em>` : piece;
    i = j;
  }
  return end < length ? `${out}…` : out;
}

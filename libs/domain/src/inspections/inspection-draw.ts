// The verifiable draw of 双随机、一公开 (随机抽取检查对象), as pure functions, so the API's set-based SQL, the
// CLI verifier (`inspections:verify-draw`) and anyone holding the exported candidate list compute the same thing.
//
// Commit–reveal. When a plan is published the platform records seedCommitment = hex(SHA-256(seed)), where the
// seed is 32 random bytes written as 64 lowercase hex characters, and keeps the seed secret until the draw.
// The draw reveals the seed; anyone can check SHA-256(seed) against the commitment published before.
//
// Selection. The candidates (subjects in scope with their tier on the draw day, after the exclusion window)
// are split into tier strata A, B, C, D. In each stratum the subjects with the smallest
//     digest(uscc) = SHA-256( seed bytes (32) ‖ the USCC's 18 ASCII bytes )
// compared as unsigned big-endian byte strings (= lowercase hex strings compared as text) are selected, up
// to the stratum's count (stratumCount). Ties (which SHA-256 practically never gives) go to the smaller USCC.
// The order of the candidate list plays no part, so the same seed and list always give the same subjects.
//
// Candidate-list hash, byte for byte (what a citizen recomputes from the exported CSV):
//     for each candidate, sorted by USCC ascending (byte order of the ASCII code), the line
//         <USCC> "," <tier letter A|B|C|D> "\n"          e.g. "91341102MA2N0XXX1A,B\n"
//     concatenated, no header, no BOM, every line ending in a single LF (also the last one);
//     candidateListHash = lowercase hex of SHA-256 of those UTF-8 (here: ASCII) bytes.
// The CSV export is a header line "uscc,tier\n" followed by exactly those lines, so
//     tail -n +2 candidates.csv | sha256sum
// prints the hash.
//
// The hash function. Every function here that hashes takes it as its last argument (Sha256Function), defaulting
// to the pure-TypeScript sha256 of ./sha256 (libs/domain imports no node:crypto; a browser runs the same code).
// A caller on Node passes node:crypto's SHA-256 (libs/inspections: nodeSha256), some 20× faster on a million
// USCCs; the function is the same FIPS 180-4 SHA-256, so the results are byte for byte the same.
import { IsoDate } from '../penalty/penalty.types';
import { addMonths } from '../time/calendar';
import { CreditTier } from '../tiers/tier.types';
import { fromHex, sha256, Sha256Function, toHex, utf8 } from './sha256';

export const DRAW_TIERS: readonly CreditTier[] = [CreditTier.A, CreditTier.B, CreditTier.C, CreditTier.D];
export const SEED_HEX_LENGTH = 64;
export const CANDIDATE_CSV_HEADER = 'uscc,tier';

/** Sampling rule of one tier stratum (抽查比例): a percentage in basis points (3% = 300) with optional bounds. */
export interface StratumRule {
  tier: CreditTier;
  /** 0..10000 = 0%..100%, two decimals of a percent. */
  ratioBasisPoints: number;
  /** At least this many (when the stratum has them), or null. */
  minCount: number | null;
  /** At most this many, or null. */
  maxCount: number | null;
}

export interface StratumCount {
  count: number;
  /** How many the minimum asked for beyond the stratum's size (then every subject of the stratum is drawn). */
  shortfall: number;
}

export interface DrawCandidate {
  uscc: string;
  tier: CreditTier;
}

export interface DrawnSubject extends DrawCandidate {
  digest: string;
  /** 1-based rank within its stratum. */
  rank: number;
}

export interface StratumDraw {
  tier: CreditTier;
  candidates: number;
  count: number;
  shortfall: number;
}

export interface DrawOutcome {
  candidateListHash: string;
  strata: StratumDraw[];
  selected: DrawnSubject[];
}

/**
 * How many to draw from a stratum of `size`: ⌈size × ratio⌉ (抽查比例 is a floor: "不低于"), raised to the
 * minimum, lowered to the maximum, never above the stratum's size. 0% and no minimum → 0; 100% → all.
 */
export function stratumCount(size: number, rule: Pick<StratumRule, 'ratioBasisPoints' | 'minCount' | 'maxCount'>): StratumCount {
  if (!Number.isInteger(size) || size < 0) throw new RangeError(`stratum size must be a whole number ≥ 0: ${size}`);
  if (!isRatioBasisPoints(rule.ratioBasisPoints)) throw new RangeError(`ratio must be 0..10000 basis points: ${rule.ratioBasisPoints}`);
  // Integer arithmetic: size ≤ 10^9 × 10^4 stays far below 2^53.
  let count = Math.floor((size * rule.ratioBasisPoints + 9999) / 10000);
  if (rule.minCount !== null) count = Math.max(count, rule.minCount);
  if (rule.maxCount !== null) count = Math.min(count, rule.maxCount);
  const shortfall = rule.minCount !== null && rule.minCount > size ? rule.minCount - size : 0;
  return { count: Math.max(0, Math.min(count, size)), shortfall };
}

export function isRatioBasisPoints(value: number): boolean {
  return Number.isInteger(value) && value >= 0 && value <= 10000;
}

/** "3", "12.5", "100.00" (percent, at most two decimals, 0–100) → basis points, or null. */
export function parseRatioPercent(text: string): number | null {
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) return null;
  const bp = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return bp <= 10000 ? bp : null;
}

export function formatRatioPercent(basisPoints: number): string {
  const whole = Math.floor(basisPoints / 100);
  const cents = basisPoints % 100;
  return cents === 0 ? String(whole) : `${whole}.${String(cents).padStart(2, '0').replace(/0$/, '')}`;
}

export function isSeedHex(seed: string): boolean {
  return seed.length === SEED_HEX_LENGTH && /^[0-9a-f]+$/.test(seed);
}

/** seedCommitment = lowercase hex of SHA-256 over the seed's 32 bytes. */
export function seedCommitment(seedHex: string, hash: Sha256Function = sha256): string {
  return toHex(hash(seedBytes(seedHex)));
}

/** SHA-256(seed ‖ USCC) as lowercase hex. */
export function drawDigest(seedHex: string, uscc: string, hash: Sha256Function = sha256): string {
  return toHex(hash(concat(seedBytes(seedHex), utf8(uscc))));
}

/** The canonical candidate lines (sorted by USCC), as the CSV export writes them after its header. */
export function canonicalCandidateLines(candidates: readonly DrawCandidate[]): string {
  return linesOf(byUscc(candidates));
}

export function candidateListHash(candidates: readonly DrawCandidate[], hash: Sha256Function = sha256): string {
  return toHex(hash(utf8(canonicalCandidateLines(candidates))));
}

/** The whole draw, from the seed, the frozen candidates and the stratum rules (a tier without a rule draws none). */
export function drawInspectionSample(seedHex: string, candidates: readonly DrawCandidate[], rules: readonly StratumRule[], hash: Sha256Function = sha256): DrawOutcome {
  const digestOf = digester(seedBytes(seedHex), hash);
  // One sort by USCC serves the duplicate check (neighbours), the list hash and the strata (each kept in USCC
  // order, so the stable sort by digest below leaves ties to the smaller USCC as well).
  const sorted = byUscc(candidates);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].uscc === sorted[i - 1].uscc) throw new RangeError(`candidate ${sorted[i].uscc} appears twice`);
  }
  const listHash = toHex(hash(utf8(linesOf(sorted))));
  const buckets = new Map<CreditTier, { uscc: string; tier: CreditTier; digest: string }[]>(DRAW_TIERS.map((tier) => [tier, []]));
  for (const c of sorted) buckets.get(c.tier)?.push({ uscc: c.uscc, tier: c.tier, digest: digestOf(c.uscc) });
  const strata: StratumDraw[] = [];
  const selected: DrawnSubject[] = [];
  for (const tier of DRAW_TIERS) {
    const members = buckets.get(tier)!.sort((a, b) => compareText(a.digest, b.digest) || compareText(a.uscc, b.uscc));
    const rule = rules.find((r) => r.tier === tier) ?? { ratioBasisPoints: 0, minCount: null, maxCount: null };
    const { count, shortfall } = stratumCount(members.length, rule);
    strata.push({ tier, candidates: members.length, count, shortfall });
    members.slice(0, count).forEach((member, index) => selected.push({ ...member, rank: index + 1 }));
  }
  return { candidateListHash: listHash, strata, selected };
}

function byUscc(candidates: readonly DrawCandidate[]): DrawCandidate[] {
  return [...candidates].sort((a, b) => compareText(a.uscc, b.uscc));
}

function linesOf(sorted: readonly DrawCandidate[]): string {
  let out = '';
  for (const c of sorted) out += `${c.uscc},${c.tier}\n`;
  return out;
}

/**
 * 近期已检查的排除 (exclusion window): a subject inspected under another plan (selected in a draw) on a day
 * within the `months` before the draw day (lastInspectedOn ≥ drawDay − months) is left out, unless its tier is D
 * (high risk is inspected whatever the history). months 0 → nobody is left out.
 */
export function isExcludedByRecentInspection(tier: CreditTier, lastInspectedOn: IsoDate | null, drawDay: IsoDate, months: number): boolean {
  if (months <= 0 || lastInspectedOn === null || tier === CreditTier.D) return false;
  return lastInspectedOn >= addMonths(drawDay, -months) && lastInspectedOn <= drawDay;
}

/** Parses the exported CSV (header + canonical lines); a line it cannot read is an error naming it. */
export function parseCandidateCsv(text: string): { candidates: DrawCandidate[] } | { error: string } {
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  if (lines[0].replace(/\r$/, '') !== CANDIDATE_CSV_HEADER) return { error: `line 1: expected header "${CANDIDATE_CSV_HEADER}"` };
  const candidates: DrawCandidate[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '');
    if (line === '' && i === lines.length - 1) break;
    const match = /^([0-9A-Z]{18}),([ABCD])$/.exec(line);
    if (!match) return { error: `line ${i + 1}: expected "<18-character USCC>,<A|B|C|D>"` };
    candidates.push({ uscc: match[1], tier: match[2] as CreditTier });
  }
  return { candidates };
}

function seedBytes(seedHex: string): Uint8Array {
  const bytes = isSeedHex(seedHex) ? fromHex(seedHex) : null;
  if (bytes === null) throw new RangeError('seed must be 64 lowercase hex characters (32 bytes)');
  return bytes;
}

/**
 * hex(SHA-256(seed ‖ USCC)) for many USCCs: seed and USCC are written into one reused buffer (a draw hashes up to
 * millions; a fresh buffer each would cost more in the garbage collector than the hash). Both hash functions
 * copy their input before returning, so reusing the buffer is safe.
 */
function digester(seed: Uint8Array, hash: Sha256Function): (uscc: string) => string {
  const buffer = new Uint8Array(seed.length + 64);
  buffer.set(seed);
  const tail = buffer.subarray(seed.length);
  return (uscc) => {
    const { read, written } = ENCODER.encodeInto(uscc, tail);
    if (read !== uscc.length) return toHex(hash(concat(seed, utf8(uscc))));
    return toHex(hash(buffer.subarray(0, seed.length + written)));
  };
}

const ENCODER = new TextEncoder();

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

// Code-unit order, not localeCompare: the order must not depend on the machine's ICU data.
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

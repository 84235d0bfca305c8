import { CreditTier } from '../tiers/tier.types';
import {
  candidateListHash,
  canonicalCandidateLines,
  drawDigest,
  drawInspectionSample,
  DrawCandidate,
  formatRatioPercent,
  isExcludedByRecentInspection,
  parseCandidateCsv,
  parseRatioPercent,
  seedCommitment,
  StratumRule,
  stratumCount,
} from './inspection-draw';
import { sha256Hex } from './sha256';

const SEED = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';
const OTHER_SEED = 'ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100';

function candidates(n: number, tier: CreditTier, prefix = '9134110200000'): DrawCandidate[] {
  return Array.from({ length: n }, (_, i) => ({ uscc: `${prefix}${String(i).padStart(18 - prefix.length, '0')}`, tier }));
}

function shuffled<T>(items: readonly T[], salt: number): T[] {
  return items.map((item, i) => ({ item, k: (i * 7919 + salt * 104729) % 1000003 })).sort((a, b) => a.k - b.k).map((x) => x.item);
}

const RULES: StratumRule[] = [
  { tier: CreditTier.A, ratioBasisPoints: 300, minCount: null, maxCount: null },
  { tier: CreditTier.B, ratioBasisPoints: 500, minCount: null, maxCount: null },
  { tier: CreditTier.C, ratioBasisPoints: 1000, minCount: 2, maxCount: null },
  { tier: CreditTier.D, ratioBasisPoints: 3000, minCount: null, maxCount: 4 },
];

describe('sha256 (FIPS 180-4 test vectors)', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'],
  ])('%j', (input, expected) => expect(sha256Hex(input)).toBe(expected));

  it('hashes a message longer than one block', () => expect(sha256Hex('a'.repeat(1000))).toBe('41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3'));
});

describe('stratumCount: ⌈size × ratio⌉, then minimum, maximum, never above the stratum', () => {
  it.each([
    // size, ratio bp, min, max → count, shortfall
    [0, 300, null, null, 0, 0],
    [100, 0, null, null, 0, 0], // 0%
    [100, 10000, null, null, 100, 0], // 100%
    [100, 300, null, null, 3, 0],
    [101, 300, null, null, 4, 0], // 3.03 → 4 (a floor: 不低于)
    [1, 1, null, null, 1, 0], // 0.01% of one subject still draws it
    [10, 0, 3, null, 3, 0], // 0% with a minimum
    [5, 1000, 8, null, 5, 3], // minimum above the stratum's size: all, shortfall 3
    [1000, 3000, null, 50, 50, 0], // maximum
    [1000, 3000, 60, 50, 50, 0], // maximum wins over a larger minimum
  ])('size %i, %i bp, min %p, max %p → %i (shortfall %i)', (size, bp, min, max, count, shortfall) => {
    expect(stratumCount(size, { ratioBasisPoints: bp, minCount: min, maxCount: max })).toEqual({ count, shortfall });
  });

  it('refuses a ratio outside 0–100%', () => expect(() => stratumCount(1, { ratioBasisPoints: 10001, minCount: null, maxCount: null })).toThrow(RangeError));
});

describe('ratio percent text', () => {
  it.each([['3', 300], ['12.5', 1250], ['0.01', 1], ['100', 10000], ['100.00', 10000], ['0', 0]])('%s → %i bp', (text, bp) => expect(parseRatioPercent(text)).toBe(bp));
  it.each(['100.01', '-1', '1.234', 'abc', ''])('%j is refused', (text) => expect(parseRatioPercent(text)).toBeNull());
  it('formats back', () => expect([300, 1250, 1, 10000].map(formatRatioPercent)).toEqual(['3', '12.5', '0.01', '100']));
});

describe('the draw', () => {
  const pool = [...candidates(200, CreditTier.A, '91341102A'), ...candidates(60, CreditTier.B, '91341102B'), ...candidates(9, CreditTier.C, '91341102C'), ...candidates(30, CreditTier.D, '91341102D')];

  it('commits to the seed with SHA-256 over its 32 bytes, and digests seed ‖ USCC', () => {
    expect(seedCommitment(SEED)).toBe(sha256Hex(Uint8Array.from(Buffer.from(SEED, 'hex'))));
    const bytes = new Uint8Array([...Buffer.from(SEED, 'hex'), ...Buffer.from('91350100M000100Y43', 'ascii')]);
    expect(drawDigest(SEED, '91350100M000100Y43')).toBe(sha256Hex(bytes));
  });

  it('is deterministic and independent of the candidate order', () => {
    const first = drawInspectionSample(SEED, pool, RULES);
    for (const salt of [1, 2, 3]) expect(drawInspectionSample(SEED, shuffled(pool, salt), RULES)).toEqual(first);
    expect(drawInspectionSample(OTHER_SEED, pool, RULES).selected).not.toEqual(first.selected);
  });

  it('draws each stratum by its own count: the smallest digests', () => {
    const outcome = drawInspectionSample(SEED, pool, RULES);
    expect(outcome.strata).toEqual([
      { tier: 'A', candidates: 200, count: 6, shortfall: 0 },
      { tier: 'B', candidates: 60, count: 3, shortfall: 0 },
      { tier: 'C', candidates: 9, count: 2, shortfall: 0 }, // ⌈0.9⌉ = 1, minimum 2
      { tier: 'D', candidates: 30, count: 4, shortfall: 0 }, // ⌈9⌉ capped at 4
    ]);
    const inA = pool.filter((c) => c.tier === 'A').map((c) => drawDigest(SEED, c.uscc)).sort();
    expect(outcome.selected.filter((s) => s.tier === 'A').map((s) => s.digest)).toEqual(inA.slice(0, 6));
    expect(outcome.selected.filter((s) => s.tier === 'A').map((s) => s.rank)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('a tier without a rule draws none; 100% draws all', () => {
    const outcome = drawInspectionSample(SEED, pool, [{ tier: CreditTier.D, ratioBasisPoints: 10000, minCount: null, maxCount: null }]);
    expect(outcome.selected.map((s) => s.tier)).toEqual(Array(30).fill('D'));
  });

  it('refuses a duplicated candidate', () => expect(() => drawInspectionSample(SEED, [...pool, pool[0]], RULES)).toThrow(/twice/));
  it('refuses a seed that is not 32 bytes of lowercase hex', () => expect(() => drawInspectionSample(SEED.toUpperCase(), pool, RULES)).toThrow(RangeError));
});

describe('candidate-list hash: sorted "USCC,tier\\n" lines', () => {
  const list: DrawCandidate[] = [
    { uscc: '91341102MA0000002B', tier: CreditTier.B },
    { uscc: '91341102MA0000001A', tier: CreditTier.A },
  ];
  it('is SHA-256 of the canonical bytes, whatever the order', () => {
    expect(canonicalCandidateLines(list)).toBe('91341102MA0000001A,A\n91341102MA0000002B,B\n');
    expect(candidateListHash(list)).toBe(sha256Hex('91341102MA0000001A,A\n91341102MA0000002B,B\n'));
    expect(candidateListHash([...list].reverse())).toBe(candidateListHash(list));
  });
  it('changes when a tier changes', () => expect(candidateListHash([{ ...list[0], tier: CreditTier.D }, list[1]])).not.toBe(candidateListHash(list)));
  it('reads the exported CSV back', () => {
    expect(parseCandidateCsv(`uscc,tier\n${canonicalCandidateLines(list)}`)).toEqual({ candidates: [list[1], list[0]] });
    expect(parseCandidateCsv('uscc,tier\n91341102MA0000001A,E\n')).toEqual({ error: expect.stringContaining('line 2') });
    expect(parseCandidateCsv('x\n')).toEqual({ error: expect.stringContaining('line 1') });
  });
});

describe('exclusion window (近期已检查的排除)', () => {
  it.each([
    // tier, last inspected, draw day, months → excluded
    [CreditTier.B, '2026-06-01', '2026-12-01', 6, true], // exactly 6 months ago: within
    [CreditTier.B, '2026-05-31', '2026-12-01', 6, false],
    [CreditTier.A, '2026-11-30', '2026-12-01', 12, true],
    [CreditTier.D, '2026-11-30', '2026-12-01', 12, false], // D is never left out
    [CreditTier.C, null, '2026-12-01', 12, false],
    [CreditTier.C, '2026-11-30', '2026-12-01', 0, false], // no window
  ])('%s inspected %p, drawn %s, window %i months → %p', (tier, last, day, months, excluded) => {
    expect(isExcludedByRecentInspection(tier, last, day, months)).toBe(excluded);
  });
});

import { CreditTier } from '../tiers/tier.types';
import { candidateListHash, drawDigest, drawInspectionSample, DrawCandidate, seedCommitment, StratumRule } from './inspection-draw';
import { sha256, Sha256Function, toHex } from './sha256';

const SEED = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';
const RULES: StratumRule[] = [
  { tier: CreditTier.A, ratioBasisPoints: 1000, minCount: null, maxCount: null },
  { tier: CreditTier.D, ratioBasisPoints: 5000, minCount: null, maxCount: null },
];
const CANDIDATES: DrawCandidate[] = Array.from({ length: 200 }, (_, i) => ({ uscc: `91341102MA${String(i).padStart(8, '0')}`, tier: i % 3 === 0 ? CreditTier.D : CreditTier.A }));

describe('the draw functions take the SHA-256 implementation (dependency injection)', () => {
  it('use the injected function for every hash and give the same results as the default', () => {
    let calls = 0;
    // A copy of the input, as a caller's implementation would make: the draw reuses its buffers.
    const counting: Sha256Function = (data) => {
      calls++;
      return sha256(Uint8Array.from(data));
    };
    expect(seedCommitment(SEED, counting)).toBe(seedCommitment(SEED));
    expect(drawDigest(SEED, CANDIDATES[0].uscc, counting)).toBe(drawDigest(SEED, CANDIDATES[0].uscc));
    expect(candidateListHash(CANDIDATES, counting)).toBe(candidateListHash(CANDIDATES));
    calls = 0;
    const injected = drawInspectionSample(SEED, CANDIDATES, RULES, counting);
    expect(calls).toBe(CANDIDATES.length + 1);
    expect(injected).toEqual(drawInspectionSample(SEED, CANDIDATES, RULES));
  });

  it('toHex writes lowercase pairs for any length', () => {
    const bytes = Uint8Array.from({ length: 5000 }, (_, i) => (i * 37) & 255);
    expect(toHex(bytes)).toBe(Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(''));
    expect(toHex(new Uint8Array(0))).toBe('');
  });
});

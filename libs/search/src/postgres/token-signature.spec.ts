import fc from 'fast-check';
import { signatureBits, TOKEN_SIGNATURE_BITS, tokenSignature } from './token-signature';
import { tokenKey } from './postgres-search.tokens';

/** The signature as PostgreSQL prints a bit(1024): '0'/'1' from the left. */
const bits = (signature: string) => [...Buffer.from(signature.slice(1), 'hex')].map((byte) => byte.toString(2).padStart(8, '0')).join('');

describe('tokenSignature', () => {
  it('is PostgreSQL hex bit-string input of 1024 bits, with three bits set for key k (k, k / 1024 and k / 2^32, each mod 1024), counted from the left', () => {
    const keys = [0, 9, 1024 + 9, 2 ** 32 + 5, 2 ** 53 - 1];
    expect(keys.map(signatureBits)).toEqual([[0, 0, 0], [9, 0, 0], [9, 1, 0], [5, 0, 1], [1023, 1023, 1023]]);
    const signature = tokenSignature(keys);
    expect(signature).toMatch(/^x[0-9a-f]{256}$/);
    const set = [...bits(signature)].flatMap((bit, i) => (bit === '1' ? [i] : []));
    expect(set).toEqual([0, 1, 5, 9, 1023]);
    expect(bits(tokenSignature([]))).toBe('0'.repeat(TOKEN_SIGNATURE_BITS));
  });

  it('tells apart two keys that share their first bit: a row holding one does not pass the test for the other', () => {
    // With one bit a key, a searched key whose bit a key of every row also sets lets every row through.
    const byFirstBit = new Map<number, number>();
    let pairs = 0;
    for (let i = 0; pairs < 50; i++) {
      const key = tokenKey(`词${i}`);
      const [first] = signatureBits(key);
      const other = byFirstBit.get(first);
      if (other === undefined) {
        byFirstBit.set(first, key);
        continue;
      }
      pairs++;
      const row = BigInt(`0x${tokenSignature([other]).slice(1)}`);
      const mask = BigInt(`0x${tokenSignature([key]).slice(1)}`);
      expect({ key, other, covered: (row & mask) === mask }).toEqual({ key, other, covered: false });
    }
  });

  it("covers a search's keys whenever the row holds them: the row's signature ANDed with the search's is the search's", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 150 }), fc.nat(), (tokens, pick) => {
        const keys = tokens.map(tokenKey);
        const searched = keys.filter((_, i) => (i + pick) % 3 === 0);
        const row = BigInt(`0x${tokenSignature(keys).slice(1)}`);
        const mask = BigInt(`0x${tokenSignature(searched).slice(1)}`);
        expect(row & mask).toBe(mask);
      }),
    );
  });

  it("sets, as its first bit, the one bit a key of the one-bit signature (k mod 1024): the previous release's masks stay inside the rows' signatures", () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), (key) => {
        expect(signatureBits(key)[0]).toBe(key % 1024);
      }),
    );
  });

  it('refuses what is not a token key', () => {
    for (const key of [-1, 0.5, 2 ** 53, Number.NaN]) expect(() => tokenSignature([key])).toThrow(RangeError);
  });
});

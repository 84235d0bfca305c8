import fc from 'fast-check';
import { TOKEN_SIGNATURE_BITS, tokenSignature } from './token-signature';
import { tokenKey } from './postgres-search.tokens';

/** The signature as PostgreSQL prints a bit(1024): '0'/'1' from the left. */
const bits = (signature: string) => [...Buffer.from(signature.slice(1), 'hex')].map((byte) => byte.toString(2).padStart(8, '0')).join('');

describe('tokenSignature', () => {
  it('is PostgreSQL hex bit-string input of 1024 bits, with bit k mod 1024 set for key k, counted from the left', () => {
    const signature = tokenSignature([0, 9, 1024 + 9, 1023, 2 ** 53 - 1]);
    expect(signature).toMatch(/^x[0-9a-f]{256}$/);
    const set = [...bits(signature)].flatMap((bit, i) => (bit === '1' ? [i] : []));
    expect(set).toEqual([0, 9, 1023]);
    expect(bits(tokenSignature([]))).toBe('0'.repeat(TOKEN_SIGNATURE_BITS));
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

  it('refuses what is not a token key', () => {
    for (const key of [-1, 0.5, 2 ** 53, Number.NaN]) expect(() => tokenSignature([key])).toThrow(RangeError);
  });
});

// A fixed-width bit signature of a row's token keys (a one-hash Bloom filter): a walk tests it before the exact
// `arraycontains(tokens, …)`, which deconstructs the row's ~100-key array and compares every key against the
// searched ones (~0.6 µs a row here, half of what a walked row costs). Most walked rows lack a searched key and
// are dismissed by the bit test alone (~0.1 µs); a row that passes it is tested exactly, so answers are unchanged.

/** Bits in a signature: ~100 keys set ~9 % of them, so a one-key test lets ~9 % of non-matching rows through. */
export const TOKEN_SIGNATURE_BITS = 1024;

/** The SQL type of the column and of the searched mask (`&` needs both of one length). */
export const TOKEN_SIGNATURE_TYPE = `bit(${TOKEN_SIGNATURE_BITS})`;

/**
 * The signature of these token keys (tokenKey values: non-negative integers below 2^53) as PostgreSQL's hex
 * bit-string input, `x` and 256 hex digits: key k sets bit k mod 1024, counted from the left as get_bit counts.
 * The keys' low bits come from the hash's mixed half, so they spread evenly. This is the searched mask; the rows'
 * signatures are computed the same way by the database (public_disclosure_token_signature, a trigger on every
 * write of `tokens`: Migration20261205210000), so that no writer can leave one that does not match its tokens.
 */
export function tokenSignature(keys: readonly number[]): string {
  const bytes = new Uint8Array(TOKEN_SIGNATURE_BITS / 8);
  for (const key of keys) {
    if (!Number.isSafeInteger(key) || key < 0) throw new RangeError(`not a token key: ${key}`);
    const bit = key % TOKEN_SIGNATURE_BITS;
    bytes[bit >> 3] |= 0x80 >> (bit & 7);
  }
  return `x${Buffer.from(bytes).toString('hex')}`;
}

/**
 * The rows that may hold every key of the mask (an SQL expression of TOKEN_SIGNATURE_TYPE), then tested exactly by
 * `exact`: a CASE, so the bit test runs first (the planner orders plain ANDed conditions by its own cost
 * estimates, which put the array test first). A row written before the column existed has no signature and is
 * tested exactly (search:reindex gives every row one).
 */
export function signatureThen(mask: string, exact: string): string {
  return `CASE WHEN token_signature IS NULL OR (token_signature & ${mask}) = ${mask} THEN ${exact} END`;
}

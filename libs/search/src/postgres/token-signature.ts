// A fixed-width bit signature of a row's token keys (a Bloom filter, three bits a key): a walk tests it before the
// exact `arraycontains(tokens, …)`, which deconstructs the row's ~100-key array and compares every key against the
// searched ones (~0.6 µs a row here, half of what a walked row costs). Most walked rows lack a searched key and
// are dismissed by the bit test alone (~0.1 µs); a row that passes it is tested exactly, so answers are unchanged.
//
// Three bits, not one: with one bit a key, a searched key whose bit a key most rows hold also sets let almost
// every row through (64 of the 1,024 bits were set in more than 30 % of a 2 % sample's rows). On the bench's 1M
// (a 2 % sample, the mix's 24 words and names), one bit let through 12 % of the rows lacking the key on average,
// and 55 %, 97 % and 100 % for 假冒, 餐饮 and 过期; three bits 0.6 % on average and 4.6 % at most. Two bits in
// 2,048 did as well (0.3 %, 1.8 %) at twice the width of every row.

/** Bits in a signature: ~100 keys set three bits each, ~25 % of them. */
export const TOKEN_SIGNATURE_BITS = 1024;

/** The SQL type of the column and of the searched mask (`&` needs both of one length). */
export const TOKEN_SIGNATURE_TYPE = `bit(${TOKEN_SIGNATURE_BITS})`;

/**
 * The bits key k sets, counted from the left as get_bit counts: k mod 1024, floor(k / 1024) mod 1024 and
 * floor(k / 2^32) mod 1024, three slices of tokenKey's two hashes (its low 32 bits are one hash, the bits above
 * them the other), so a key that shares one bit with another seldom shares all three. The same as the database's
 * public_disclosure_token_signature (Migration20261206120000). The first is the one bit a key of the signature
 * before it: a process of that release, during a rolling deploy, still finds every row signed with three.
 */
export function signatureBits(key: number): [number, number, number] {
  if (!Number.isSafeInteger(key) || key < 0) throw new RangeError(`not a token key: ${key}`);
  return [key % TOKEN_SIGNATURE_BITS, Math.floor(key / TOKEN_SIGNATURE_BITS) % TOKEN_SIGNATURE_BITS, Math.floor(key / 2 ** 32) % TOKEN_SIGNATURE_BITS];
}

/**
 * The signature of these token keys (tokenKey values: non-negative integers below 2^53) as PostgreSQL's hex
 * bit-string input, `x` and 256 hex digits, with signatureBits set for every key. This is the searched mask; the
 * rows' signatures are computed the same way by the database (public_disclosure_token_signature, a trigger on
 * every write of `tokens`: Migration20261205210000, three bits since Migration20261206120000), so that no writer
 * can leave one that does not match its tokens.
 */
export function tokenSignature(keys: readonly number[]): string {
  const bytes = new Uint8Array(TOKEN_SIGNATURE_BITS / 8);
  for (const key of keys) {
    for (const bit of signatureBits(key)) bytes[bit >> 3] |= 0x80 >> (bit & 7);
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

// SHA-256 (FIPS 180-4) in plain TypeScript. libs/domain may not import node:crypto, and the draw must be
// re-computable anywhere (the CLI, a browser on the public portal) with the very same code, so the hash the
// draw rules use lives here. PostgreSQL's sha256(bytea) computes the same function in the set-based draw.

/**
 * A SHA-256 implementation: the 32-byte digest of `data`. The draw's functions take one (dependency injection) so
 * Node callers can pass node:crypto's; it must not keep a reference to `data` (callers reuse their buffers).
 */
export type Sha256Function = (data: Uint8Array) => Uint8Array;

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be,
  0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa,
  0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85,
  0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3,
  0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f,
  0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

const W = new Uint32Array(64);
// Messages of up to two blocks (a seed and a USCC are 50 bytes) are padded in this reused buffer: a draw hashes
// millions of them, and a fresh buffer each time spends more in the garbage collector than in the hash.
const SMALL = new Uint8Array(128);
const SMALL_VIEW = new DataView(SMALL.buffer);

/** SHA-256 of `data`, 32 bytes. */
export function sha256(data: Uint8Array): Uint8Array {
  const bitLength = data.length * 8;
  const length = ((data.length + 9 + 63) >> 6) << 6;
  const small = length <= SMALL.length;
  const padded = small ? SMALL.subarray(0, length) : new Uint8Array(length);
  if (small) padded.fill(0);
  padded.set(data);
  padded[data.length] = 0x80;
  const view = small ? SMALL_VIEW : new DataView(padded.buffer);
  // Messages here are far below 2^53 bits: the high word is bitLength / 2^32.
  view.setUint32(padded.length - 8, Math.floor(bitLength / 0x100000000));
  view.setUint32(padded.length - 4, bitLength >>> 0);

  let h0 = 0x6a09e667, h1 = 0xbb67ae85, h2 = 0x3c6ef372, h3 = 0xa54ff53a;
  let h4 = 0x510e527f, h5 = 0x9b05688c, h6 = 0x1f83d9ab, h7 = 0x5be0cd19;
  for (let offset = 0; offset < padded.length; offset += 64) {
    for (let i = 0; i < 16; i++) W[i] = view.getUint32(offset + i * 4);
    for (let i = 16; i < 64; i++) {
      const w15 = W[i - 15], w2 = W[i - 2];
      const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
      const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
      W[i] = (W[i - 16] + s0 + W[i - 7] + s1) | 0;
    }
    let a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7;
    for (let i = 0; i < 64; i++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const ch = (e & f) ^ (~e & g);
      const t1 = (h + S1 + ch + K[i] + W[i]) | 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (S0 + maj) | 0;
      h = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
    }
    h0 = (h0 + a) | 0; h1 = (h1 + b) | 0; h2 = (h2 + c) | 0; h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0; h5 = (h5 + f) | 0; h6 = (h6 + g) | 0; h7 = (h7 + h) | 0;
  }
  const out = new Uint8Array(32);
  const outView = new DataView(out.buffer);
  [h0, h1, h2, h3, h4, h5, h6, h7].forEach((word, i) => outView.setUint32(i * 4, word >>> 0));
  return out;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

// Char codes of HEX, two per byte, and a reused buffer of them: String.fromCharCode over the buffer builds one flat
// string, ~10× faster than 32 concatenations, whose rope the sort of a million digests then has to flatten.
const HEX_CODES = new Uint16Array(512);
HEX.forEach((pair, i) => {
  HEX_CODES[2 * i] = pair.charCodeAt(0);
  HEX_CODES[2 * i + 1] = pair.charCodeAt(1);
});
const HEX_CHUNK = 4096;
const HEX_OUT = new Uint16Array(2 * HEX_CHUNK);

export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (let start = 0; start < bytes.length; start += HEX_CHUNK) {
    const end = Math.min(bytes.length, start + HEX_CHUNK);
    for (let i = start; i < end; i++) {
      const j = 2 * (i - start);
      HEX_OUT[j] = HEX_CODES[2 * bytes[i]];
      HEX_OUT[j + 1] = HEX_CODES[2 * bytes[i] + 1];
    }
    out += String.fromCharCode.apply(null, HEX_OUT.subarray(0, 2 * (end - start)) as unknown as number[]);
  }
  return out;
}

/** Bytes of a hex string (even length, 0-9a-f any case), or null when it is not one. */
export function fromHex(hex: string): Uint8Array | null {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) return null;
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

// One encoder for the process: constructing one per call costs more than the hash of a USCC.
const ENCODER = new TextEncoder();

/** UTF-8 bytes of a string (TextEncoder is a global in Node and browsers, not an import). */
export function utf8(text: string): Uint8Array {
  return ENCODER.encode(text);
}

export function sha256Hex(data: Uint8Array | string): string {
  return toHex(sha256(typeof data === 'string' ? utf8(data) : data));
}

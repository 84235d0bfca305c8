// node:crypto's SHA-256 as the Sha256Function the draw functions of @credit/domain take (their default is the
// pure-TypeScript one, which a million USCCs keep busy for ~26 s, mostly in the garbage collector). Same function,
// same bytes. crypto.hash (one-shot, Node ≥ 20.12) skips the Hash object; engines allows 20.11, hence the fallback.
import crypto from 'node:crypto';
import type { Sha256Function } from '@credit/domain';

export const nodeSha256: Sha256Function =
  typeof crypto.hash === 'function' ? (data) => crypto.hash('sha256', data, 'buffer') : (data) => crypto.createHash('sha256').update(data).digest();

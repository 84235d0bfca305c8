// scrypt (memory-hard, in node:crypto, no native addon) at OWASP's cost: N=2^17, r=8, p=1 (128 MiB per
// hash). Hashes are self-describing (`scrypt$N$r$p$salt$key`), so a hash made with weaker parameters still
// verifies and is replaced on the next successful login (needsRehash). Only PASSWORD_HASH_COST lowers N,
// for test suites; configuration refuses less than 17 in production.
import { Inject, Injectable } from '@nestjs/common';
import { randomBytes, scrypt as scryptCallback, ScryptOptions, timingSafeEqual } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '@credit/common';

const scrypt = (password: string, salt: Buffer, keylen: number, options: ScryptOptions): Promise<Buffer> =>
  new Promise((resolve, reject) => scryptCallback(password, salt, keylen, options, (error, key) => (error ? reject(error) : resolve(key))));

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

const KEY_LENGTH = 32;
// A stored hash is trusted input, but a corrupted one must not ask for gigabytes: 2^20 × 16 × 128 B = 2 GiB max.
const MAX_LOG2_N = 20;
const MAX_R = 16;
const MAX_P = 4;

/** scrypt needs 128·N·r bytes; node refuses anything over maxmem (32 MiB by default), so allow that plus slack. */
function maxmemFor(params: ScryptParams): number {
  return 128 * params.N * params.r + 16 * 1024 * 1024;
}

export function hashWith(password: string, params: ScryptParams): Promise<string> {
  const salt = randomBytes(16);
  return scrypt(password, salt, KEY_LENGTH, { ...params, maxmem: maxmemFor(params) }).then(
    (key) => `scrypt$${params.N}$${params.r}$${params.p}$${salt.toString('base64')}$${key.toString('base64')}`,
  );
}

export function parseHash(stored: string): (ScryptParams & { salt: Buffer; key: Buffer }) | null {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  if (scheme !== 'scrypt' || !salt || !key) return null;
  if (!Number.isInteger(Math.log2(params.N)) || params.N < 2 || params.N > 2 ** MAX_LOG2_N) return null;
  if (!Number.isInteger(params.r) || params.r < 1 || params.r > MAX_R || !Number.isInteger(params.p) || params.p < 1 || params.p > MAX_P) return null;
  return { ...params, salt: Buffer.from(salt, 'base64'), key: Buffer.from(key, 'base64') };
}

export async function verifyHash(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed || parsed.key.length === 0) return false;
  const { N, r, p } = parsed;
  const actual = await scrypt(password, parsed.salt, parsed.key.length, { N, r, p, maxmem: maxmemFor(parsed) });
  return timingSafeEqual(actual, parsed.key);
}

@Injectable()
export class PasswordHasher {
  readonly params: ScryptParams;

  constructor(@Inject(APP_CONFIG) config: Pick<AppConfig, 'passwordHashCost'>) {
    this.params = { N: 2 ** config.passwordHashCost, r: 8, p: 1 };
  }

  hash(password: string): Promise<string> {
    return hashWith(password, this.params);
  }

  verify(password: string, stored: string): Promise<boolean> {
    return verifyHash(password, stored);
  }

  /** True when the stored hash is weaker than the current parameters (never downgrades a stronger one). */
  needsRehash(stored: string): boolean {
    const parsed = parseHash(stored);
    if (!parsed) return true;
    return parsed.N < this.params.N || parsed.r < this.params.r || parsed.p < this.params.p || parsed.key.length < KEY_LENGTH;
  }
}

/** A password nobody has to type twice: 24 characters from a 57-letter alphabet (~140 bits). */
export function generatePassword(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  return Array.from(randomBytes(24), (byte) => alphabet[byte % alphabet.length]).join('');
}

// Department API keys: `cpk_<prefix>_<secret>`. The prefix is not secret and finds the row; only the secret's
// SHA-256 is stored. The secret carries 256 random bits, so a slow hash would add latency without adding safety.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export interface GeneratedApiKey {
  prefix: string;
  secretHash: string;
  plaintext: string;
}

export function generateApiKey(): GeneratedApiKey {
  const prefix = randomBytes(6).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { prefix, secretHash: hashSecret(secret), plaintext: `cpk_${prefix}_${secret}` };
}

export function parseApiKey(value: string): { prefix: string; secret: string } | null {
  const match = /^cpk_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/.exec(value.trim());
  return match ? { prefix: match[1], secret: match[2] } : null;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function secretMatches(secret: string, storedHash: string): boolean {
  const a = Buffer.from(hashSecret(secret), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

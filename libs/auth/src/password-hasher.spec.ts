import { loadConfig } from '@credit/common';
import { hashWith, parseHash, PasswordHasher, verifyHash } from './password-hasher';

describe('PasswordHasher', () => {
  it("hashes at OWASP's scrypt cost by default (N = 2^17, r = 8, p = 1) and verifies within maxmem", async () => {
    const hasher = new PasswordHasher(loadConfig({}));
    const started = process.hrtime.bigint();
    const stored = await hasher.hash('a perfectly fine passphrase');
    const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
    expect(stored).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(await hasher.verify('a perfectly fine passphrase', stored)).toBe(true);
    expect(await hasher.verify('a perfectly fine passphrasE', stored)).toBe(false);
    expect(hasher.needsRehash(stored)).toBe(false);
    process.stdout.write(`scrypt N=2^17 r=8 p=1: ${elapsedMs.toFixed(0)} ms per hash on this machine\n`);
  });

  it('asks for a re-hash of weaker hashes only, never a downgrade of stronger ones', async () => {
    const hasher = new PasswordHasher({ passwordHashCost: 12 });
    expect(hasher.needsRehash(await hashWith('x', { N: 2 ** 10, r: 8, p: 1 }))).toBe(true);
    expect(hasher.needsRehash(await hashWith('x', { N: 2 ** 12, r: 4, p: 1 }))).toBe(true);
    expect(hasher.needsRehash(await hashWith('x', { N: 2 ** 13, r: 8, p: 1 }))).toBe(false);
    expect(hasher.needsRehash('not-a-hash')).toBe(true);
  });

  it('refuses hashes whose parameters would ask for absurd memory instead of trying', async () => {
    expect(parseHash('scrypt$2097152$8$1$c2FsdA==$a2V5')).toBeNull(); // 2^21
    expect(parseHash('scrypt$1000$8$1$c2FsdA==$a2V5')).toBeNull(); // not a power of two
    expect(await verifyHash('x', 'scrypt$131072$64$1$c2FsdA==$a2V5')).toBe(false);
  });

  it('lets only configuration lower the cost, and never in production', () => {
    expect(loadConfig({ PASSWORD_HASH_COST: '12' }).passwordHashCost).toBe(12);
    expect(() => loadConfig({ NODE_ENV: 'production', PASSWORD_HASH_COST: '12' })).toThrow(/PASSWORD_HASH_COST must be at least 17 in production/);
    expect(() => loadConfig({ PASSWORD_HASH_COST: '9' })).toThrow(/PASSWORD_HASH_COST/);
    expect(() => loadConfig({ USER_STATUS_CACHE_SECONDS: '61' })).toThrow(/USER_STATUS_CACHE_SECONDS/);
  });
});

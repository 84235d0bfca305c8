// The RESP subset and the Redis-backed store against a real Redis (REDIS on 127.0.0.1:6379 or TEST_REDIS_URL);
// skipped, saying so, when none answers.
import net from 'node:net';
import { randomUUID } from 'node:crypto';
import { redisReachable, TEST_REDIS_URL } from '@credit/testing';
import { spendBudget } from './rate-limit.store';
import { RedisRateLimitStore } from './redis-rate-limit.store';
import { decodeReply, encodeCommand, RespClient, RespError } from './resp-client';

const REDIS_URL = TEST_REDIS_URL;

describe('RESP encoding', () => {
  it('encodes commands as arrays of bulk strings, counting bytes not characters', () => {
    expect(encodeCommand(['SET', '键', 1]).toString()).toBe('*3\r\n$3\r\nSET\r\n$3\r\n键\r\n$1\r\n1\r\n');
  });

  it('decodes nested replies and waits for incomplete ones', () => {
    const reply = Buffer.from('*3\r\n:5\r\n$2\r\nok\r\n*1\r\n$-1\r\n');
    expect(decodeReply(reply)).toEqual({ value: [5, 'ok', [null]], next: reply.length });
    expect(decodeReply(reply.subarray(0, reply.length - 3))).toBeNull();
    expect(decodeReply(Buffer.from('-ERR nope\r\n'))?.value).toEqual(new RespError('ERR nope'));
  });
});

describe('RedisRateLimitStore against a real Redis', () => {
  let up = false;
  let store: RedisRateLimitStore;
  const key = () => `test:${randomUUID()}`;

  beforeAll(async () => {
    up = await redisReachable(REDIS_URL);
    if (!up) process.stdout.write(`\nSKIPPED: Redis is not reachable at ${REDIS_URL} (set TEST_REDIS_URL); the Redis store tests did not run.\n`);
    store = new RedisRateLimitStore(REDIS_URL);
  });
  afterAll(() => store.close());

  it('gives two replicas one upload budget (spendBudget), refused with the seconds left', async () => {
    if (!up) return;
    const other = new RedisRateLimitStore(REDIS_URL);
    try {
      const k = key();
      expect([await spendBudget(store, k, 2, 60_000), await spendBudget(other, k, 2, 60_000)]).toEqual([null, null]);
      expect(await spendBudget(store, k, 2, 60_000)).toBeGreaterThanOrEqual(59);
      expect(await spendBudget(other, k, 2, 60_000)).toBeGreaterThanOrEqual(59);
    } finally {
      await other.close();
    }
  });

  it('counts hits in a window that starts with the first hit and expires by itself', async () => {
    if (!up) return;
    const k = key();
    expect(await store.hit(k, 300)).toMatchObject({ count: 1 });
    const second = await store.hit(k, 300);
    expect(second.count).toBe(2);
    expect(second.ttlMs).toBeGreaterThan(0);
    expect(second.ttlMs).toBeLessThanOrEqual(300);
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect(await store.peek(k)).toEqual({ count: 0, ttlMs: 0 });
    expect((await store.hit(k, 300)).count).toBe(1);
  });

  it('slides the window when asked, holds a lock for exactly its time, and resets', async () => {
    if (!up) return;
    const k = key();
    await store.hit(k, 200, true);
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect((await store.hit(k, 200, true)).ttlMs).toBeGreaterThan(150);
    const lock = key();
    await store.hold(lock, 5_000);
    const held = await store.peek(lock);
    expect(held.count).toBe(1);
    expect(held.ttlMs).toBeGreaterThan(4_000);
    await store.reset(lock);
    expect((await store.peek(lock)).count).toBe(0);
  });

  it('keeps a pipelined burst in order (replies matched to their commands)', async () => {
    if (!up) return;
    const k = key();
    const counts = await Promise.all(Array.from({ length: 50 }, () => store.hit(k, 10_000)));
    expect(counts.map((c) => c.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it('answers Redis errors as errors', async () => {
    if (!up) return;
    const client = new RespClient(new URL(REDIS_URL));
    await expect(client.command(['NOSUCHCOMMAND'])).rejects.toThrow(/unknown command/i);
    expect(await client.command(['PING'])).toBe('PONG');
    client.close();
  });
});

describe('RedisRateLimitStore without Redis', () => {
  it("falls back to the replica's own counters instead of failing the request", async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const server = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as net.AddressInfo;
        server.close(() => resolve(port));
      });
    });
    const store = new RedisRateLimitStore(`redis://127.0.0.1:${closedPort}`, { commandTimeoutMs: 200 });
    expect((await store.hit('k', 1_000)).count).toBe(1);
    expect((await store.hit('k', 1_000)).count).toBe(2);
    await store.close();
  });
});

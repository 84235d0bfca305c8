// Rate-limit counters in Redis, shared by every API replica. Each counter is one key: INCR and its expiry
// are set in one Lua script, so concurrent replicas never leave a counter without an expiry.
// When Redis does not answer, the replica falls back to its own in-process counters (and says so in the
// log) rather than refusing every caller or letting every caller through.
import { Logger } from '@nestjs/common';
import { errorMessage } from '@credit/common';
import { Counter, MemoryRateLimitStore, RateLimitStore } from './rate-limit.store';
import { RespClient, RespValue } from './resp-client';

const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 or ARGV[2] == '1' then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {count, redis.call('PTTL', KEYS[1])}`;

const PEEK_SCRIPT = `return {tonumber(redis.call('GET', KEYS[1]) or '0'), redis.call('PTTL', KEYS[1])}`;

const KEY_PREFIX = 'credit:rl:';
const WARN_EVERY_MS = 30_000;

export class RedisRateLimitStore implements RateLimitStore {
  private readonly client: RespClient;
  private readonly fallback = new MemoryRateLimitStore();
  private readonly logger = new Logger('RateLimitStore');
  private lastWarning = 0;

  constructor(url: string, options: { commandTimeoutMs?: number } = {}) {
    this.client = new RespClient(new URL(url), options);
  }

  async hit(key: string, windowMs: number, slide = false): Promise<Counter> {
    try {
      return toCounter(await this.client.command(['EVAL', HIT_SCRIPT, 1, KEY_PREFIX + key, Math.max(1, Math.round(windowMs)), slide ? '1' : '0']));
    } catch (error) {
      this.warn(error);
      return this.fallback.hit(key, windowMs, slide);
    }
  }

  async peek(key: string): Promise<Counter> {
    try {
      return toCounter(await this.client.command(['EVAL', PEEK_SCRIPT, 1, KEY_PREFIX + key]));
    } catch (error) {
      this.warn(error);
      return this.fallback.peek(key);
    }
  }

  async hold(key: string, ms: number): Promise<void> {
    try {
      await this.client.command(['SET', KEY_PREFIX + key, 1, 'PX', Math.max(1, Math.round(ms))]);
    } catch (error) {
      this.warn(error);
      await this.fallback.hold(key, ms);
    }
  }

  async reset(key: string): Promise<void> {
    try {
      await this.client.command(['DEL', KEY_PREFIX + key]);
    } catch (error) {
      this.warn(error);
    }
    await this.fallback.reset(key);
  }

  async close(): Promise<void> {
    this.client.close();
    await this.fallback.close();
  }

  private warn(error: unknown): void {
    if (Date.now() - this.lastWarning < WARN_EVERY_MS) return;
    this.lastWarning = Date.now();
    this.logger.warn(`Redis unavailable, using this replica's own rate-limit counters: ${errorMessage(error)}`);
  }
}

function toCounter(reply: RespValue): Counter {
  if (!Array.isArray(reply) || typeof reply[0] !== 'number' || typeof reply[1] !== 'number') throw new Error('unexpected reply from the rate-limit script');
  // PTTL is -2 for a missing key and -1 for one without expiry (never written by this store).
  return { count: reply[0], ttlMs: Math.max(0, reply[1]) };
}

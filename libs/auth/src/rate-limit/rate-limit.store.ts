// Counters with an expiry: the one primitive behind per-caller rate limits, the bad-credential budget per IP
// and login backoff. In process by default; shared by every API replica when REDIS_URL is set
// (redis-rate-limit.store.ts), so N replicas do not mean N× the budget.

export interface Counter {
  count: number;
  /** Milliseconds until the counter is forgotten; 0 when it does not exist. */
  ttlMs: number;
}

export interface RateLimitStore {
  /** Adds one. The window starts with the first hit, or restarts with every hit when `slide` is set. */
  hit(key: string, windowMs: number, slide?: boolean): Promise<Counter>;
  /** Reads without counting. */
  peek(key: string): Promise<Counter>;
  /** Sets the counter to 1 for exactly `ms` (a lock that expires by itself). */
  hold(key: string, ms: number): Promise<void>;
  reset(key: string): Promise<void>;
  close(): Promise<void>;
}

export const RATE_LIMIT_STORE = Symbol('RATE_LIMIT_STORE');

/**
 * Spends one use of `key`'s budget of `limit` per `windowMs` (the window starts with its first use): null while
 * within it, else the whole seconds until the window ends (at least 1). One atomic hit, so replicas sharing the
 * store (Redis) share the budget.
 */
export async function spendBudget(store: RateLimitStore, key: string, limit: number, windowMs: number): Promise<number | null> {
  const { count, ttlMs } = await store.hit(key, windowMs);
  return count > limit ? Math.max(1, Math.ceil(ttlMs / 1000)) : null;
}

/** Entries beyond this are dropped oldest-first: a flood of spoofed keys cannot grow the process without bound. */
const MAX_ENTRIES = 200_000;
const SWEEP_EVERY_HITS = 1_000;

export class MemoryRateLimitStore implements RateLimitStore {
  private readonly counters = new Map<string, { count: number; expiresAt: number }>();
  private hitsSinceSweep = 0;

  async hit(key: string, windowMs: number, slide = false): Promise<Counter> {
    const now = Date.now();
    if (++this.hitsSinceSweep >= SWEEP_EVERY_HITS) this.sweep(now);
    let entry = this.counters.get(key);
    if (!entry || entry.expiresAt <= now) {
      entry = { count: 0, expiresAt: now + windowMs };
      this.counters.delete(key);
      this.counters.set(key, entry);
    }
    entry.count++;
    if (slide) entry.expiresAt = now + windowMs;
    return { count: entry.count, ttlMs: entry.expiresAt - now };
  }

  async peek(key: string): Promise<Counter> {
    const now = Date.now();
    const entry = this.counters.get(key);
    return !entry || entry.expiresAt <= now ? { count: 0, ttlMs: 0 } : { count: entry.count, ttlMs: entry.expiresAt - now };
  }

  async hold(key: string, ms: number): Promise<void> {
    this.counters.delete(key);
    this.counters.set(key, { count: 1, expiresAt: Date.now() + ms });
  }

  async reset(key: string): Promise<void> {
    this.counters.delete(key);
  }

  async close(): Promise<void> {
    this.counters.clear();
  }

  private sweep(now: number): void {
    this.hitsSinceSweep = 0;
    for (const [key, entry] of this.counters) if (entry.expiresAt <= now) this.counters.delete(key);
    // Map iteration is insertion order, and hit() re-inserts fresh windows: the first keys are the oldest.
    for (const key of this.counters.keys()) {
      if (this.counters.size <= MAX_ENTRIES) break;
      this.counters.delete(key);
    }
  }
}

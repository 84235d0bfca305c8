// Login backoff: after 5 failed logins for one username, or 20 from one client address, further attempts
// are refused before the password is even hashed, for 30 s, then twice as long after every further failure
// (capped at 15 min). Counters live in the shared RATE_LIMIT_STORE, so every replica sees the same lock.
// A success clears the username's counter, not the address's: one valid account must not reset a spray.
import { Inject, Injectable } from '@nestjs/common';
import { RATE_LIMIT_STORE, RateLimitStore } from './rate-limit/rate-limit.store';

export const USERNAME_FAILURES_BEFORE_LOCK = 5;
export const ADDRESS_FAILURES_BEFORE_LOCK = 20;
const FIRST_LOCK_MS = 30_000;
const MAX_LOCK_MS = 15 * 60_000;
/** Failures are forgotten after an hour without one. */
const FAILURE_MEMORY_MS = 60 * 60_000;

/** The lock after the `failures`-th failure: 0 below the threshold, then 30 s, 60 s, 120 s … 15 min. */
export function lockDurationMs(failures: number, threshold: number): number {
  if (failures < threshold) return 0;
  return Math.min(FIRST_LOCK_MS * 2 ** Math.min(failures - threshold, 30), MAX_LOCK_MS);
}

type Scope = { key: string; threshold: number };

@Injectable()
export class LoginBackoff {
  constructor(@Inject(RATE_LIMIT_STORE) private readonly store: RateLimitStore) {}

  /** Seconds until this username and this address may try again; 0 when they may now. */
  async secondsUntilAllowed(username: string, address: string): Promise<number> {
    const locks = await Promise.all(this.scopes(username, address).map((scope) => this.store.peek(`login-lock:${scope.key}`)));
    return Math.ceil(Math.max(0, ...locks.map((lock) => (lock.count > 0 ? lock.ttlMs : 0))) / 1000);
  }

  async recordFailure(username: string, address: string): Promise<void> {
    for (const scope of this.scopes(username, address)) {
      const { count } = await this.store.hit(`login-fail:${scope.key}`, FAILURE_MEMORY_MS, true);
      const lockMs = lockDurationMs(count, scope.threshold);
      if (lockMs > 0) await this.store.hold(`login-lock:${scope.key}`, lockMs);
    }
  }

  async recordSuccess(username: string): Promise<void> {
    const [user] = this.scopes(username, '');
    await this.store.reset(`login-fail:${user.key}`);
  }

  private scopes(username: string, address: string): [Scope, Scope] {
    return [
      { key: `user:${username.trim().toLowerCase()}`, threshold: USERNAME_FAILURES_BEFORE_LOCK },
      { key: `ip:${address}`, threshold: ADDRESS_FAILURES_BEFORE_LOCK },
    ];
  }
}

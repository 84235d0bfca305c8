// The one retry rule of the platform: exponential backoff with a ceiling (and, where many callers retry at once,
// jitter), and `retry` for a call that may fail for a passing reason. The outbox's next_attempt_at, the job
// runner's wait after a failed run and the database's serialization retries all take their numbers from here.

export interface BackoffPolicy {
  /** The delay before the first retry. */
  baseMs: number;
  /** No delay is longer than this. */
  maxMs: number;
  /** Each retry waits this many times longer than the one before (default 2). */
  factor?: number;
  /**
   * Up to this fraction of each delay is taken off at random (0…1, default 0), so callers that failed together
   * do not all come back together.
   */
  jitter?: number;
}

/** Delay before retry number `attempt` (1: after the first failure): baseMs · factor^(attempt − 1), at most maxMs. */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const { baseMs, maxMs, factor = 2, jitter = 0 } = policy;
  const delay = Math.min(maxMs, baseMs * factor ** Math.max(0, attempt - 1));
  return jitter > 0 ? Math.round(delay * (1 - Math.min(1, jitter) * random())) : delay;
}

export interface RetryPolicy extends Partial<BackoffPolicy> {
  /** Calls in all, the first included. */
  attempts: number;
  /** Whether a failure is worth another call (default: every failure). */
  retryable?: (error: unknown, attempt: number) => boolean;
  /** How a delay is waited for (tests pass a fake). */
  sleep?: (ms: number) => Promise<void>;
}

const sleepFor = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Calls fn until it succeeds, a failure is not retryable, or `attempts` calls have failed (the last failure is
 * thrown). Between calls it waits backoffDelay (no wait when the policy names no baseMs).
 */
export async function retry<T>(fn: (attempt: number) => Promise<T>, policy: RetryPolicy): Promise<T> {
  const { attempts, retryable = () => true, sleep = sleepFor, baseMs = 0, maxMs = baseMs } = policy;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (error) {
      if (attempt >= attempts || !retryable(error, attempt)) throw error;
      const delay = backoffDelay(attempt, { ...policy, baseMs, maxMs });
      if (delay > 0) await sleep(delay);
    }
  }
}

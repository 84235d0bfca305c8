import { backoffDelay } from '../retry/backoff';
import { jobBackoffPolicy } from './job-registry';

describe('the wait after a failed job run', () => {
  // What the runner computed before it used backoffDelay: min(60 s, interval · 2^min(failures + 1, 10)).
  const before = (intervalMs: number, failures: number) => Math.min(60_000, intervalMs * 2 ** Math.min(failures + 1, 10));

  it.each([10, 50, 1_000, 5_000, 120_000])('is unchanged for an interval of %i ms', (intervalMs) => {
    for (let failures = 0; failures < 30; failures++) {
      expect(backoffDelay(failures + 1, jobBackoffPolicy(intervalMs))).toBe(before(intervalMs, failures));
    }
  });
});

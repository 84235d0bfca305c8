import { backoffDelay, retry } from './backoff';

describe('backoffDelay', () => {
  const policy = { baseMs: 1_000, maxMs: 300_000 };

  it.each([
    [0, 1_000],
    [1, 1_000],
    [2, 2_000],
    [3, 4_000],
    [9, 256_000],
    [10, 300_000],
    [5_000, 300_000],
  ])('attempt %i waits %i ms', (attempt, expected) => {
    expect(backoffDelay(attempt, policy)).toBe(expected);
  });

  it('takes at most `jitter` of the delay off, never adds', () => {
    expect(backoffDelay(3, { ...policy, jitter: 0.5 }, () => 0)).toBe(4_000);
    expect(backoffDelay(3, { ...policy, jitter: 0.5 }, () => 0.999_999)).toBe(2_000);
    expect(backoffDelay(3, { ...policy, jitter: 0.25 }, () => 0.5)).toBe(3_500);
  });

  it('honours another factor', () => {
    expect(backoffDelay(3, { baseMs: 100, maxMs: 10_000, factor: 3 })).toBe(900);
  });
});

describe('retry', () => {
  it('calls again after a failure, waiting the backoff, until it succeeds', async () => {
    const waits: number[] = [];
    let calls = 0;
    const result = await retry(
      async (attempt) => {
        calls++;
        if (attempt < 3) throw new Error(`failure ${attempt}`);
        return 'done';
      },
      { attempts: 5, baseMs: 10, maxMs: 15, sleep: async (ms) => void waits.push(ms) },
    );
    expect([result, calls, waits]).toEqual(['done', 3, [10, 15]]);
  });

  it('throws the last failure once the attempts are used up', async () => {
    let calls = 0;
    await expect(
      retry(async (attempt) => {
        calls++;
        throw new Error(`failure ${attempt}`);
      }, { attempts: 3 }),
    ).rejects.toThrow('failure 3');
    expect(calls).toBe(3);
  });

  it('throws at once what is not retryable, and does not wait without a baseMs', async () => {
    const waits: number[] = [];
    let calls = 0;
    const failing = async (): Promise<never> => {
      calls++;
      throw Object.assign(new Error('unique violation'), { code: '23505' });
    };
    await expect(retry(failing, { attempts: 5, retryable: (error) => (error as { code?: string }).code === '40001', sleep: async (ms) => void waits.push(ms) })).rejects.toThrow('unique violation');
    expect([calls, waits]).toEqual([1, []]);
  });
});

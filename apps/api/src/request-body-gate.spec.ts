import { ByteLimit, MinuteCounter, PayloadTooLargeError } from './request-body-gate';

describe('MinuteCounter (upload and bad-key budgets of the body gate)', () => {
  const start = 1_700_000_080_000; // 40 s into a minute

  it('counts up to the limit, then answers the seconds left in the window without counting', () => {
    const counter = new MinuteCounter();
    expect([counter.take('a', 2, start), counter.take('a', 2, start + 1)]).toEqual([null, null]);
    expect(counter.take('a', 2, start + 1_000)).toBe(19);
    expect(counter.take('b', 2, start + 1_000)).toBeNull();
    expect(counter.take('a', 2, start + 20_000)).toBeNull(); // a new window
  });

  it('checks without counting, and counts without checking', () => {
    const counter = new MinuteCounter();
    counter.add('ip', start);
    expect(counter.blocked('ip', 1, start)).toBe(20);
    expect(counter.blocked('ip', 2, start)).toBeNull();
  });
});

describe('ByteLimit', () => {
  it('passes a body up to the limit and fails at the first byte past it with a coded 413', async () => {
    const within = new ByteLimit(4);
    within.end(Buffer.from('abcd'));
    const passed: Buffer[] = [];
    for await (const chunk of within) passed.push(chunk as Buffer);
    expect(Buffer.concat(passed).toString()).toBe('abcd');

    const over = new ByteLimit(4);
    const failed = new Promise<unknown>((resolve) => over.on('error', resolve));
    over.write(Buffer.from('abcde'));
    const error = (await failed) as PayloadTooLargeError;
    expect(error.getStatus()).toBe(413);
    expect(error.getResponse()).toMatchObject({ errors: [{ extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
  });
});

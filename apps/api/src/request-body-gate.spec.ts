import Fastify, { FastifyInstance } from 'fastify';
import { MemoryRateLimitStore, RateLimitStore, spendBudget } from '@credit/auth';
import { ByteLimit, PayloadTooLargeError, registerRequestBodyGate, RequestBodyGateOptions } from './request-body-gate';

describe('upload budget (IMPORT_UPLOADS_PER_MINUTE) in the rate-limit store', () => {
  const config = {
    bodyLimits: { defaultBytes: 64 * 1024, departmentBytes: 1024 * 1024 },
    imports: { maxUploadBytes: 1024 * 1024, uploadsPerMinute: 2 },
  } as unknown as RequestBodyGateOptions['config'];

  /** One API replica: the gate in front of a route that answers 200, the caller a department (as the credential gate leaves it). */
  async function replica(store: RateLimitStore): Promise<FastifyInstance> {
    const app = Fastify();
    app.addHook('onRequest', async (request) => {
      const departmentId = String(request.headers['x-department'] ?? '1');
      (request as { user?: unknown }).user = { kind: 'DEPARTMENT', departmentId, departmentCode: `D${departmentId}`, departmentName: 'x', regionCode: '341100' };
    });
    app.addContentTypeParser('multipart/form-data', (_request, payload, done) => {
      payload.resume();
      payload.on('end', () => done(null, {}));
    });
    registerRequestBodyGate(app, { config, store });
    app.post('/graphql', async () => ({ ok: true }));
    await app.ready();
    return app;
  }

  const upload = (app: FastifyInstance, department = '1') =>
    app.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'multipart/form-data; boundary=x', 'x-department': department }, payload: '--x--\r\n' });

  it('is one budget per department across replicas sharing the store, answered 429 with Retry-After once spent', async () => {
    const store = new MemoryRateLimitStore();
    const [first, second] = await Promise.all([replica(store), replica(store)]);
    expect((await upload(first)).statusCode).toBe(200);
    expect((await upload(second)).statusCode).toBe(200);
    const refused = await upload(first);
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(59);
    expect(refused.json().errors[0]).toMatchObject({ extensions: { code: 'RATE_LIMITED' }, message: expect.stringContaining('at most 2 uploads per minute') });
    expect((await upload(second, '2')).statusCode).toBe(200); // another department has its own budget
    await Promise.all([first.close(), second.close(), store.close()]);
  });

  it('counts in the window that began with the first upload, and frees the budget when it ends', async () => {
    const store = new MemoryRateLimitStore();
    expect(await spendBudget(store, 'upload:9', 1, 50)).toBeNull();
    expect(await spendBudget(store, 'upload:9', 1, 50)).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(await spendBudget(store, 'upload:9', 1, 50)).toBeNull();
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

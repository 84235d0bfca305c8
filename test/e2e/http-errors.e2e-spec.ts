// Plain HTTP routes under failure: a thrown error answers a coded JSON error within 2 s instead of hanging (the
// global filter used to return a GraphQL error into the void for HTTP requests), and liveness does not depend
// on the database. The database "goes down" by refusing every connection (ALLOW_CONNECTIONS false).
import { Controller, Get, Module } from '@nestjs/common';
import { APP_FILTER, NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import { GraphqlExceptionFilter } from '@credit/common';
import { createTestApp, TestApp } from '@credit/testing';

async function withinTwoSeconds<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('no answer within 2 s')), 2_000);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

describe('HTTP routes when something throws', () => {
  let t: TestApp;
  let admin: Client;

  beforeAll(async () => {
    t = await createTestApp({ RUN_WORKER_IN_PROCESS: 'false' });
    admin = new Client({ connectionString: process.env.TEST_PG_ADMIN_URL });
    await admin.connect();
  });
  afterAll(async () => {
    await admin.query(`ALTER DATABASE "${t.database.name}" ALLOW_CONNECTIONS true`).catch(() => undefined);
    await admin.end();
    await t.close();
  });

  const get = (url: string) => withinTwoSeconds(t.app.inject({ method: 'GET', url }));

  it('answers a route that throws with a coded JSON error, and /health stays live, while the database is down', async () => {
    expect((await get('/health')).statusCode).toBe(200);
    await admin.query(`ALTER DATABASE "${t.database.name}" ALLOW_CONNECTIONS false`);
    await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [t.database.name]);

    const health = await get('/health');
    expect([health.statusCode, JSON.parse(health.body)]).toEqual([200, { status: 'ok' }]);

    const ready = await get('/ready');
    expect(ready.statusCode).toBe(503);
    await admin.query(`ALTER DATABASE "${t.database.name}" ALLOW_CONNECTIONS true`);
    expect((await get('/ready')).statusCode).toBe(200);
  });

  it('answers /ready within 2 s when the database hangs instead of refusing', async () => {
    const locker = new Client({ connectionString: t.database.url });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE mikro_orm_migrations IN ACCESS EXCLUSIVE MODE');
      const ready = await get('/ready');
      expect(ready.statusCode).toBe(503);
      expect(JSON.parse(ready.body).checks.migrations).toEqual({ ok: false, detail: 'check failed' });
    } finally {
      await locker.query('ROLLBACK');
      await locker.end();
    }
  });

  it('answers an unknown route with a JSON 404, not a hang', async () => {
    const missing = await get('/no-such-page');
    expect(missing.statusCode).toBe(404);
  });
});

// The minimal reproduction from the issue: the platform's global filter on a GET that throws.
@Controller()
class ThrowingController {
  @Get('boom')
  boom(): never {
    throw new Error('secret internals: password=hunter2');
  }

  @Get('db-gone')
  dbGone(): never {
    throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
  }
}

@Module({ controllers: [ThrowingController], providers: [{ provide: APP_FILTER, useClass: GraphqlExceptionFilter }] })
class ThrowingModule {}

describe('the global exception filter on a plain HTTP route', () => {
  let app: NestFastifyApplication;
  beforeAll(async () => {
    app = await NestFactory.create<NestFastifyApplication>(ThrowingModule, new FastifyAdapter(), { logger: false });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });
  afterAll(() => app.close());

  it('answers 500 with a coded JSON error and no internals', async () => {
    const response = await withinTwoSeconds(app.inject({ method: 'GET', url: '/boom' }));
    expect(response.statusCode).toBe(500);
    expect(JSON.parse(response.body)).toMatchObject({ error: { code: 'INTERNAL_SERVER_ERROR', message: '服务器内部错误（Internal server error）', requestId: expect.any(String) } });
    expect(response.body).not.toContain('hunter2');
  });

  it('answers 503 SERVICE_UNAVAILABLE for a lost database', async () => {
    const response = await withinTwoSeconds(app.inject({ method: 'GET', url: '/db-gone' }));
    expect([response.statusCode, JSON.parse(response.body).error.code]).toEqual([503, 'SERVICE_UNAVAILABLE']);
  });
});

// Boots the real API (Fastify + Apollo + every module) on a fresh cloned database, and talks to it over HTTP
// through Fastify's inject (the whole HTTP stack, without a socket).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pino from 'pino';
import { UsersService } from '@credit/auth';
import { loadConfig, loadSecrets } from '@credit/common';
import { buildUscc } from '@credit/domain';
import { Database } from '@credit/db';
import { SearchOutboxDelivery } from '@credit/disclosure';
import { createApi } from '../../apps/api/src/create-api';
import { createTestDatabase, TestDatabase } from './test-database';

let departmentSeq = 1;

export const ADMIN = { username: 'admin', password: 'suite-operator-passphrase-7' };

export interface GqlResponse<T = any> {
  status: number;
  data: T;
  errors?: { message: string; path?: string[]; extensions: { code: string; field?: string; [key: string]: unknown } }[];
  raw: string;
}

export interface TestApp {
  app: NestFastifyApplication;
  db: Database;
  database: TestDatabase;
  gql<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GqlResponse<T>>;
  adminToken(): Promise<string>;
  /** A department; its 统一社会信用代码 is generated unless given (records without an authority are its decisions). */
  createDepartment(code: string, name?: string, regionCode?: string, uscc?: string): Promise<{ id: string; apiKey: string }>;
  /**
   * Delivers every outbox change to the search index and returns once none is left undelivered. Draining alone
   * is not enough when the in-process worker runs: a batch it has claimed is leased (invisible to the drain)
   * until it acknowledges, so a search right after the drain could still see the old document.
   */
  deliverOutbox(): Promise<void>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Which role the API connects as: the application role, as `npm start` runs it (default), or the superuser. */
  role?: 'app' | 'superuser';
}

export async function createTestApp(env: Record<string, string> = {}, options: TestAppOptions = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const url = (options.role ?? 'app') === 'app' ? database.appUrl : database.url;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'credit-test-data-'));
  // Every inject() comes from 127.0.0.1: generous limits by default, so only the rate-limit tests meet them.
  // scrypt at N=2^12 instead of 2^17 (a few ms instead of hundreds per login); only configuration can lower
  // it, and a production-mode app refuses below 17, so it keeps the real cost.
  const fullEnv = {
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    RATE_LIMIT_ANONYMOUS_PER_MINUTE: '1000000',
    RATE_LIMIT_BAD_CREDENTIALS_PER_MINUTE: '1000000',
    ...(env.NODE_ENV === 'production' ? {} : { PASSWORD_HASH_COST: '12' }),
    ...env,
  };
  const config = { ...loadConfig(fullEnv), databaseUrl: url };
  const runtime = { config, secrets: loadSecrets(dataDir, fullEnv), databaseUrl: url };
  const app = await createApi(runtime, pino({ level: 'silent' }));
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  await app.get(UsersService).ensureAdmin(ADMIN.username, ADMIN.password);
  let token: string | null = null;

  const gql: TestApp['gql'] = async (query, variables = {}, headers = {}) => {
    const response = await app.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json', ...headers }, payload: JSON.stringify({ query, variables }) });
    const body = JSON.parse(response.body);
    return { status: response.statusCode, data: body.data, errors: body.errors, raw: response.body };
  };
  const adminToken = async () => {
    if (token) return token;
    const login = await gql(`mutation($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken } }`, { u: ADMIN.username, p: ADMIN.password });
    token = login.data.login.accessToken as string;
    return token;
  };
  return {
    app,
    db: app.get(Database),
    database,
    gql,
    adminToken,
    async createDepartment(code, name = `${code} 部门`, regionCode = '341100', uscc = buildUscc('11', regionCode, String(10_000_000 + departmentSeq++))) {
      const result = await gql(
        `mutation($input: CreateDepartmentInput!) { createDepartment(input: $input) { department { id } apiKey } }`,
        { input: { code, name, uscc, regionCode } },
        { authorization: `Bearer ${await adminToken()}` },
      );
      if (result.errors) throw new Error(`createDepartment failed: ${result.raw}`);
      return { id: result.data.createDepartment.department.id, apiKey: result.data.createDepartment.apiKey };
    },
    async deliverOutbox() {
      const delivery = app.get(SearchOutboxDelivery);
      const deadline = Date.now() + 10_000;
      for (;;) {
        await delivery.drain();
        if ((await delivery.stats()).depth === 0) return;
        if (Date.now() > deadline) throw new Error('deliverOutbox: changes still undelivered after 10 s');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async close() {
      await app.close();
      await database.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

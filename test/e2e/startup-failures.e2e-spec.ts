// Starting the API against a bad environment, as an operator would meet it: one clear line naming the setting
// (never the password, never a stack trace), exit code 2, and no "successfully started" from a server that
// cannot listen. The API runs as its own process, exactly as `npm start` runs it.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, TestDatabase } from '@credit/testing';

const root = path.join(__dirname, '../..');

function start(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-r', './tools/register.js', 'apps/api/src/main.ts'], {
      cwd: root,
      env: { PATH: process.env.PATH, NODE_ENV: 'production', LOG_LEVEL: 'warn', HOST: '127.0.0.1', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 40_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

function withUrl(base: string, change: (url: URL) => void): string {
  const url = new URL(base);
  change(url);
  return url.toString();
}

describe('start-up against a bad environment', () => {
  let database: TestDatabase;
  let dataDir: string;
  const base = () => process.env.TEST_PG_ADMIN_URL as string;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'credit-startup-'));
  });
  afterAll(async () => {
    await database.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const cases: [string, () => Record<string, string>, RegExp][] = [
    // The real role and password (the embedded test cluster's are generated), so only the database is wrong.
    ['a database that does not exist', () => ({ DATABASE_URL: withUrl(base(), (u) => { u.pathname = '/no_such_database'; }) }), /数据库不存在.*DATABASE_URL=postgres.*no_such_database/],
    ['an unreachable database', () => ({ DATABASE_URL: withUrl(base(), (u) => { u.password = 'sekret-pw'; u.port = '1'; }) }), /连接不上数据库.*ECONNREFUSED.*DATABASE_URL=postgres/],
    ['a wrong role or password', () => ({ DATABASE_URL: withUrl(base(), (u) => { u.username = 'no_such_role'; u.password = 'sekret-pw'; }) }), /拒绝了用户名或密码.*DATABASE_URL=postgres:\/\/no_such_role:\*\*\*@/],
    ['an unknown LOG_LEVEL', () => ({ LOG_LEVEL: 'loud', DATABASE_URL: database.url }), /配置无效.*LOG_LEVEL must be one of/],
    ['a malformed PII_ENCRYPTION_KEY', () => ({ PII_ENCRYPTION_KEY: 'k9:too-short', DATABASE_URL: database.url }), /配置无效.*PII_ENCRYPTION_KEY must be/],
    ['a damaged secrets.json', () => {
      const dir = fs.mkdtempSync(path.join(dataDir, 'secrets-'));
      fs.writeFileSync(path.join(dir, 'secrets.json'), '{"jwtSecret": 5, "piiKeys": {"k1": "c2hvcnQ="}}');
      return { DATA_DIR: dir, DATABASE_URL: database.url };
    }, /配置无效.*jwtSecret in .*secrets\.json must be a non-empty string; piiKeys\.k1 in .*must be 32 bytes/],
  ];

  it.each(cases)('%s: one line naming the setting, exit 2', async (_, env, expected) => {
    const result = await start({ DATA_DIR: dataDir, PORT: '0', ...env() });
    expect(result.code).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(expected);
    expect(result.stderr).not.toContain('sekret-pw');
    const realPassword = new URL(base()).password;
    if (realPassword) expect(result.stderr).not.toContain(`:${realPassword}@`);
    expect(result.stderr + result.stdout).not.toMatch(/\n\s+at /);
  });

  it('a PORT already in use: one line naming PORT, exit 2, before Nest says it started', async () => {
    const holder = net.createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', () => resolve()));
    const port = (holder.address() as net.AddressInfo).port;
    try {
      const result = await start({ DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'info', DATABASE_URL: database.url });
      expect(result.code).toBe(2);
      expect(result.stderr.trim()).toBe(`无法启动：端口已被占用或无权使用（cannot start: PORT=${port} is already in use; stop the other process or choose another PORT）`);
      expect(result.stdout).not.toContain('successfully started');
    } finally {
      holder.close();
    }
  });
});

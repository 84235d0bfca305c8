// `npm start`: configuration → database (embedded when DATABASE_URL is unset) → migrations → first admin → serve.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { UsersService, generatePassword } from '@credit/auth';
import { exitOnShutdownSignals, exitOnStartupFailure, prepareRuntime, Runtime } from '@credit/bootstrap';
import { bootLogLevel, createRootLogger } from '@credit/common';
import { createApi } from './create-api';
import { drainAndClose } from './graceful-shutdown';

/**
 * After the HTTP drain: Apollo, the jobs (a running job finishes), the ORM. With SHUTDOWN_TIMEOUT_MS' default of
 * 20 s, the whole stays under the 30 s grace of docker/compose.yaml and of Kubernetes' default.
 */
const CLOSE_BOUND_MS = 8_000;

async function main(): Promise<void> {
  const bootLogger = createRootLogger(bootLogLevel());
  const runtime = await prepareRuntime({ log: (message) => bootLogger.info(message) });
  try {
    await serve(runtime);
  } catch (error) {
    await runtime.shutdown().catch(() => undefined);
    throw error;
  }
}

async function serve(runtime: Runtime): Promise<void> {
  // Checked before Nest starts, so "successfully started" is never logged by a server that cannot listen.
  await assertPortFree(runtime.config.port, runtime.config.host);
  const logger = createRootLogger(runtime.config.logLevel);
  const app = await createApi(runtime, logger);
  const firstAdmin = await ensureFirstAdmin(app.get(UsersService), runtime, logger);
  const { shutdownDrainDelayMs: drainDelayMs, shutdownTimeoutMs: timeoutMs } = runtime.config;
  let listening: Promise<unknown> = Promise.resolve();
  // The drain is bounded by timeoutMs from the signal; closing the application after it, by a few seconds more.
  exitOnShutdownSignals(
    runtime,
    async (signal) => {
      logger.info(`received ${signal}, shutting down: finishing the requests in flight`);
      // A signal during start-up: a close before the server listens would leave it listening afterwards.
      await listening.catch(() => undefined);
      await drainAndClose(app, { drainDelayMs, timeoutMs, log: (line) => logger.warn(line) });
    },
    { boundMs: timeoutMs + CLOSE_BOUND_MS, log: logger },
  );
  listening = app.listen({ port: runtime.config.port, host: runtime.config.host });
  await listening;
  logger.info(`GraphQL API ready at http://${runtime.config.host}:${runtime.config.port}/graphql (database: ${runtime.embedded ? 'embedded PostgreSQL in ' + runtime.config.dataDir : 'DATABASE_URL'})`);
  // Printed once, on purpose, on stdout and after the "ready" line, where the operator starting it looks.
  if (firstAdmin) process.stdout.write(framed(firstAdmin));
}

/** The generated first-admin password as a block that stands out from the log lines around it. */
function framed(admin: { username: string; password: string; file: string }): string {
  const lines = ['首次启动：已创建管理员账号（first start: admin user created）', `username: ${admin.username}`, `password: ${admin.password}`, `also in ${admin.file} (mode 0600); change it after logging in`];
  // A CJK character takes two terminal cells.
  const cells = (line: string) => [...line].reduce((sum, c) => sum + (c > '\u2e80' ? 2 : 1), 0);
  const width = Math.max(...lines.map(cells));
  const rule = '═'.repeat(width + 2);
  const pad = (line: string) => line + ' '.repeat(width - cells(line));
  return `\n╔${rule}╗\n${lines.map((line) => `║ ${pad(line)} ║`).join('\n')}\n╚${rule}╝\n\n`;
}

/** Creates the first admin when there is none; returns the generated password to print, if one was generated. */
async function ensureFirstAdmin(users: UsersService, runtime: Runtime, logger: ReturnType<typeof createRootLogger>): Promise<{ username: string; password: string; file: string } | null> {
  const { adminUsername, adminPassword, dataDir } = runtime.config;
  const password = adminPassword ?? generatePassword();
  const created = await users.ensureAdmin(adminUsername, password);
  if (!created) return null;
  if (adminPassword !== null) {
    logger.info(`created admin user "${adminUsername}" from ADMIN_PASSWORD`);
    return null;
  }
  const file = path.join(dataDir, 'admin-password.txt');
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return { username: adminUsername, password, file };
}

function assertPortFree(port: number, host: string): Promise<void> {
  if (port === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve()));
  });
}

main().catch((error) => exitOnStartupFailure(error, Number(process.env.PORT ?? 3000)));

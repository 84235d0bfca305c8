// `npm start`: configuration → database (embedded when DATABASE_URL is unset) → migrations → first admin → serve.
import fs from 'node:fs';
import path from 'node:path';
import { UsersService, generatePassword } from '@credit/auth';
import { prepareRuntime, Runtime } from '@credit/bootstrap';
import { ConfigError, createRootLogger } from '@credit/common';
import { createApi } from './create-api';

async function main(): Promise<void> {
  const bootLogger = createRootLogger(process.env.LOG_LEVEL ?? 'info');
  let runtime: Runtime;
  try {
    runtime = await prepareRuntime({ log: (message) => bootLogger.info(message) });
  } catch (error) {
    if (error instanceof ConfigError) {
      bootLogger.fatal(error.message);
      process.exit(2);
    }
    throw error;
  }
  const logger = createRootLogger(runtime.config.logLevel);
  const app = await createApi(runtime, logger);
  await ensureFirstAdmin(app.get(UsersService), runtime, logger);
  const shutdown = async (signal: string) => {
    logger.info(`received ${signal}, shutting down`);
    await app.close();
    await runtime.shutdown();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: runtime.config.port, host: runtime.config.host });
  logger.info(`GraphQL API ready at http://${runtime.config.host}:${runtime.config.port}/graphql (database: ${runtime.embedded ? 'embedded PostgreSQL in ' + runtime.config.dataDir : 'DATABASE_URL'})`);
}

async function ensureFirstAdmin(users: UsersService, runtime: Runtime, logger: ReturnType<typeof createRootLogger>): Promise<void> {
  const { adminUsername, adminPassword, dataDir } = runtime.config;
  const password = adminPassword ?? generatePassword();
  const created = await users.ensureAdmin(adminUsername, password);
  if (!created) return;
  if (adminPassword === null) {
    const file = path.join(dataDir, 'admin-password.txt');
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, `${password}\n`, { mode: 0o600 });
    // Printed once, on purpose, on stdout: the operator needs it to log in the first time.
    process.stdout.write(`\nCreated admin user "${adminUsername}" with password: ${password}\n(also stored in ${file}, mode 0600)\n\n`);
  } else {
    logger.info(`created admin user "${adminUsername}" from ADMIN_PASSWORD`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

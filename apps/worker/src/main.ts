// `npm run start:worker`: background jobs (outbox → search index, expiry sweeps, tier decay) in their own
// process, for production where the API runs with RUN_WORKER_IN_PROCESS=false.
import { NestFactory } from '@nestjs/core';
import { exitOnStartupFailure, prepareRuntime } from '@credit/bootstrap';
import { bootLogLevel, createRootLogger, PinoNestLogger } from '@credit/common';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const logger = createRootLogger(bootLogLevel());
  const runtime = await prepareRuntime({ log: (message) => logger.info(message) });
  const app = await NestFactory.createApplicationContext(WorkerModule.forRuntime(runtime), { logger: new PinoNestLogger(logger) });
  // The signals are handled here, once: enableShutdownHooks() would add Nest's own listener, which closes the
  // application beside this one and then kills the process with the signal (exit 143, not 0).
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await app.close();
    await runtime.shutdown();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  logger.info('worker running');
}

main().catch((error) => exitOnStartupFailure(error, null));

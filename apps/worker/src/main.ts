// `npm run start:worker`: background jobs (outbox → search index, expiry sweeps, tier decay) in their own
// process, for production where the API runs with RUN_WORKER_IN_PROCESS=false.
import { NestFactory } from '@nestjs/core';
import { exitOnShutdownSignals, exitOnStartupFailure, prepareRuntime } from '@credit/bootstrap';
import { bootLogLevel, createRootLogger, PinoNestLogger } from '@credit/common';
import { WorkerModule } from './worker.module';

/**
 * A running job finishes before the worker exits; one still running after this is cut off (exit 1; its
 * transaction rolls back). Supervisors usually kill sooner (Docker after 10 s, Kubernetes after 30 s).
 */
const WORKER_CLOSE_BOUND_MS = 120_000;

async function main(): Promise<void> {
  const logger = createRootLogger(bootLogLevel());
  const runtime = await prepareRuntime({ log: (message) => logger.info(message) });
  const app = await NestFactory.createApplicationContext(WorkerModule.forRuntime(runtime), { logger: new PinoNestLogger(logger) });
  // The signals are handled once, here: enableShutdownHooks() would add Nest's own listener, which closes the
  // application beside this one and then kills the process with the signal (exit 143, not 0).
  exitOnShutdownSignals(runtime, () => app.close(), { boundMs: WORKER_CLOSE_BOUND_MS, log: logger });
  logger.info('worker running');
}

main().catch((error) => exitOnStartupFailure(error, null));

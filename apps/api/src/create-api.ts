// Builds the Fastify-based Nest application; used by main.ts and by the e2e tests, so both run the same thing.
import { randomUUID } from 'node:crypto';
import { ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';
import type { Runtime } from '@credit/bootstrap';
import { createRootLogger, Observability, PinoNestLogger, registerTokenLimit, RejectNulPipe, validationExceptionFactory } from '@credit/common';
import { MAX_UPLOAD_BYTES, registerGraphqlMultipart } from '@credit/imports';
import { ApiModule } from './api.module';
import { registerMetricsRoute } from './metrics/metrics.route';

export const MAX_BODY_BYTES = 16 * 1024 * 1024; // a batch of 1,000 long records fits

export async function createApi(runtime: Pick<Runtime, 'config' | 'secrets' | 'databaseUrl'>, logger?: Logger): Promise<NestFastifyApplication> {
  const rootLogger = logger ?? createRootLogger(runtime.config.logLevel);
  const adapter = new FastifyAdapter({
    loggerInstance: rootLogger,
    bodyLimit: MAX_BODY_BYTES,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
  });
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRuntime(runtime), adapter, {
    logger: new PinoNestLogger(rootLogger),
    bufferLogs: false,
  });
  // importPenaltyFile: GraphQL multipart uploads (files streamed to a temporary directory, size-limited).
  registerGraphqlMultipart(app.getHttpAdapter().getInstance(), { maxFileBytes: MAX_UPLOAD_BYTES });
  registerTokenLimit(app.getHttpAdapter().getInstance(), '/graphql');
  registerMetricsRoute(app.getHttpAdapter().getInstance(), app.get(Observability), runtime.config.metricsTokens);
  app.useGlobalPipes(new RejectNulPipe(), new ValidationPipe({ transform: true, whitelist: true, forbidNonWhitelisted: true, exceptionFactory: validationExceptionFactory }));
  app.enableShutdownHooks();
  return app;
}

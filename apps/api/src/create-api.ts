// Builds the Fastify-based Nest application; used by main.ts and by the e2e tests, so both run the same thing.
import { randomUUID } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { LogController } from 'fastify';
import type { Logger } from 'pino';
import { CredentialGate, RATE_LIMIT_STORE, registerCredentialGate } from '@credit/auth';
import type { Runtime } from '@credit/bootstrap';
import { ArgsValidationPipe, createRootLogger, frameworkErrorHandler, HTML_ERROR_PAGE, HtmlErrorPage, Observability, PinoNestLogger, registerTokenLimit, RejectNulPipe, validationExceptionFactory } from '@credit/common';
import { registerGraphqlMultipart } from '@credit/imports';
import { PenaltyValidationPool } from '@credit/penalties';
import { isPortalPath, PortalSettings } from '@credit/portal';
import { ApiModule } from './api.module';
import { registerGraphqlFastPath } from './fast-path/graphql-fast-path';
import { closeConnectionsWhileDraining } from './graceful-shutdown';
import { registerGraphqlIde } from './ide/graphql-ide.route';
import { registerMetricsRoute } from './metrics/metrics.route';
import { registerRequestBodyGate } from './request-body-gate';
import { registerSchemaSdlRoute } from './schema-sdl.route';

const PROBES = new Set(['/health', '/ready', '/metrics']);


export async function createApi(runtime: Pick<Runtime, 'config' | 'secrets' | 'databaseUrl'>, logger?: Logger): Promise<NestFastifyApplication> {
  const rootLogger = logger ?? createRootLogger(runtime.config.logLevel);
  // A URL Fastify refuses before routing (bad percent-encoding) gets a coded error, or the portal's HTML 400.
  const errorPages: { html?: HtmlErrorPage } = {};
  const adapter = new FastifyAdapter({
    loggerInstance: rootLogger,
    frameworkErrors: frameworkErrorHandler(() => errorPages.html, isPortalPath),
    // The ceiling for anyone; request-body-gate.ts lowers it per caller before the body is read.
    bodyLimit: Math.max(runtime.config.bodyLimits.defaultBytes, runtime.config.bodyLimits.departmentBytes),
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    // Orchestrators probe every few seconds: their request lines would drown the log at info.
    logController: new LogController({ disableRequestLogging: (request: { url?: string }) => PROBES.has(request.url ?? '') }),
    // request.ip, and so every per-address limit, comes from X-Forwarded-For only behind a configured proxy.
    trustProxy: runtime.config.trustProxy,
    // While draining (graceful-shutdown.ts), a request that arrives on an open keep-alive connection is answered,
    // with Connection: close, instead of refused with 503: the listener is closed already, so nothing new comes.
    return503OnClosing: false,
  });
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRuntime(runtime), adapter, {
    logger: new PinoNestLogger(rootLogger),
    bufferLogs: false,
  });
  errorPages.html = app.get<HtmlErrorPage>(HTML_ERROR_PAGE);
  const fastify = app.getHttpAdapter().getInstance();
  // First of all hooks: the caller is verified (or refused) before any body is parsed or file streamed.
  // The portal's pages are the same for everyone: credentials are not read there (every visitor is anonymous).
  registerCredentialGate(fastify, app.get(CredentialGate), { anonymousOnly: isPortalPath });
  // Who may send how much is settled before any body is read; then uploads are streamed to a temporary directory.
  registerRequestBodyGate(fastify, { config: runtime.config, store: app.get(RATE_LIMIT_STORE) });
  registerGraphqlMultipart(fastify, { maxFileBytes: runtime.config.imports.maxUploadBytes });
  registerTokenLimit(fastify, '/graphql');
  closeConnectionsWhileDraining(fastify);
  registerMetricsRoute(fastify, app.get(Observability), runtime.config.metricsTokens);
  // Development aids: GraphiQL at /ide (never in production; the portal's footer links to it then) and the SDL.
  // GET / is the public portal (libs/portal).
  const production = runtime.config.nodeEnv === 'production';
  app.get(PortalSettings).developerIde = registerGraphqlIde(fastify, { enabled: !production, log: rootLogger });
  registerSchemaSdlRoute(fastify, { production, schema: () => app.get(GraphQLSchemaHost).schema });
  // The anonymous public search and departments' pushes skip Apollo's per-request pipeline (same schema, resolver,
  // limits and answers).
  if (runtime.config.graphqlFastPath) registerGraphqlFastPath(fastify, { path: '/graphql', production, schema: () => app.get(GraphQLSchemaHost).schema });
  // Departments' batches are validated on threads (INGEST_VALIDATION_THREADS); a production API starts them with
  // itself, so its first push does not wait for one. Other processes (the worker, the CLI) start one only if a batch needs it.
  if (production) app.get(PenaltyValidationPool).startThreads();
  app.useGlobalPipes(new RejectNulPipe(), new ArgsValidationPipe({ transform: true, whitelist: true, forbidNonWhitelisted: true, exceptionFactory: validationExceptionFactory }));
  // No enableShutdownHooks(): main.ts handles the signals (graceful-shutdown.ts); Nest's listener would close the
  // modules under requests in flight and then kill the process with the signal.
  return app;
}

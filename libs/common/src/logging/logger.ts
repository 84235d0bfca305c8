// One pino logger for the whole process: Fastify's request logs (with request ids) and Nest's own logs
// come out as the same structured JSON lines — or, for a developer at a terminal, as pretty coloured lines.
import { LoggerService } from '@nestjs/common';
import pino, { Logger } from 'pino';
import pretty from 'pino-pretty';

/**
 * JSON lines for machines (pipes, files, containers, production); pretty coloured lines when a person watches
 * a terminal outside production. `LOG_FORMAT=json|pretty` overrides the guess.
 */
export function createRootLogger(level: string, env: NodeJS.ProcessEnv = process.env, stream: NodeJS.WritableStream = process.stdout): Logger {
  const options = { level, base: { service: 'credit-platform' }, timestamp: pino.stdTimeFunctions.isoTime };
  // Synchronous writes: a line logged before something printed to stdout (the first-admin block) appears above it.
  if (!prettyLogs(env, stream)) return pino(options, stream === process.stdout ? pino.destination({ dest: 1, sync: true }) : stream);
  return pino(options, pretty({ destination: stream, colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,service', sync: true }));
}

export function prettyLogs(env: NodeJS.ProcessEnv, stream: NodeJS.WritableStream): boolean {
  if (env.LOG_FORMAT === 'json' || env.LOG_FORMAT === 'pretty') return env.LOG_FORMAT === 'pretty';
  return env.NODE_ENV !== 'production' && (stream as { isTTY?: boolean }).isTTY === true;
}

export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string): void {
    this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string): void {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string): void {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string): void {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string): void {
    this.logger.trace({ context }, String(message));
  }
}

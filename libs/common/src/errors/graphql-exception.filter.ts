// The one place where anything thrown below a resolver becomes a GraphQL error with a stable
// `extensions.code`. Unknown failures are logged with their stack and answered as INTERNAL_SERVER_ERROR
// with a generic message: callers never see internals.
import { Catch, HttpException, Logger } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import { ValidationError } from 'class-validator';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { DomainError, ErrorDetail } from './domain-error';

const HTTP_CODES: Record<number, string> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  429: 'RATE_LIMITED',
};

@Catch()
export class GraphqlExceptionFilter implements GqlExceptionFilter {
  private readonly logger = new Logger('GraphQL');

  catch(exception: unknown): GraphQLError {
    return toGraphQLError(exception, this.logger);
  }
}

export function toGraphQLError(exception: unknown, logger?: Logger): GraphQLError {
  if (exception instanceof GraphQLError) return exception;
  if (exception instanceof DomainError) {
    const { field, fieldErrors, retryAfterSeconds } = exception.details;
    return new GraphQLError(exception.message, {
      extensions: { code: exception.code, ...(field ? { field } : {}), ...(fieldErrors ? { fieldErrors } : {}), ...(retryAfterSeconds ? { retryAfterSeconds } : {}) },
    });
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const code = HTTP_CODES[status] ?? (status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR');
    if (code !== 'INTERNAL_SERVER_ERROR') {
      const message = code === 'RATE_LIMITED' ? 'Too many requests; slow down and retry later' : exception.message;
      return new GraphQLError(message, { extensions: { code } });
    }
  }
  if (isPgError(exception) && exception.code === '23505') {
    return new GraphQLError('This already exists', { extensions: { code: 'CONFLICT' } });
  }
  if (isDatabaseUnavailable(exception)) {
    // The transaction was rolled back with its connection: nothing of the request was stored, and every write
    // path is idempotent, so the caller can simply send it again.
    logger?.warn(`database unavailable: ${(exception as Error).message}`);
    return new GraphQLError('The database is unavailable; nothing was stored. Retry the request.', { extensions: { code: 'SERVICE_UNAVAILABLE' } });
  }
  logger?.error(exception instanceof Error ? exception.stack ?? exception.message : String(exception));
  return new GraphQLError('Internal server error', { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
}

const CONNECTION_LOST = /Connection terminated|connection (?:is )?(?:closed|lost)|ECONNRESET|ECONNREFUSED|Client has encountered a connection error/i;

/**
 * Lost connections and server shutdowns: SQLSTATE class 57 (operator intervention) and 08 (connection
 * exception), socket errors, and pg's own "connection terminated". Checked by shape, not instanceof: socket
 * errors come from Node's own realm.
 */
export function isDatabaseUnavailable(value: unknown): boolean {
  if (isPgError(value) && /^(57P0[1-3]|08\d{3}|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE)$/.test(value.code)) return true;
  const message = typeof value === 'object' && value !== null ? (value as { message?: unknown }).message : undefined;
  return typeof message === 'string' && CONNECTION_LOST.test(message);
}

function isPgError(value: unknown): value is { code: string } {
  return typeof value === 'object' && value !== null && typeof (value as { code?: unknown }).code === 'string';
}

/** Apollo's last word on every error: no stack traces, no internal messages, ever. */
export function formatGraphQLError(formatted: GraphQLFormattedError, options: { hideSuggestions?: boolean } = {}): GraphQLFormattedError {
  const extensions = { ...(formatted.extensions ?? {}) };
  delete extensions.stacktrace;
  delete extensions.originalError;
  delete extensions.exception;
  const code = typeof extensions.code === 'string' ? extensions.code : 'INTERNAL_SERVER_ERROR';
  let message = code === 'INTERNAL_SERVER_ERROR' ? 'Internal server error' : formatted.message;
  // In production, "Did you mean …?" would hand the schema to callers who may not introspect it.
  if (options.hideSuggestions) message = message.replace(/ ?Did you mean .*$/, '');
  return { message, locations: formatted.locations, path: formatted.path, extensions: { ...extensions, code } };
}

/** ValidationPipe → BAD_USER_INPUT naming every failing field path. */
export function validationExceptionFactory(errors: ValidationError[]): DomainError {
  const details = flattenValidationErrors(errors);
  const summary = details.map((d) => `${d.field}: ${d.message}`).join('; ');
  return new DomainError('BAD_USER_INPUT', `Invalid input — ${summary}`, { field: details[0]?.field, fieldErrors: details });
}

function flattenValidationErrors(errors: ValidationError[], prefix = ''): ErrorDetail[] {
  return errors.flatMap((error) => {
    const field = prefix ? (/^\d+$/.test(error.property) ? `${prefix}[${error.property}]` : `${prefix}.${error.property}`) : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({ field, code: rule.toUpperCase(), message }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

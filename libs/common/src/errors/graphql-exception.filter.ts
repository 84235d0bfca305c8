// The one place where anything thrown below a resolver or a controller becomes a coded answer: a GraphQL error
// with a stable `extensions.code`, or for plain HTTP routes (/health, /ready, /metrics, downloads) a JSON body
// with the same code and the matching status, so no route ever hangs on a thrown error. Unknown failures are
// logged with their stack and answered as INTERNAL_SERVER_ERROR with a generic message: callers never see
// internals.
import { ArgumentsHost, Catch, HttpException, Inject, Logger, Optional } from '@nestjs/common';
import { GqlArgumentsHost, GqlExceptionFilter } from '@nestjs/graphql';
import { ValidationError } from 'class-validator';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { bilingual, DomainError, ErrorDetail } from './domain-error';
import { HTML_ERROR_PAGE, HtmlErrorPage, isPageLoad } from './html-error-page';

const HTTP_CODES: Record<number, string> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  429: 'RATE_LIMITED',
};

const INTERNAL_MESSAGE = '服务器内部错误（Internal server error）';

/** The HTTP status a plain route answers for each code (GraphQL answers carry the code instead). */
const STATUS_OF_CODE: Record<string, number> = {
  BAD_USER_INPUT: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL_SERVER_ERROR: 500,
};

interface HttpReply {
  sent?: boolean;
  status(code: number): HttpReply;
  header(name: string, value: string): HttpReply;
  send(body: unknown): unknown;
}

@Catch()
export class GraphqlExceptionFilter implements GqlExceptionFilter {
  private readonly logger = new Logger('GraphQL');

  /** The portal's error page, for a browser loading a page outside /graphql (absent in apps without a portal). */
  constructor(@Optional() @Inject(HTML_ERROR_PAGE) private readonly htmlPage?: HtmlErrorPage) {}

  catch(exception: unknown, host?: ArgumentsHost): GraphQLError | void {
    const requestId = host ? requestIdOf(host) : undefined;
    const error = toGraphQLError(exception, this.logger, requestId);
    if (host?.getType() !== 'http') return error;
    const reply = host.switchToHttp().getResponse<HttpReply>();
    if (reply.sent) return;
    const code = String(error.extensions.code);
    const status = exception instanceof HttpException && exception.getStatus() < 500 ? exception.getStatus() : (clientStatusOf(exception) ?? STATUS_OF_CODE[code] ?? 500);
    const request = host.switchToHttp().getRequest<{ url?: string; method?: string; headers?: Record<string, string | string[] | undefined> }>();
    // A GraphQL client reads `errors`, whatever failed before its operation ran (a body limit, a bad upload).
    const graphql = (request.url ?? '').startsWith('/graphql');
    if (this.htmlPage && !graphql && isPageLoad(request)) {
      const retry = error.extensions.retryAfterSeconds;
      const page = this.htmlPage.render(status, code === 'INTERNAL_SERVER_ERROR' ? null : error.message, typeof retry === 'number' ? retry : undefined);
      reply.status(status);
      for (const [name, value] of Object.entries(page.headers)) reply.header(name, value);
      reply.send(page.body);
      return;
    }
    reply.status(status).header('content-type', 'application/json; charset=utf-8');
    const extensions = { code, ...(requestId ? { requestId } : {}) };
    reply.send(graphql ? { errors: [{ message: error.message, extensions }] } : { error: { message: error.message, ...extensions } });
  }
}

function clientStatusOf(exception: unknown): number | null {
  if (!(exception instanceof Error) || exception instanceof HttpException) return null;
  const status = (exception as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : null;
}

function requestIdOf(host: ArgumentsHost): string | undefined {
  const request =
    host.getType<string>() === 'graphql' ? GqlArgumentsHost.create(host).getContext<{ req?: { id?: unknown } }>()?.req : host.switchToHttp().getRequest<{ id?: unknown }>();
  return typeof request?.id === 'string' ? request.id : undefined;
}

export function toGraphQLError(exception: unknown, logger?: Logger, requestId?: string): GraphQLError {
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
      const message = code === 'RATE_LIMITED' ? '请求过于频繁，请稍后再试（Too many requests; slow down and retry later）' : bilingualHttpMessage(code, exception.message);
      return new GraphQLError(message, { extensions: { code } });
    }
  }
  // Fastify's own errors (a body over its limit, a malformed multipart or JSON body) carry their 4xx status and
  // a message written for the client.
  const status = clientStatusOf(exception);
  if (status !== null) {
    const code = HTTP_CODES[status] ?? 'BAD_REQUEST';
    return new GraphQLError(bilingualHttpMessage(code, (exception as Error).message), { extensions: { code } });
  }
  if (isPgError(exception) && exception.code === '23505') {
    return new GraphQLError('该记录已存在（This already exists）', { extensions: { code: 'CONFLICT' } });
  }
  // Backstop for data that slipped past validation: SQLSTATE class 22 (data exception: bad date, out-of-range
  // number, NUL byte …) is the caller's input, class 23 (integrity constraint) a conflict with stored data. The
  // statement was rolled back with its transaction, so nothing was half-written. Each is a validation gap: logged.
  if (isPgError(exception) && /^2[23][0-9A-Z]{3}$/.test(exception.code)) {
    const input = exception.code.startsWith('22');
    logger?.warn(`database refused the input (SQLSTATE ${exception.code}${requestId ? `, request ${requestId}` : ''}): ${(exception as unknown as Error).message}`);
    return input
      ? new GraphQLError('输入的数据无法保存，请检查格式和取值范围（The input could not be stored: check its format and ranges）', { extensions: { code: 'BAD_USER_INPUT' } })
      : new GraphQLError('与已保存的数据冲突（The input conflicts with stored data）', { extensions: { code: 'CONFLICT' } });
  }
  if (isDatabaseUnavailable(exception)) {
    // The transaction was rolled back with its connection: nothing of the request was stored, and every write
    // path is idempotent, so the caller can simply send it again.
    logger?.warn(`database unavailable: ${(exception as Error).message}`);
    return new GraphQLError('数据库暂不可用，本次请求未保存任何内容，请重试（The database is unavailable; nothing was stored. Retry the request.）', { extensions: { code: 'SERVICE_UNAVAILABLE' } });
  }
  logger?.error(`${requestId ? `request ${requestId}: ` : ''}${exception instanceof Error ? exception.stack ?? exception.message : String(exception)}`);
  return new GraphQLError(INTERNAL_MESSAGE, { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
}

const CHINESE_OF_CODE: Record<string, string> = {
  BAD_USER_INPUT: '请求有误',
  UNAUTHENTICATED: '需要登录令牌或有效的 API 密钥',
  FORBIDDEN: '无权执行此操作',
  NOT_FOUND: '未找到',
  CONFLICT: '与已保存的数据冲突',
  PAYLOAD_TOO_LARGE: '请求内容过大',
};

function bilingualHttpMessage(code: string, message: string): string {
  return bilingual(CHINESE_OF_CODE[code] ?? '请求有误', message);
}

const CONNECTION_LOST = /Connection terminated|not currently accepting connections|connection (?:is )?(?:closed|lost)|ECONNRESET|ECONNREFUSED|Client has encountered a connection error/i;

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
  let message = code === 'INTERNAL_SERVER_ERROR' ? INTERNAL_MESSAGE : formatted.message;
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

// Anything thrown while a portal page is built becomes a Chinese HTML page with the right status (a 404, a 429
// with Retry-After, a 400 naming the problem, a 503), never the JSON the API's global filter writes. Codes and
// messages come from the same mapping (toGraphQLError), so nothing internal leaks here either.
import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toGraphQLError } from '@credit/common';
import { PortalErrorPage } from './portal-error.page';

const STATUS_OF_CODE: Record<string, number> = {
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
  SEARCH_UNAVAILABLE: 503,
};

/** Thrown by a page handler when there is nothing public to show. */
export class PortalNotFound extends Error {
  constructor() {
    super('not found');
  }
}

@Catch()
export class PortalExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Portal');

  constructor(private readonly pages: PortalErrorPage) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    if (reply.sent) return;
    let status = 404;
    let message: string | null = null;
    let retryAfter: number | undefined;
    if (!(exception instanceof PortalNotFound)) {
      const error = toGraphQLError(exception, this.logger, typeof request.id === 'string' ? request.id : undefined);
      const code = String(error.extensions.code);
      status = STATUS_OF_CODE[code] ?? (code === 'INTERNAL_SERVER_ERROR' ? 500 : 400);
      message = status === 500 ? null : error.message;
      const seconds = error.extensions.retryAfterSeconds;
      retryAfter = typeof seconds === 'number' ? seconds : undefined;
    }
    const page = this.pages.render(status, message, retryAfter);
    for (const [name, value] of Object.entries(page.headers)) void reply.header(name, value);
    void reply.code(status).send(page.body);
  }
}

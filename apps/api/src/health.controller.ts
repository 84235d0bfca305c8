import { Controller, Get, Header, HttpCode, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { METRICS_CONTENT_TYPE, Observability, Public } from '@credit/common';
import { Database } from '@credit/db';

@Controller()
export class HealthController {
  constructor(
    private readonly db: Database,
    private readonly observability: Observability,
  ) {}

  /** Liveness: the process serves and its database answers (migrations ran before the server listened). */
  @Get('health')
  @Public()
  @HttpCode(200)
  async health(): Promise<{ status: 'ok' }> {
    await this.db.query('SELECT 1');
    return { status: 'ok' };
  }

  /** Readiness: database reachable, migrations applied, outbox lag under its bound (503 otherwise). */
  @Get('ready')
  @Public()
  async ready(@Res() reply: FastifyReply): Promise<void> {
    const result = await this.observability.readiness();
    await reply.status(result.ready ? 200 : 503).send({ status: result.ready ? 'ready' : 'not ready', checks: result.checks });
  }

  /** Prometheus exposition format. */
  @Get('metrics')
  @Public()
  @Header('content-type', METRICS_CONTENT_TYPE)
  async metrics(): Promise<string> {
    return this.observability.metricsText();
  }
}

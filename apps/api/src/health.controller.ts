import { Controller, Get, Header, HttpCode, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { METRICS_CONTENT_TYPE, Observability, Public } from '@credit/common';

@Controller()
export class HealthController {
  constructor(private readonly observability: Observability) {}

  /**
   * Liveness: the process is up and its event loop answers. Nothing else: a database outage must not make an
   * orchestrator restart every replica (that is what /ready is for, which takes a replica out of the rotation).
   */
  @Get('health')
  @Public()
  @HttpCode(200)
  health(): { status: 'ok' } {
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

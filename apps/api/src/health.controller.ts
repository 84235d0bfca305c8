import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Observability, Public } from '@credit/common';

@Controller()
export class HealthController {
  constructor(private readonly observability: Observability) {}

  /**
   * Liveness: the process is up and its event loop answers. Nothing else: a database outage must not make an
   * orchestrator restart every replica (that is what /ready is for, which takes a replica out of the rotation).
   * Prometheus metrics are not here: see metrics/metrics.route.ts (token only).
   */
  @Get('health')
  @Public()
  @HttpCode(200)
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /**
   * Readiness: database reachable, migrations applied, outbox lag under its bound (503 otherwise). The body
   * names each check and says ok or not, with the platform's own wording; a failing check's error text (a
   * driver message naming hosts, roles or tables) goes to the log, never to this public answer.
   */
  @Get('ready')
  @Public()
  async ready(@Res() reply: FastifyReply): Promise<void> {
    const result = await this.observability.readiness();
    await reply.status(result.ready ? 200 : 503).send({ status: result.ready ? 'ready' : 'not ready', checks: result.checks });
  }
}

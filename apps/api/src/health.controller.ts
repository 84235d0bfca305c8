import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Observability, Public } from '@credit/common';
import { Database } from '@credit/db';

@Controller()
export class HealthController {
  constructor(
    private readonly db: Database,
    private readonly observability: Observability,
  ) {}

  /**
   * Liveness: the process serves and its database answers (migrations ran before the server listened).
   * Prometheus metrics are not here: see metrics/metrics.route.ts (token only).
   */
  @Get('health')
  @Public()
  @HttpCode(200)
  async health(): Promise<{ status: 'ok' }> {
    await this.db.query('SELECT 1');
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

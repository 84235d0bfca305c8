import { Controller, Get, HttpCode } from '@nestjs/common';
import { Public } from '@credit/common';
import { Database } from '@credit/db';

@Controller()
export class HealthController {
  constructor(private readonly db: Database) {}

  /** Liveness: the process serves and its database answers (migrations ran before the server listened). */
  @Get('health')
  @Public()
  @HttpCode(200)
  async health(): Promise<{ status: 'ok' }> {
    await this.db.query('SELECT 1');
    return { status: 'ok' };
  }
}

// What the API reports about the platform's moving parts: outbox depth and index lag as Prometheus gauges,
// and the lag bound as a readiness condition (a replica whose index is far behind is not "ready").
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig, Observability } from '@credit/common';
import { Database, migrationsList } from '@credit/db';
import { SearchOutboxDelivery } from '@credit/disclosure';

@Injectable()
export class OperationalSignals implements OnModuleInit {
  constructor(
    private readonly db: Database,
    private readonly observability: Observability,
    private readonly outbox: SearchOutboxDelivery,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.observability.registerReadiness('database', async () => {
      await this.db.query('SELECT 1');
      return { ok: true, detail: 'reachable' };
    });
    this.observability.registerReadiness('migrations', async () => {
      const [{ count }] = await this.db.query<{ count: string }>('SELECT count(*) FROM mikro_orm_migrations');
      const applied = Number(count);
      return { ok: applied >= migrationsList.length, detail: `${applied} of ${migrationsList.length} applied` };
    });
    this.observability.registerReadiness('search_outbox', async () => {
      const { depth, lagSeconds } = await this.outbox.stats();
      const bound = this.config.readyMaxOutboxLagSeconds;
      return { ok: lagSeconds <= bound, detail: `${depth} undelivered, oldest ${Math.round(lagSeconds)} s (bound ${bound} s)` };
    });
    // One outbox query per scrape for the three gauges, not one each.
    const stats = recentFor(1_000, () => this.outbox.stats());
    this.observability.registerGauge('credit_outbox_depth', 'Search outbox entries not yet delivered to the index', async () => (await stats()).depth);
    this.observability.registerGauge('credit_outbox_dead_letters', 'Search outbox entries whose document could not be built (see search:dead-letters)', async () => (await stats()).deadLetters);
    this.observability.registerGauge('credit_index_lag_seconds', 'Age in seconds of the oldest undelivered search outbox entry (0 when caught up)', async () => (await stats()).lagSeconds);
  }
}

/** `read`, answered from its last call while that is under `ms` old (a failed call is not kept). */
function recentFor<T>(ms: number, read: () => Promise<T>): () => Promise<T> {
  let last: { at: number; value: Promise<T> } | null = null;
  return () => {
    if (last === null || Date.now() - last.at >= ms) {
      const value = read();
      const entry = { at: Date.now(), value };
      last = entry;
      value.catch(() => {
        if (last === entry) last = null;
      });
    }
    return last.value;
  };
}

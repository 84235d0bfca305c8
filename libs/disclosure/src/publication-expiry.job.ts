// Publication stops at publishedUntil (公示期满): this sweep puts expired documents back through the outbox so
// the worker withdraws them. Queries already hide them from the day after publishedUntil; the sweep keeps the
// index from holding what may no longer be shown.
import { Inject, Injectable } from '@nestjs/common';
import { PeriodicJob } from '@credit/common';
import { Database } from '@credit/db';
import { todayInChina } from '@credit/domain';
import { SEARCH_INDEX, SearchIndex } from '@credit/search';
import { SearchOutboxRepository } from './search-outbox.repository';

const SWEEP_BATCH = 1000;

@Injectable()
export class PublicationExpiryJob implements PeriodicJob {
  readonly name = 'disclosure.publication-expiry';
  readonly intervalMs = 5 * 60_000;

  constructor(
    private readonly db: Database,
    private readonly outbox: SearchOutboxRepository,
    @Inject(SEARCH_INDEX) private readonly index: SearchIndex,
  ) {}

  async run(): Promise<boolean> {
    return (await this.sweep(todayInChina())) === SWEEP_BATCH;
  }

  /** Enqueues up to one batch of documents expired on `asOf` that are not already waiting; returns how many. */
  async sweep(asOf: string): Promise<number> {
    const expired = await this.index.findExpired(asOf, SWEEP_BATCH);
    if (expired.length === 0) return 0;
    return this.db.transaction((sql) => this.outbox.enqueue(sql, expired, true));
  }
}

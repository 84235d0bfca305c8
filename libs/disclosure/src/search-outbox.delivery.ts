// Delivers the outbox to the search index: claim a batch, recompute each record's public projection from its
// current row (one query for the batch), write upserts and deletes with the claimed versions, acknowledge.
// At-least-once: a crash between write and ack redelivers, and the versions make the repeat a no-op.
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig, PeriodicJob } from '@credit/common';
import { Database } from '@credit/db';
import { todayInChina } from '@credit/domain';
import { IndexOperation, SEARCH_INDEX, SearchIndex } from '@credit/search';
import { indexOperationFor } from './disclosure-document';
import { DisclosureSourceRepository } from './disclosure-source.repository';
import { ClaimedEntry, OutboxStats, SearchOutboxRepository } from './search-outbox.repository';

export const DELIVERY_BATCH = 500;
/** A claimed batch is invisible to other workers this long; past it, another worker takes it over. */
export const DELIVERY_LEASE_SECONDS = 60;

@Injectable()
export class SearchOutboxDelivery implements PeriodicJob {
  readonly name = 'disclosure.search-outbox';
  readonly intervalMs = 500;
  private readonly logger = new Logger('SearchOutbox');
  private indexReady = false;

  constructor(
    private readonly db: Database,
    private readonly outbox: SearchOutboxRepository,
    private readonly source: DisclosureSourceRepository,
    @Inject(SEARCH_INDEX) private readonly index: SearchIndex,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** One batch; true when a batch was delivered (more may be waiting). Throws when the index refused it. */
  async run(): Promise<boolean> {
    return (await this.deliverBatch()) > 0;
  }

  async deliverBatch(limit = DELIVERY_BATCH): Promise<number> {
    const claimed = await this.outbox.claim(this.db, limit, DELIVERY_LEASE_SECONDS);
    if (claimed.length === 0) return 0;
    try {
      if (!this.indexReady) {
        await this.index.ensureReady();
        this.indexReady = true;
      }
      await this.index.apply(await this.operationsFor(claimed));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await this.outbox.fail(this.db, claimed, message);
      this.logger.warn(`search index refused ${claimed.length} changes; they stay in the outbox: ${message}`);
      throw error;
    }
    await this.outbox.ack(this.db, claimed);
    return claimed.length;
  }

  /** Drains every due row (tests, CLI catch-up); returns how many were delivered. */
  async drain(): Promise<number> {
    let total = 0;
    for (let n = await this.deliverBatch(); n > 0; n = await this.deliverBatch()) total += n;
    return total;
  }

  async stats(): Promise<OutboxStats> {
    return this.outbox.stats(this.db);
  }

  private async operationsFor(claimed: ClaimedEntry[]): Promise<IndexOperation[]> {
    const rows = new Map((await this.source.load(this.db, claimed.map((c) => c.recordId))).map((row) => [row.id, row]));
    const today = todayInChina();
    const options = { publishNaturalPersons: this.config.publishNaturalPersons };
    return claimed.map((entry) => {
      const row = rows.get(entry.recordId);
      return row ? indexOperationFor(row, entry.version, options, today) : { op: 'delete', id: entry.recordId, version: entry.version };
    });
  }
}

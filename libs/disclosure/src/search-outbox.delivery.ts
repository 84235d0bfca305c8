// Delivers the outbox to the search index: claim a batch, recompute each record's public projection from its
// current row (one query for the batch), write upserts and deletes with the claimed versions, acknowledge.
// At-least-once: a crash between write and ack redelivers, and the versions make the repeat a no-op.
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig, errorMessage, PeriodicJob } from '@credit/common';
import { Database } from '@credit/db';
import { todayInChina } from '@credit/domain';
import { IndexOperation, SEARCH_INDEX, SearchIndex } from '@credit/search';
import { tryIndexOperationFor } from './disclosure-document';
import { DisclosureSourceRepository } from './disclosure-source.repository';
import { ClaimedEntry, DeadLetter, OutboxStats, PoisonEntry, SearchOutboxRepository } from './search-outbox.repository';

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

  /**
   * One claimed batch; returns how many entries it took off the due list (delivered or set aside as poison).
   * An index failure fails the whole batch (it stays due, with backoff); a record whose document cannot be
   * built fails alone and, after `outboxMaxAttempts` attempts, becomes a dead letter.
   */
  async deliverBatch(limit = DELIVERY_BATCH): Promise<number> {
    const claimed = await this.outbox.claim(this.db, limit, DELIVERY_LEASE_SECONDS);
    if (claimed.length === 0) return 0;
    let poison: PoisonEntry[] = [];
    let delivered = claimed;
    try {
      if (!this.indexReady) {
        await this.index.ensureReady();
        this.indexReady = true;
      }
      const built = await this.operationsFor(claimed);
      poison = built.poison;
      delivered = built.good;
      await this.index.apply(built.operations);
    } catch (error) {
      const message = errorMessage(error);
      await this.outbox.fail(this.db, claimed, message);
      this.logger.warn(`search index refused ${claimed.length} changes; they stay in the outbox: ${message}`);
      throw error;
    }
    await this.outbox.ack(this.db, delivered);
    if (poison.length > 0) {
      const dead = await this.outbox.failPoison(this.db, poison, this.config.outboxMaxAttempts);
      this.logger.error(
        `${poison.length} search documents could not be built (${dead} now dead letters; see search:dead-letters), e.g. record ${poison[0].recordId}: ${poison[0].error}`,
      );
    }
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

  async deadLetters(limit = 100): Promise<DeadLetter[]> {
    return this.outbox.deadLetters(this.db, limit);
  }

  /** Makes dead letters due again; null retries every one. */
  async retryDeadLetters(recordIds: string[] | null): Promise<string[]> {
    return this.outbox.retryDeadLetters(this.db, recordIds);
  }

  private async operationsFor(claimed: ClaimedEntry[]): Promise<{ operations: IndexOperation[]; good: ClaimedEntry[]; poison: PoisonEntry[] }> {
    const rows = new Map((await this.source.load(this.db, claimed.map((c) => c.recordId))).map((row) => [row.id, row]));
    const today = todayInChina();
    const options = { publishNaturalPersons: this.config.publishNaturalPersons };
    const result = { operations: [] as IndexOperation[], good: [] as ClaimedEntry[], poison: [] as PoisonEntry[] };
    for (const entry of claimed) {
      const row = rows.get(entry.recordId);
      const built = row ? tryIndexOperationFor(row, entry.version, options, today) : { ok: true as const, operation: { op: 'delete' as const, id: entry.recordId, version: entry.version } };
      if (built.ok) {
        result.operations.push(built.operation);
        result.good.push(entry);
      } else {
        result.poison.push({ ...entry, error: built.error });
      }
    }
    return result;
  }
}

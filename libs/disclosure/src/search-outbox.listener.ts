import { Injectable } from '@nestjs/common';
import type { SqlExecutor } from '@credit/db';
import type { PenaltyChangeListener, PenaltyRecordChange } from '@credit/penalties';
import { SearchOutboxRepository } from './search-outbox.repository';

/** Every penalty change (created, updated, revoked, repaired) writes its outbox row in the writer's transaction. */
@Injectable()
export class SearchOutboxListener implements PenaltyChangeListener {
  constructor(private readonly outbox: SearchOutboxRepository) {}

  async onPenaltyRecordsChanged(sql: SqlExecutor, changes: PenaltyRecordChange[]): Promise<void> {
    await this.outbox.enqueue(sql, changes.map((change) => change.recordId));
  }
}

import { Injectable } from '@nestjs/common';
import type { SqlExecutor } from '@credit/db';
import type { PenaltyChangeListener, PenaltyRecordChange } from '@credit/penalties';
import type { SubjectRenameListener } from '@credit/subjects';
import { SearchOutboxRepository } from './search-outbox.repository';

/**
 * Every penalty change (created, updated, revoked, repaired) writes its outbox row in the writer's transaction;
 * so does an approved rename, for every record of the subject, so the index is re-delivered from the new state.
 */
@Injectable()
export class SearchOutboxListener implements PenaltyChangeListener, SubjectRenameListener {
  constructor(private readonly outbox: SearchOutboxRepository) {}

  async onPenaltyRecordsChanged(sql: SqlExecutor, changes: PenaltyRecordChange[]): Promise<void> {
    await this.outbox.enqueue(sql, changes.map((change) => change.recordId));
  }

  async onSubjectsRenamed(sql: SqlExecutor, subjectIds: string[]): Promise<void> {
    await this.outbox.enqueueSubjects(sql, subjectIds);
  }
}

import { Injectable } from '@nestjs/common';
import type { SqlExecutor } from '@credit/db';
import type { PenaltyChangeListener, PenaltyRecordChange } from '@credit/penalties';
import type { SubjectRenameListener } from '@credit/subjects';
import { SearchOutboxRepository } from './search-outbox.repository';

/**
 * Every penalty change (created, updated, revoked, repaired) writes its outbox row in the writer's transaction
 * (a record created there by a plain insert: nothing else can have queued it);
 * so does an approved rename, for every record of the subject, so the index is re-delivered from the new state.
 */
@Injectable()
export class SearchOutboxListener implements PenaltyChangeListener, SubjectRenameListener {
  constructor(private readonly outbox: SearchOutboxRepository) {}

  async onPenaltyRecordsChanged(sql: SqlExecutor, changes: PenaltyRecordChange[]): Promise<void> {
    const created = changes.filter((change) => change.kind === 'CREATED');
    await this.outbox.enqueueCreated(sql, created.map((change) => change.recordId));
    await this.outbox.enqueue(sql, changes.filter((change) => change.kind !== 'CREATED').map((change) => change.recordId));
  }

  async onSubjectsRenamed(sql: SqlExecutor, subjectIds: string[]): Promise<void> {
    await this.outbox.enqueueSubjects(sql, subjectIds);
  }
}

// Capabilities that must follow an approved rename in the same transaction (the search outbox) register here:
// subjects stays below them, so no import cycle appears.
import { Injectable } from '@nestjs/common';
import type { SqlExecutor } from '@credit/db';

export interface SubjectRenameListener {
  /** Runs inside the approving transaction; throwing rolls the rename back. */
  onSubjectsRenamed(sql: SqlExecutor, subjectIds: string[]): Promise<void>;
}

@Injectable()
export class SubjectRenameHooks {
  private readonly listeners: SubjectRenameListener[] = [];

  register(listener: SubjectRenameListener): void {
    this.listeners.push(listener);
  }

  async notify(sql: SqlExecutor, subjectIds: string[]): Promise<void> {
    if (subjectIds.length === 0) return;
    for (const listener of this.listeners) await listener.onSubjectsRenamed(sql, subjectIds);
  }
}

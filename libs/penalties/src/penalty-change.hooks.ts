// Capabilities that must move in the same transaction as a penalty record (tiers, disclosure outbox) register
// here instead of being called by name: penalties stays below them and no import cycle appears.
import { Injectable } from '@nestjs/common';
import type { SqlExecutor } from '@credit/db';

export type PenaltyChangeKind = 'CREATED' | 'UPDATED' | 'REVOKED' | 'REPAIRED';

export interface PenaltyRecordChange {
  kind: PenaltyChangeKind;
  recordId: string;
  subjectId: string;
  /** Set when an update moved the record to another subject: that subject's tier changes too. */
  previousSubjectId: string | null;
  /**
   * The record's content as written, when the writer has it at hand (ingest does), so a listener that only
   * cares about some records (serious ones, say) can pass over the rest without reading them back. Absent:
   * read the row.
   */
  written?: { severity: string; penaltyCategories: readonly string[] };
}

export interface PenaltyChangeListener {
  /** Runs inside the writing transaction; throwing rolls the whole change back. */
  onPenaltyRecordsChanged(sql: SqlExecutor, changes: PenaltyRecordChange[]): Promise<void>;
}

@Injectable()
export class PenaltyChangeHooks {
  private readonly listeners: PenaltyChangeListener[] = [];

  register(listener: PenaltyChangeListener): void {
    this.listeners.push(listener);
  }

  async notify(sql: SqlExecutor, changes: PenaltyRecordChange[]): Promise<void> {
    if (changes.length === 0) return;
    for (const listener of this.listeners) await listener.onPenaltyRecordsChanged(sql, changes);
  }
}

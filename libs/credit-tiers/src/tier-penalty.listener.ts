// Read-your-writes: when submitPenaltyRecords or revokePenaltyRecord returns, the affected subjects' tiers are
// already current, because they are recomputed inside the writing transaction (one set-based pass per batch).
import { Injectable, OnModuleInit } from '@nestjs/common';
import type { SqlExecutor } from '@credit/db';
import { PenaltyChangeHooks, PenaltyChangeListener, PenaltyRecordChange } from '@credit/penalties';
import { TierRecomputeService } from './tier-recompute.service';

@Injectable()
export class TierPenaltyListener implements PenaltyChangeListener, OnModuleInit {
  constructor(
    private readonly hooks: PenaltyChangeHooks,
    private readonly recompute: TierRecomputeService,
  ) {}

  onModuleInit(): void {
    this.hooks.register(this);
  }

  async onPenaltyRecordsChanged(sql: SqlExecutor, changes: PenaltyRecordChange[]): Promise<void> {
    const subjects = new Set<string>();
    for (const change of changes) {
      subjects.add(change.subjectId);
      // A record moved to another subject lowers that subject's deductions too.
      if (change.previousSubjectId) subjects.add(change.previousSubjectId);
    }
    const kinds = new Set(changes.map((change) => change.kind));
    const cause = kinds.size === 1 ? `PENALTY_${[...kinds][0]}` : 'PENALTY_CHANGES';
    await this.recompute.recomputeSubjects(sql, [...subjects], cause);
  }
}

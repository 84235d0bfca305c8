// Time moves tiers too: records leave their effect window, the 12-month cap lapses, overrides end. Each tier
// row carries the next date on which that can happen (next_review_on); this job recomputes the subjects whose
// date has come, a batch at a time. Idempotent, so running it hourly (or on demand) is safe.
import { Injectable, OnModuleInit } from '@nestjs/common';
import { JobRegistry, PeriodicJob } from '@credit/common';
import { TierRecomputeService } from './tier-recompute.service';

export const SWEEP_BATCH_SIZE = 1000;

@Injectable()
export class TierSweepJob implements PeriodicJob, OnModuleInit {
  readonly name = 'tiers.sweep';
  readonly intervalMs = 60 * 60 * 1000;

  constructor(
    private readonly registry: JobRegistry,
    private readonly recompute: TierRecomputeService,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  /** True when a full batch was recomputed (more may be due: the runner calls again at once). */
  async run(): Promise<boolean> {
    return (await this.recompute.recomputeDue(SWEEP_BATCH_SIZE)) === SWEEP_BATCH_SIZE;
  }
}

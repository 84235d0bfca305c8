// 一公开 deadline: results are public within 20 working days of being recorded even when their plan is not yet
// complete (completion publishes at once). Idempotent (a published result is never copied twice), so hourly is safe.
import { Injectable, OnModuleInit } from '@nestjs/common';
import { JobRegistry, PeriodicJob } from '@credit/common';
import { InspectionResultsService } from './inspection-results.service';

@Injectable()
export class InspectionPublicationJob implements PeriodicJob, OnModuleInit {
  readonly name = 'inspections.publication';
  readonly intervalMs = 60 * 60 * 1000;

  constructor(
    private readonly registry: JobRegistry,
    private readonly results: InspectionResultsService,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async run(): Promise<boolean> {
    return (await this.results.publishDue()) > 0;
  }
}

// Worker sweep: listings whose term has run out (today ≥ expiresOn) are removed with reason EXPIRED, in
// batches, each batch one transaction with its tier effects and audit entries. Rows another transaction holds
// are skipped (SKIP LOCKED) and picked up on the next run, so several workers can run it side by side.
import { Injectable, OnModuleInit } from '@nestjs/common';
import { JobRegistry, PeriodicJob } from '@credit/common';
import { ListingLifecycleService } from './listing-lifecycle.service';

export const LISTING_EXPIRY_BATCH = 500;

@Injectable()
export class ListingExpiryJob implements PeriodicJob, OnModuleInit {
  readonly name = 'blacklist.listing-expiry';
  // Terms end on whole days; checking every ten minutes removes a listing early on its expiry day.
  readonly intervalMs = 10 * 60_000;

  constructor(
    private readonly registry: JobRegistry,
    private readonly lifecycle: ListingLifecycleService,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async run(): Promise<boolean> {
    return (await this.lifecycle.expireDue(LISTING_EXPIRY_BATCH)) === LISTING_EXPIRY_BATCH;
  }
}

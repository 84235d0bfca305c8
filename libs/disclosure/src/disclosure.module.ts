import { Module, OnModuleInit } from '@nestjs/common';
import { JobRegistry } from '@credit/common';
import { PenaltiesModule, PenaltyChangeHooks } from '@credit/penalties';
import { SearchModule } from '@credit/search';
import { SubjectRenameHooks, SubjectsModule } from '@credit/subjects';
import { CreditRepairService } from './credit-repair.service';
import { CreditRepairResolver, DisclosureResolver } from './disclosure.resolver';
import { DisclosureSearchService } from './disclosure-search.service';
import { CreditRepairRepository } from './credit-repair.repository';
import { DisclosureSourceRepository } from './disclosure-source.repository';
import { PublicationExpiryJob } from './publication-expiry.job';
import { SearchOutboxDelivery } from './search-outbox.delivery';
import { SearchOutboxListener } from './search-outbox.listener';
import { SearchOutboxRepository } from './search-outbox.repository';
import { SearchReindexService } from './search-reindex.service';

/** Public disclosure of penalty decisions (行政处罚信息公示): search, credit repair, and the search outbox. */
@Module({
  imports: [PenaltiesModule, SearchModule, SubjectsModule],
  providers: [
    CreditRepairRepository,
    SearchOutboxRepository,
    DisclosureSourceRepository,
    SearchOutboxListener,
    SearchOutboxDelivery,
    PublicationExpiryJob,
    SearchReindexService,
    DisclosureSearchService,
    CreditRepairService,
    DisclosureResolver,
    CreditRepairResolver,
  ],
  exports: [SearchOutboxDelivery, PublicationExpiryJob, SearchReindexService, DisclosureSearchService],
})
export class DisclosureModule implements OnModuleInit {
  constructor(
    private readonly hooks: PenaltyChangeHooks,
    private readonly renames: SubjectRenameHooks,
    private readonly jobs: JobRegistry,
    private readonly listener: SearchOutboxListener,
    private readonly delivery: SearchOutboxDelivery,
    private readonly expiry: PublicationExpiryJob,
  ) {}

  onModuleInit(): void {
    this.hooks.register(this.listener);
    this.renames.register(this.listener);
    this.jobs.register(this.delivery);
    this.jobs.register(this.expiry);
  }
}

import { Module } from '@nestjs/common';
import { CalendarModule } from '@credit/calendar';
import { CreditTiersModule } from '@credit/credit-tiers';
import { PenaltiesModule } from '@credit/penalties';
import { SubjectsModule } from '@credit/subjects';
import { CatalogueResolver } from './catalogue.resolver';
import { CatalogueRepository } from './catalogue.repository';
import { CatalogueService } from './catalogue.service';
import { JointPunishmentResolver } from './joint-punishment.resolver';
import { JointPunishmentRepository } from './joint-punishment.repository';
import { JointPunishmentService } from './joint-punishment.service';
import { ListingBasisListener } from './listing-basis.listener';
import { ListingClock } from './listing-clock';
import { ListingExpiryJob } from './listing-expiry.job';
import { ListingLifecycleService } from './listing-lifecycle.service';
import { ListingQueriesRepository } from './listing-queries.repository';
import { ListingQueriesService } from './listing-queries.service';
import { ListingSuggestionsRepository } from './listing-suggestions.repository';
import { ListingSuggestionsService } from './listing-suggestions.service';
import { ListingTierEffects } from './listing-tier-effects';
import { ListingRepository } from './listing.repository';
import { ListingResolver, ListingSuggestionResolver } from './listing.resolver';

/** Serious-dishonesty list and joint punishment (严重失信主体名单 / 联合惩戒). */
@Module({
  imports: [CalendarModule, CreditTiersModule, PenaltiesModule, SubjectsModule],
  providers: [
    ListingClock,
    CatalogueRepository,
    CatalogueService,
    CatalogueResolver,
    ListingRepository,
    ListingTierEffects,
    ListingLifecycleService,
    ListingQueriesRepository,
    ListingQueriesService,
    ListingResolver,
    ListingSuggestionsRepository,
    ListingSuggestionsService,
    ListingBasisListener,
    ListingSuggestionResolver,
    JointPunishmentRepository,
    JointPunishmentService,
    JointPunishmentResolver,
    ListingExpiryJob,
  ],
  exports: [CatalogueService, ListingLifecycleService, ListingClock, ListingQueriesService],
})
export class BlacklistModule {}

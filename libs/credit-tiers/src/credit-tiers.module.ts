import { Module } from '@nestjs/common';
import { PenaltiesModule } from '@credit/penalties';
import { SubjectsModule } from '@credit/subjects';
import { CreditTiersResolver, SubjectTierFieldsResolver } from './credit-tiers.resolver';
import { TierOverridesRepository } from './tier-overrides.repository';
import { TierOverridesService } from './tier-overrides.service';
import { TierPenaltyListener } from './tier-penalty.listener';
import { TierQueriesRepository } from './tier-queries.repository';
import { TierQueriesService } from './tier-queries.service';
import { TierRecomputeRepository } from './tier-recompute.repository';
import { TierRecomputeService } from './tier-recompute.service';
import { TierSweepJob } from './tier-sweep.job';

/** Classified-supervision credit tiers (信用风险分类 A/B/C/D): storage, recomputation, sweep, GraphQL. */
@Module({
  imports: [PenaltiesModule, SubjectsModule],
  providers: [
    TierRecomputeRepository,
    TierRecomputeService,
    TierOverridesRepository,
    TierOverridesService,
    TierPenaltyListener,
    TierSweepJob,
    TierQueriesRepository,
    TierQueriesService,
    CreditTiersResolver,
    SubjectTierFieldsResolver,
  ],
  exports: [TierRecomputeService, TierOverridesService, TierQueriesService],
})
export class CreditTiersModule {}

import { Module } from '@nestjs/common';
import { CalendarModule } from '@credit/calendar';
import { CreditTiersModule } from '@credit/credit-tiers';
import { InspectionCandidatesController } from './inspection-candidates.controller';
import { InspectionClock } from './inspection-clock';
import { InspectionDrawRepository } from './inspection-draw.repository';
import { InspectionDrawService } from './inspection-draw.service';
import { InspectionPlansRepository } from './inspection-plans.repository';
import { InspectionDrawFieldsResolver, InspectionPlansResolver } from './inspection-plans.resolver';
import { InspectionPlansService } from './inspection-plans.service';
import { InspectionPublicationJob } from './inspection-publication.job';
import { InspectionResultsRepository } from './inspection-results.repository';
import { InspectionResultsResolver } from './inspection-results.resolver';
import { InspectionResultsService } from './inspection-results.service';
import { InspectionStatsRepository } from './inspection-stats.repository';
import { InspectionStatsService } from './inspection-stats.service';
import { InspectorsService } from './inspectors.service';
import { PublicInspectionPlanRepository } from './public-inspection-plan.repository';
import { PublicInspectionPlanService } from './public-inspection-plan.service';

/** 双随机、一公开: plans, verifiable draws, inspectors, results and their publication (issue 14). */
@Module({
  imports: [CalendarModule, CreditTiersModule],
  controllers: [InspectionCandidatesController],
  providers: [
    InspectionClock,
    InspectionPlansRepository,
    InspectionDrawRepository,
    InspectionPlansService,
    InspectionDrawService,
    InspectionPlansResolver,
    InspectionDrawFieldsResolver,
    InspectionResultsRepository,
    InspectionStatsRepository,
    InspectorsService,
    InspectionResultsService,
    InspectionStatsService,
    InspectionResultsResolver,
    InspectionPublicationJob,
    PublicInspectionPlanRepository,
    PublicInspectionPlanService,
  ],
  exports: [InspectionDrawService, InspectionClock, InspectionResultsService, PublicInspectionPlanService],
})
export class InspectionsModule {}

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
  ],
  exports: [InspectionDrawService, InspectionClock],
})
export class InspectionsModule {}

import { Module } from '@nestjs/common';
import { CalendarModule } from '@credit/calendar';
import { DepartmentsModule } from '@credit/departments';
import { SubjectsModule } from '@credit/subjects';
import { PenaltiesResolver, SubjectPenaltyRecordsResolver } from './penalties.resolver';
import { PenaltyAuditTrailRepository } from './penalty-audit-trail.repository';
import { PenaltyChangeHooks } from './penalty-change.hooks';
import { PenaltyIngestRepository } from './penalty-ingest.repository';
import { PenaltyIngestService } from './penalty-ingest.service';
import { PenaltyRecordsRepository } from './penalty-records.repository';
import { PenaltyRecordsService } from './penalty-records.service';
import { PenaltyValidationPool } from './penalty-validation.pool';
import { ReportingTimelinessRepository } from './timeliness/reporting-timeliness.repository';
import { ReportingTimelinessResolver } from './timeliness/reporting-timeliness.resolver';
import { ReportingTimelinessService } from './timeliness/reporting-timeliness.service';

@Module({
  imports: [CalendarModule, DepartmentsModule, SubjectsModule],
  providers: [PenaltyAuditTrailRepository, PenaltyChangeHooks, PenaltyIngestRepository, PenaltyIngestService, PenaltyValidationPool, PenaltyRecordsRepository, PenaltyRecordsService, PenaltiesResolver, SubjectPenaltyRecordsResolver, ReportingTimelinessRepository, ReportingTimelinessService, ReportingTimelinessResolver],
  exports: [PenaltyAuditTrailRepository, PenaltyChangeHooks, PenaltyIngestService, PenaltyRecordsService],
})
export class PenaltiesModule {}

import { Module } from '@nestjs/common';
import { DepartmentsModule } from '@credit/departments';
import { SubjectsModule } from '@credit/subjects';
import { PenaltiesResolver, SubjectPenaltyRecordsResolver } from './penalties.resolver';
import { PenaltyChangeHooks } from './penalty-change.hooks';
import { PenaltyIngestRepository } from './penalty-ingest.repository';
import { PenaltyIngestService } from './penalty-ingest.service';
import { PenaltyRecordsRepository } from './penalty-records.repository';
import { PenaltyRecordsService } from './penalty-records.service';

@Module({
  imports: [DepartmentsModule, SubjectsModule],
  providers: [PenaltyChangeHooks, PenaltyIngestRepository, PenaltyIngestService, PenaltyRecordsRepository, PenaltyRecordsService, PenaltiesResolver, SubjectPenaltyRecordsResolver],
  exports: [PenaltyChangeHooks, PenaltyIngestService, PenaltyRecordsService],
})
export class PenaltiesModule {}

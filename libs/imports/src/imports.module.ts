import { Module } from '@nestjs/common';
import { PenaltiesModule } from '@credit/penalties';
import { ImportsResolver } from './imports.resolver';
import { PenaltyImportService } from './penalty-import.service';

/** Departments' file import of the 双公示 spreadsheet template (CLI and GraphQL upload). */
@Module({
  imports: [PenaltiesModule],
  providers: [PenaltyImportService, ImportsResolver],
  exports: [PenaltyImportService],
})
export class ImportsModule {}

import { Module } from '@nestjs/common';
import { PenaltiesModule } from '@credit/penalties';
import { ImportsResolver } from './imports.resolver';
import { PenaltyImportService } from './penalty-import.service';
import { PenaltyTemplatesController } from './templates/penalty-templates.controller';

/** Departments' file import of the 双公示 spreadsheet template (CLI and GraphQL upload), and the template itself. */
@Module({
  imports: [PenaltiesModule],
  controllers: [PenaltyTemplatesController],
  providers: [PenaltyImportService, ImportsResolver],
  exports: [PenaltyImportService],
})
export class ImportsModule {}

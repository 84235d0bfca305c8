import { Module } from '@nestjs/common';
import { BlacklistModule } from '@credit/blacklist';
import { DepartmentsModule } from '@credit/departments';
import { DisclosureModule } from '@credit/disclosure';
import { PortalController } from './portal.controller';
import { PortalExceptionFilter } from './portal-exception.filter';
import { PortalService } from './portal.service';
import { PortalSettings } from './portal.settings';

/** The public portal (信用信息公示): server-rendered pages over the public services. Composed by apps/api only. */
@Module({
  imports: [DisclosureModule, BlacklistModule, DepartmentsModule],
  controllers: [PortalController],
  providers: [PortalService, PortalSettings, PortalExceptionFilter],
  exports: [PortalSettings],
})
export class PortalModule {}

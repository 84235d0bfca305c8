import { Module } from '@nestjs/common';
import { HTML_ERROR_PAGE } from '@credit/common';
import { BlacklistModule } from '@credit/blacklist';
import { DepartmentsModule } from '@credit/departments';
import { DisclosureModule } from '@credit/disclosure';
import { InspectionsModule } from '@credit/inspections';
import { PortalController } from './portal.controller';
import { PortalInspectionsController } from './portal-inspections.controller';
import { PortalInspectionsService } from './portal-inspections.service';
import { PortalErrorPage } from './portal-error.page';
import { PortalExceptionFilter } from './portal-exception.filter';
import { PortalService } from './portal.service';
import { PortalSettings } from './portal.settings';

/** The public portal (信用信息公示): server-rendered pages over the public services. Composed by apps/api only. */
@Module({
  imports: [DisclosureModule, BlacklistModule, DepartmentsModule, InspectionsModule],
  controllers: [PortalController, PortalInspectionsController],
  providers: [PortalService, PortalInspectionsService, PortalSettings, PortalErrorPage, PortalExceptionFilter, { provide: HTML_ERROR_PAGE, useExisting: PortalErrorPage }],
  // HTML_ERROR_PAGE: the API's global exception filter answers a browser's page load with the portal's pages.
  exports: [PortalSettings, HTML_ERROR_PAGE],
})
export class PortalModule {}

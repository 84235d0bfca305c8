// The capability modules every app composes. The API serves their resolvers; the worker runs their jobs.
import { AuthModule } from '@credit/auth';
import { BlacklistModule } from '@credit/blacklist';
import { CalendarModule } from '@credit/calendar';
import { CreditTiersModule } from '@credit/credit-tiers';
import { DepartmentsModule } from '@credit/departments';
import { DisclosureModule } from '@credit/disclosure';
import { ImportsModule } from '@credit/imports';
import { InspectionsModule } from '@credit/inspections';
import { PenaltiesModule } from '@credit/penalties';
import { SearchModule } from '@credit/search';
import { SubjectsModule } from '@credit/subjects';

export const CAPABILITY_MODULES = [
  AuthModule,
  CalendarModule,
  DepartmentsModule,
  SubjectsModule,
  PenaltiesModule,
  CreditTiersModule,
  SearchModule,
  DisclosureModule,
  BlacklistModule,
  ImportsModule,
  InspectionsModule,
];

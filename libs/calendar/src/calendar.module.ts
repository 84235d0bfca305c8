import { Module } from '@nestjs/common';
import { WorkingCalendarRepository } from './working-calendar.repository';
import { WorkingCalendarResolver } from './working-calendar.resolver';
import { WorkingCalendarService } from './working-calendar.service';

/** The mainland working calendar (工作日历): shipped years plus the years an admin loaded. */
@Module({
  providers: [WorkingCalendarRepository, WorkingCalendarService, WorkingCalendarResolver],
  exports: [WorkingCalendarService],
})
export class CalendarModule {}

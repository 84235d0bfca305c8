import { Args, Int, Mutation, Resolver } from '@nestjs/graphql';
import { actorOf, CurrentPrincipal, DateScalar, Principal, Roles } from '@credit/common';
import { CalendarSourceInput } from './dto/working-calendar.inputs';
import { WorkingCalendarYearModel } from './dto/working-calendar.models';
import { WorkingCalendarService } from './working-calendar.service';

@Resolver()
export class WorkingCalendarResolver {
  constructor(private readonly calendar: WorkingCalendarService) {}

  @Mutation(() => WorkingCalendarYearModel, {
    description:
      'ADMIN. Loads a year of the working calendar (工作日历) from the State Council notice, replacing the shipped year of the same number. Working-day deadlines computed afterwards use it; audited. Dates must be of that year (or its previous December); 调休上班日 must be weekend days.',
  })
  @Roles('ADMIN')
  async loadWorkingCalendar(
    @Args('year', { type: () => Int }) year: number,
    @Args('holidays', { type: () => [DateScalar] }) holidays: string[],
    @Args('workdays', { type: () => [DateScalar] }) workdays: string[],
    @Args('source') source: CalendarSourceInput,
    @Args('amendedBy', { type: () => [CalendarSourceInput], nullable: true, description: 'Later notices that changed the year.' }) amendedBy: CalendarSourceInput[] | null,
    @CurrentPrincipal() principal: Principal,
  ): Promise<WorkingCalendarYearModel> {
    return this.calendar.load({ year, holidays, workdays, sources: [source, ...(amendedBy ?? [])] }, actorOf(principal));
  }
}

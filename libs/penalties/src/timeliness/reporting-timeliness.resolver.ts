import { Args, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, DateScalar, Principal, Roles } from '@credit/common';
import { DepartmentTimelinessModel } from './reporting-timeliness.models';
import { ReportingTimelinessService } from './reporting-timeliness.service';

@Resolver()
export class ReportingTimelinessResolver {
  constructor(private readonly timeliness: ReportingTimelinessService) {}

  @Query(() => [DepartmentTimelinessModel], {
    description:
      'REGULATOR (departments of its region only; another region answers an empty list), ADMIN. 报送时效 per department for decisions dated from … to (at most two years): records, reported late under 双公示 (7 working days) or 市场监管 (20 working days from the decision), median delay in working days, the oldest late ones.',
  })
  @Roles('REGULATOR', 'ADMIN')
  async departmentTimeliness(
    @Args('regionCode') regionCode: string,
    @Args('from', { type: () => DateScalar }) from: string,
    @Args('to', { type: () => DateScalar }) to: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<DepartmentTimelinessModel[]> {
    return this.timeliness.departmentTimeliness(principal, regionCode, from, to);
  }
}

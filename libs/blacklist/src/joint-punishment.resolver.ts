import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, DepartmentPrincipal, Principal, requestLoader, Roles } from '@credit/common';
import { Scenario } from './dto/blacklist.enums';
import {
  ApplicableMeasureModel,
  JointPunishmentCheckModel,
  JointPunishmentStatsArgs,
  JointPunishmentStatsModel,
  MeasureFeedbackModel,
} from './dto/joint-punishment.models';
import { ListingModel } from './dto/listing.models';
import { JointPunishmentService } from './joint-punishment.service';
import { ListingQueriesService } from './listing-queries.service';

@Resolver(() => ApplicableMeasureModel)
export class JointPunishmentResolver {
  constructor(
    private readonly jointPunishment: JointPunishmentService,
    private readonly listings: ListingQueriesService,
  ) {}

  @Query(() => JointPunishmentCheckModel, {
    description: 'DEPARTMENT. 联合惩戒核查 before acting: is the subject listed today, and which measures bind the CALLER in this scenario. Every check is recorded.',
  })
  @Roles('DEPARTMENT')
  async jointPunishmentCheck(
    @Args('uscc') uscc: string,
    @Args('scenario', { type: () => Scenario }) scenario: Scenario,
    @CurrentPrincipal() department: DepartmentPrincipal,
  ): Promise<JointPunishmentCheckModel> {
    return this.jointPunishment.check(department, uscc, scenario);
  }

  @Mutation(() => MeasureFeedbackModel, {
    description: 'DEPARTMENT that made the check. 反馈: whether a measure returned by that check was applied; once per measure.',
  })
  @Roles('DEPARTMENT')
  async recordMeasureFeedback(
    @Args('checkId', { type: () => ID }) checkId: string,
    @Args('measureCode') measureCode: string,
    @Args('applied') applied: boolean,
    @Args('note', { type: () => String, nullable: true }) note: string | null,
    @CurrentPrincipal() department: DepartmentPrincipal,
  ): Promise<MeasureFeedbackModel> {
    return this.jointPunishment.recordFeedback(department, checkId, measureCode, applied, note);
  }

  @Query(() => JointPunishmentStatsModel, { description: 'REGULATOR. Checks and feedback per checking department over [from, to], of departments within the regulator’s region.' })
  @Roles('REGULATOR')
  async jointPunishmentStats(@Args() args: JointPunishmentStatsArgs, @CurrentPrincipal() principal: Principal): Promise<JointPunishmentStatsModel> {
    return this.jointPunishment.stats(principal, args.regionCode, args.from, args.to);
  }

  @ResolveField(() => ListingModel, { description: 'The listing this measure comes from.' })
  async listing(@Parent() measure: ApplicableMeasureModel, @Context('req') request: object): Promise<ListingModel> {
    return (await requestLoader(request, 'listings', (ids) => this.listings.findByIds(ids)).load(measure.listingId)) as ListingModel;
  }
}

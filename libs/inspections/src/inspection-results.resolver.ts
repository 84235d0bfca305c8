import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { confineRegion, CurrentPrincipal, DEFAULT_PAGE_SIZE, Principal, Public, Roles } from '@credit/common';
import { CreateInspectorInput, InspectionResultInput, SearchInspectionResultsArgs } from './dto/inspection-result.inputs';
import { InspectionAssignmentSummaryModel, InspectionResultModel, InspectionStatsModel, InspectorModel, PublicInspectionResultConnection } from './dto/inspection-result.models';
import { InspectionResultsService } from './inspection-results.service';
import { InspectionStatsService } from './inspection-stats.service';
import { InspectorsService } from './inspectors.service';

@Resolver()
export class InspectionResultsResolver {
  constructor(
    private readonly inspectors: InspectorsService,
    private readonly results: InspectionResultsService,
    private readonly stats: InspectionStatsService,
  ) {}

  @Mutation(() => InspectorModel, { description: 'DEPARTMENT. Adds a person to the calling department\'s inspector pool (执法检查人员库) with declared conflicts (回避); audited.' })
  @Roles('DEPARTMENT')
  async createInspector(@Args('input') input: CreateInspectorInput, @CurrentPrincipal() principal: Principal): Promise<InspectorModel> {
    return this.inspectors.createInspector(input, principal);
  }

  @Mutation(() => InspectionAssignmentSummaryModel, {
    description:
      'REGULATOR of the plan\'s region or an executing DEPARTMENT. 随机选派: two inspectors of the executing departments per selected subject, drawn with the revealed seed, never a conflicted one, load spread evenly; INSPECTOR_POOL_TOO_SMALL names the shortfall.',
  })
  @Roles('REGULATOR', 'DEPARTMENT')
  async assignInspectors(@Args('planId', { type: () => ID }) planId: string, @CurrentPrincipal() principal: Principal): Promise<InspectionAssignmentSummaryModel> {
    return this.inspectors.assign(planId, principal);
  }

  @Mutation(() => InspectionResultModel, {
    description: 'Executing DEPARTMENT. Records the 抽查检查结果 of a selected subject; the tier counts it at once; results are published when the plan completes, or 20 working days after recording at the latest.',
  })
  @Roles('DEPARTMENT')
  async recordInspectionResult(
    @Args('planId', { type: () => ID }) planId: string,
    @Args('uscc') uscc: string,
    @Args('input') input: InspectionResultInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<InspectionResultModel> {
    return this.results.record(planId, uscc.slice(0, 64), input, principal);
  }

  @Query(() => PublicInspectionResultConnection, { description: 'Public. Searches published 双随机 inspection results (一公开) by region, executing department, plan year, result category, USCC and words.' })
  @Public()
  async searchInspectionResults(@Args() args: SearchInspectionResultsArgs): Promise<PublicInspectionResultConnection> {
    return this.results.search(args.filter, args.first ?? DEFAULT_PAGE_SIZE, args.after);
  }

  @Query(() => InspectionStatsModel, { description: 'REGULATOR (confined to its region). Plans, subjects drawn per tier, completion, results by category and overdue results of a region and year.' })
  @Roles('REGULATOR')
  async inspectionStats(
    @Args('regionCode', { type: () => String, nullable: true, description: 'GB/T 2260 code; the caller\'s region when omitted.' }) regionCode: string | null,
    @Args('year', { type: () => Int }) year: number,
    @CurrentPrincipal() principal: Principal,
  ): Promise<InspectionStatsModel> {
    return this.stats.stats(confineRegion(principal, regionCode), regionCode ?? null, year);
  }
}

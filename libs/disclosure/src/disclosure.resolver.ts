import { Args, ID, Info, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { CurrentPrincipal, DepartmentPrincipal, Public, Roles } from '@credit/common';
import { PenaltyRecordModel } from '@credit/penalties';
import { CreditRepairService } from './credit-repair.service';
import { DisclosureSearchService } from './disclosure-search.service';
import { SearchDisclosuresArgs } from './dto/disclosure.inputs';
import { DisclosureConnection, DisclosureModel } from './dto/disclosure.models';
import { searchOptionsOf } from './selection';

@Resolver(() => DisclosureModel)
export class DisclosureResolver {
  constructor(private readonly search: DisclosureSearchService) {}

  @Query(() => DisclosureConnection, { description: 'PUBLIC. Searches published penalty decisions (行政处罚信息公示): relevance first with a query, newest first without.' })
  @Public()
  async searchDisclosures(@Args() args: SearchDisclosuresArgs, @Info() info: GraphQLResolveInfo): Promise<DisclosureConnection> {
    // The count and the facets read up to 200 more matches: only when the query selects them.
    return this.search.search(args, undefined, searchOptionsOf(info));
  }

  @Query(() => DisclosureModel, { nullable: true, description: 'PUBLIC. One published decision; null when it is not (or no longer) published.' })
  @Public()
  async disclosure(@Args('id', { type: () => ID }) id: string): Promise<DisclosureModel | null> {
    return this.search.findOne(id);
  }
}

@Resolver()
export class CreditRepairResolver {
  constructor(private readonly repairs: CreditRepairService) {}

  @Mutation(() => PenaltyRecordModel, { description: 'DEPARTMENT. Approves credit repair (信用修复) of one of its own decisions, from its earliest repair date; publication stops.' })
  @Roles('DEPARTMENT')
  async approveCreditRepair(
    @Args('decisionNumber') decisionNumber: string,
    @Args('commitment', { description: '信用承诺: the public credit commitment of the party.' }) commitment: string,
    @CurrentPrincipal() department: DepartmentPrincipal,
  ): Promise<PenaltyRecordModel> {
    return this.repairs.approve(department, decisionNumber, commitment);
  }
}

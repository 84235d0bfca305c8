import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  badInput,
  CurrentPrincipal,
  DateScalar,
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  PageArgs,
  Principal,
  requestLoader,
  requireIsoDate,
  Roles,
} from '@credit/common';
import { CreditSubjectModel } from '@credit/subjects';
import { CreditSubjectsArgs } from './dto/credit-subjects.args';
import { TierDistributionArgs } from './dto/tier-distribution.args';
import { CreditSubjectConnection, TierAssessmentModel, TierChangeConnection, TierCountModel } from './dto/tier.models';
import { TierQueriesService } from './tier-queries.service';

@Resolver()
export class CreditTiersResolver {
  constructor(private readonly tiers: TierQueriesService) {}

  @Query(() => CreditSubjectConnection, {
    description:
      'REGULATOR, ADMIN, DEPARTMENT. Subjects by tier, region, type and change time, by id; a regulator bound to a region sees only that region. totalCount is exact up to 10,000 (10,001 = more).',
  })
  @Roles('REGULATOR', 'ADMIN', 'DEPARTMENT')
  async creditSubjects(
    @Args() args: CreditSubjectsArgs,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CreditSubjectConnection> {
    return this.tiers.listSubjects(principal, args.filter, args.first ?? DEFAULT_PAGE_SIZE, args.after);
  }

  @Query(() => [TierCountModel], { description: 'REGULATOR, ADMIN, DEPARTMENT. Number of subjects per tier (A–D), within the region and the caller’s own.' })
  @Roles('REGULATOR', 'ADMIN', 'DEPARTMENT')
  async tierDistribution(@Args() args: TierDistributionArgs, @CurrentPrincipal() principal: Principal): Promise<TierCountModel[]> {
    return this.tiers.distribution(principal, args.regionCode ?? null);
  }
}

/** Tier fields on CreditSubject; reached only through guarded queries (creditSubject, creditSubjects, submit results). */
@Resolver(() => CreditSubjectModel)
export class SubjectTierFieldsResolver {
  constructor(private readonly tiers: TierQueriesService) {}

  @ResolveField(() => TierAssessmentModel, { nullable: true, description: 'Current 信用风险分类 with its reasons; null if never assessed.' })
  async tier(@Parent() subject: CreditSubjectModel, @Context('req') request: object): Promise<TierAssessmentModel | null> {
    return requestLoader(request, 'tier', (ids) => this.tiers.current(ids)).load(subject.id);
  }

  @ResolveField(() => TierAssessmentModel, { nullable: true, description: 'The tier in force at the end of that day (China time), as the platform recorded it.' })
  async tierAsOf(
    @Parent() subject: CreditSubjectModel,
    @Args('date', { type: () => DateScalar }) date: string,
    @Context('req') request: object,
  ): Promise<TierAssessmentModel | null> {
    // Field resolvers skip Nest's pipes (the global filter still codes what they throw): arguments are checked here.
    const day = requireIsoDate(date, 'date');
    return requestLoader(request, `tierAsOf:${day}`, (ids) => this.tiers.asOf(ids, day)).load(subject.id);
  }

  @ResolveField(() => TierChangeConnection, { description: 'Changes of the assessment, newest first.' })
  async tierHistory(@Parent() subject: CreditSubjectModel, @Args() page: PageArgs, @Context('req') request: object): Promise<TierChangeConnection> {
    const first = page.first ?? DEFAULT_PAGE_SIZE;
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) throw badInput(`每页条数应为 1 至 ${MAX_PAGE_SIZE}（first must be from 1 to ${MAX_PAGE_SIZE}）`, 'first');
    const loader = requestLoader(request, `tierHistory:${first}:${page.after ?? ''}`, (ids) => this.tiers.history(ids, first, page.after));
    return (await loader.load(subject.id)) as TierChangeConnection;
  }
}

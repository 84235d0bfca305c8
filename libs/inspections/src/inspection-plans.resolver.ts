import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { badInput, CurrentPrincipal, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, PageArgs, Principal, Roles } from '@credit/common';
import { InspectionDrawModel, InspectionItemModel, InspectionPlanModel, InspectionSelectionConnection } from './dto/inspection-plan.models';
import { CreateInspectionItemInput, InspectionPlanInput } from './dto/inspection-plan.inputs';
import { InspectionDrawService } from './inspection-draw.service';
import { InspectionPlansService } from './inspection-plans.service';

@Resolver()
export class InspectionPlansResolver {
  constructor(
    private readonly plans: InspectionPlansService,
    private readonly draws: InspectionDrawService,
  ) {}

  @Mutation(() => InspectionItemModel, { description: 'ADMIN. Adds a 检查事项 with its legal basis to the catalogue plans draw their items from; audited.' })
  @Roles('ADMIN')
  async createInspectionItem(@Args('input') input: CreateInspectionItemInput, @CurrentPrincipal() principal: Principal): Promise<InspectionItemModel> {
    return this.plans.createItem(input, principal);
  }

  @Query(() => [InspectionItemModel], { description: 'The 检查事项 catalogue (at most 1,000 items), for whoever makes plans.' })
  @Roles('ADMIN', 'REGULATOR', 'DEPARTMENT')
  async inspectionItems(): Promise<InspectionItemModel[]> {
    return this.plans.items();
  }

  @Mutation(() => InspectionPlanModel, {
    description: 'REGULATOR (scope within its region) or DEPARTMENT (then one of the executing departments, scope within its region). Creates a 抽查计划 as a draft; audited.',
  })
  @Roles('REGULATOR', 'DEPARTMENT')
  async createInspectionPlan(@Args('input') input: InspectionPlanInput, @CurrentPrincipal() principal: Principal): Promise<InspectionPlanModel> {
    return this.plans.createPlan(input, principal);
  }

  @Mutation(() => InspectionPlanModel, { description: 'REGULATOR of the plan\'s region or an executing DEPARTMENT. Replaces a draft plan\'s content; a published plan is read-only.' })
  @Roles('REGULATOR', 'DEPARTMENT')
  async updateInspectionPlan(
    @Args('planId', { type: () => ID }) planId: string,
    @Args('input') input: InspectionPlanInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<InspectionPlanModel> {
    return this.plans.updatePlan(planId, input, principal);
  }

  @Mutation(() => InspectionPlanModel, {
    description:
      'REGULATOR of the plan\'s region or an executing DEPARTMENT. Publishes a draft: records seedCommitment = SHA-256(seed); the seed (generated, or a supplied 64-hex seed mixed with platform randomness, so no caller chooses it) stays secret until drawInspection.',
  })
  @Roles('REGULATOR', 'DEPARTMENT')
  async publishInspectionPlan(
    @Args('planId', { type: () => ID }) planId: string,
    @Args('seed', { type: () => String, nullable: true, description: 'Optional seed contribution, 64 lowercase hex characters, mixed with 32 platform random bytes (the drawn seed is SHA-256 of both); generated when omitted.' }) seed: string | null,
    @CurrentPrincipal() principal: Principal,
  ): Promise<InspectionPlanModel> {
    if (seed !== null && seed !== undefined && seed.length > 64) throw badInput('seed must be 64 lowercase hex characters', 'seed');
    return this.plans.publishPlan(planId, seed ?? null, principal);
  }

  @Mutation(() => InspectionDrawModel, {
    description:
      'REGULATOR of the plan\'s region or an executing DEPARTMENT. 随机抽取: reveals the seed, freezes the candidates (subjects in scope with their tier today, less the exclusion window) and selects per tier the smallest SHA-256(seed ‖ USCC).',
  })
  @Roles('REGULATOR', 'DEPARTMENT')
  async drawInspection(@Args('planId', { type: () => ID }) planId: string, @CurrentPrincipal() principal: Principal): Promise<InspectionDrawModel> {
    return this.draws.draw(planId, principal);
  }

  @Query(() => InspectionPlanModel, { nullable: true, description: 'REGULATOR (within its region) or an executing DEPARTMENT. One plan, or null.' })
  @Roles('REGULATOR', 'DEPARTMENT')
  async inspectionPlan(@Args('planId', { type: () => ID }) planId: string, @CurrentPrincipal() principal: Principal): Promise<InspectionPlanModel | null> {
    return this.plans.plan(planId, principal);
  }

  @Query(() => InspectionDrawModel, {
    nullable: true,
    description: 'REGULATOR (within its region) or an executing DEPARTMENT. The draw of a published plan: commitment, then (once drawn) seed, candidate-list hash, strata and selected subjects; null for a draft.',
  })
  @Roles('REGULATOR', 'DEPARTMENT')
  async inspectionDraw(@Args('planId', { type: () => ID }) planId: string, @CurrentPrincipal() principal: Principal): Promise<InspectionDrawModel | null> {
    return this.draws.drawOf(planId, principal);
  }
}

@Resolver(() => InspectionDrawModel)
export class InspectionDrawFieldsResolver {
  constructor(private readonly draws: InspectionDrawService) {}

  @ResolveField(() => InspectionSelectionConnection, { description: 'The selected subjects, by tier then rank.' })
  async selected(@Parent() draw: InspectionDrawModel, @Args() page: PageArgs): Promise<InspectionSelectionConnection> {
    // Field resolvers get no pipes: the page size is checked here.
    const first = page.first ?? DEFAULT_PAGE_SIZE;
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) throw badInput(`first must be 1–${MAX_PAGE_SIZE}`, 'first');
    if (page.after !== undefined && page.after !== null && page.after.length > 512) throw badInput('after is too long', 'after');
    return this.draws.selections(draw.planId, first, page.after ?? undefined);
  }
}

import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, DateScalar, DEFAULT_PAGE_SIZE, DepartmentPrincipal, PageArgs, Principal, Public, requestLoader, Roles } from '@credit/common';
import { RemovalReason } from '@credit/domain';
import { CreditSubjectModel, SubjectsService } from '@credit/subjects';
import { CatalogueService } from './catalogue.service';
import { ListTypeModel } from './dto/catalogue.models';
import { ListingsArgs, ProposeListingInput, PublicListArgs } from './dto/listing.inputs';
import { ListingConnection, ListingModel, ListingObjectionModel, PublicListingConnection } from './dto/listing.models';
import { ListingSuggestionConnection, ListingSuggestionModel } from './dto/suggestion.models';
import { ListingClock } from './listing-clock';
import { ListingLifecycleService } from './listing-lifecycle.service';
import { ListingQueriesService } from './listing-queries.service';
import { ListingSuggestionsService } from './listing-suggestions.service';

@Resolver(() => ListingModel)
export class ListingResolver {
  constructor(
    private readonly lifecycle: ListingLifecycleService,
    private readonly queries: ListingQueriesService,
    private readonly subjects: SubjectsService,
    private readonly catalogue: CatalogueService,
    private readonly clock: ListingClock,
  ) {}

  @Mutation(() => ListingModel, {
    description: 'DEPARTMENT designated for the list type (else NOT_DESIGNATING_DEPARTMENT). 拟列入: a listing in PROPOSED. The subject must be registered, or named in subjectName.',
  })
  @Roles('DEPARTMENT')
  async proposeListing(@Args('input') input: ProposeListingInput, @CurrentPrincipal() department: DepartmentPrincipal): Promise<ListingModel> {
    return this.load(await this.lifecycle.propose(department, input));
  }

  @Mutation(() => ListingModel, { description: 'DEPARTMENT that proposed it. 告知: PROPOSED → NOTIFIED; objections are accepted through noticeDate + the list type’s objectionWindow (working days skip holidays and count 调休 weekends; objectionDeadlineWarning is set when a year has no calendar data).' })
  @Roles('DEPARTMENT')
  async notifyListingParty(
    @Args('listingId', { type: () => ID }) listingId: string,
    @Args('noticeDate', { type: () => DateScalar }) noticeDate: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ListingModel> {
    return this.load(await this.lifecycle.notify(principal, listingId, noticeDate));
  }

  @Mutation(() => ListingObjectionModel, {
    description: 'DEPARTMENT that proposed it (on the party’s behalf) or REGULATOR of the subject’s region (else NOT_FOUND). 异议: only while NOTIFIED, through the objection deadline.',
  })
  @Roles('DEPARTMENT', 'REGULATOR')
  async fileListingObjection(
    @Args('listingId', { type: () => ID }) listingId: string,
    @Args('content') content: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ListingObjectionModel> {
    return (await this.queries.findObjection(await this.lifecycle.fileObjection(principal, listingId, content))) as ListingObjectionModel;
  }

  @Mutation(() => ListingObjectionModel, {
    description: 'DEPARTMENT that proposed the listing, or REGULATOR of the subject’s region (else NOT_FOUND). Answers an objection; upheld in NOTIFIED ends the listing as REMOVED / OBJECTION_UPHELD.',
  })
  @Roles('DEPARTMENT', 'REGULATOR')
  async resolveListingObjection(
    @Args('objectionId', { type: () => ID }) objectionId: string,
    @Args('upheld') upheld: boolean,
    @Args('reply') reply: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ListingObjectionModel> {
    await this.lifecycle.resolveObjection(principal, objectionId, upheld, reply);
    return (await this.queries.findObjection(objectionId)) as ListingObjectionModel;
  }

  @Mutation(() => ListingModel, {
    description: 'DEPARTMENT that proposed it. 正式列入: NOTIFIED → LISTED once the objection window has passed (else OBJECTION_WINDOW_OPEN) and every objection is answered (else OPEN_OBJECTION, or OBJECTION_ANSWER_OVERDUE when one is past its answer day). The subject’s tier becomes D.',
  })
  @Roles('DEPARTMENT')
  async confirmListing(@Args('listingId', { type: () => ID }) listingId: string, @CurrentPrincipal() principal: Principal): Promise<ListingModel> {
    return this.load(await this.lifecycle.confirm(principal, listingId));
  }

  @Mutation(() => ListingModel, {
    description: 'DEPARTMENT that proposed it, or REGULATOR of the subject’s region (else NOT_FOUND). 移出: EXPIRED from expiresAt, REPAIRED from earliestRepairRemovalDate (else REMOVAL_NOT_YET_ALLOWED), REVOKED any time before removal. The tier is recomputed.',
  })
  @Roles('DEPARTMENT', 'REGULATOR')
  async removeListing(
    @Args('listingId', { type: () => ID }) listingId: string,
    @Args('reason', { type: () => RemovalReason }) reason: RemovalReason,
    @Args('note', { type: () => String, nullable: true }) note: string | null,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ListingModel> {
    return this.load(await this.lifecycle.remove(principal, listingId, reason, note));
  }

  @Query(() => ListingConnection, {
    description: 'REGULATOR, ADMIN, DEPARTMENT. Listings, newest first. A department sees listings that reached LISTED and its own proposals; a regulator those of subjects in its region.',
  })
  @Roles('REGULATOR', 'ADMIN', 'DEPARTMENT')
  async listings(@Args() args: ListingsArgs, @CurrentPrincipal() principal: Principal): Promise<ListingConnection> {
    return this.queries.list(principal, args.filter, args.first ?? DEFAULT_PAGE_SIZE, args.after);
  }

  @Query(() => PublicListingConnection, {
    description: 'Public. 严重失信主体名单公示: subjects LISTED and within their term today. Natural persons appear masked, with no identifier. totalCount is capped at 10000.',
  })
  @Public()
  async publicSeriousDishonestyList(@Args() args: PublicListArgs): Promise<PublicListingConnection> {
    return this.queries.publicList(args.query, args.first ?? DEFAULT_PAGE_SIZE, args.after);
  }

  @ResolveField(() => CreditSubjectModel)
  async subject(@Parent() listing: ListingModel, @Context('req') request: object): Promise<CreditSubjectModel> {
    return (await requestLoader(request, 'subjects', (ids) => this.subjects.findByIds(ids)).load(listing.subjectId)) as CreditSubjectModel;
  }

  @ResolveField(() => ListTypeModel)
  async listType(@Parent() listing: ListingModel, @Context('req') request: object): Promise<ListTypeModel> {
    return (await requestLoader(request, 'listTypes', (ids) => this.catalogue.findListTypes(ids)).load(listing.listTypeId)) as ListTypeModel;
  }

  @ResolveField(() => Boolean, {
    description: '异议答复逾期: an objection is still open after its answer day (objectionAnswerDue < today). Confirmation is refused with OBJECTION_ANSWER_OVERDUE until it is answered.',
  })
  objectionOverdue(@Parent() listing: ListingModel): boolean {
    return listing.objectionAnswerDue !== null && this.clock.today() > listing.objectionAnswerDue;
  }

  @ResolveField(() => [ListingObjectionModel], { description: 'Objections, oldest first.' })
  async objections(@Parent() listing: ListingModel, @Context('req') request: object): Promise<ListingObjectionModel[]> {
    return (await requestLoader(request, 'listingObjections', (ids) => this.queries.objectionsOf(ids)).load(listing.id)) ?? [];
  }

  private async load(id: string): Promise<ListingModel> {
    return (await this.queries.findByIds([id])).get(id) as ListingModel;
  }
}

@Resolver(() => ListingSuggestionModel)
export class ListingSuggestionResolver {
  constructor(
    private readonly suggestions: ListingSuggestionsService,
    private readonly subjects: SubjectsService,
    private readonly catalogue: CatalogueService,
  ) {}

  @Query(() => ListingSuggestionConnection, { description: 'DEPARTMENT (the suggestions addressed to it), REGULATOR (those of subjects in its region). Newest first.' })
  @Roles('DEPARTMENT', 'REGULATOR')
  async listingSuggestions(@Args() page: PageArgs, @CurrentPrincipal() principal: Principal): Promise<ListingSuggestionConnection> {
    return this.suggestions.list(principal, page.first ?? DEFAULT_PAGE_SIZE, page.after);
  }

  @ResolveField(() => CreditSubjectModel)
  async subject(@Parent() suggestion: ListingSuggestionModel, @Context('req') request: object): Promise<CreditSubjectModel> {
    return (await requestLoader(request, 'subjects', (ids) => this.subjects.findByIds(ids)).load(suggestion.subjectId)) as CreditSubjectModel;
  }

  @ResolveField(() => ListTypeModel)
  async listType(@Parent() suggestion: ListingSuggestionModel, @Context('req') request: object): Promise<ListTypeModel> {
    return (await requestLoader(request, 'listTypes', (ids) => this.catalogue.findListTypes(ids)).load(suggestion.listTypeId)) as ListTypeModel;
  }
}

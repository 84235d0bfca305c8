import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, DEFAULT_PAGE_SIZE, PageArgs, Principal, Roles } from '@credit/common';
import { NameChangeDecisionModel, PendingNameChangeConnection } from './dto/subject-name-review.models';
import { SubjectNameReviewService } from './subject-name-review.service';

@Resolver()
export class SubjectNameReviewResolver {
  constructor(private readonly reviews: SubjectNameReviewService) {}

  @Query(() => PendingNameChangeConnection, { description: "REGULATOR (within its region), ADMIN. Names departments pushed for registered subjects, waiting for review." })
  @Roles('REGULATOR', 'ADMIN')
  async pendingNameChanges(@Args() page: PageArgs, @CurrentPrincipal() principal: Principal): Promise<PendingNameChangeConnection> {
    return this.reviews.pending(principal, page.first ?? DEFAULT_PAGE_SIZE, page.after);
  }

  @Mutation(() => NameChangeDecisionModel, { description: 'REGULATOR (within its region), ADMIN. Renames the subject; the old name stays in its nameHistory.' })
  @Roles('REGULATOR', 'ADMIN')
  async approveNameChange(@Args('id', { type: () => ID }) id: string, @CurrentPrincipal() principal: Principal): Promise<NameChangeDecisionModel> {
    return this.reviews.approve(principal, id);
  }

  @Mutation(() => NameChangeDecisionModel, { description: 'REGULATOR (within its region), ADMIN. Keeps the registered name; the records keep the names they were pushed with.' })
  @Roles('REGULATOR', 'ADMIN')
  async rejectNameChange(@Args('id', { type: () => ID }) id: string, @CurrentPrincipal() principal: Principal): Promise<NameChangeDecisionModel> {
    return this.reviews.reject(principal, id);
  }
}

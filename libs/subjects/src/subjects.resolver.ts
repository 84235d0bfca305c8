import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Principal, Roles } from '@credit/common';
import { CreditSubjectModel, SubjectNameChangeModel } from './dto/credit-subject.model';
import { SubjectsService } from './subjects.service';

@Resolver(() => CreditSubjectModel)
export class SubjectsResolver {
  constructor(private readonly subjects: SubjectsService) {}

  @Query(() => CreditSubjectModel, { nullable: true, description: 'REGULATOR, ADMIN, DEPARTMENT. A subject by its 统一社会信用代码; null when none is registered (for a regulator: within its region).' })
  @Roles('REGULATOR', 'ADMIN', 'DEPARTMENT')
  async creditSubject(@Args('uscc') uscc: string, @CurrentPrincipal() principal: Principal): Promise<CreditSubjectModel | null> {
    return this.subjects.findByUscc(principal, uscc);
  }

  @ResolveField(() => [SubjectNameChangeModel], { description: 'Earlier names (名称变更), oldest first.' })
  async nameHistory(@Parent() subject: CreditSubjectModel): Promise<SubjectNameChangeModel[]> {
    return this.subjects.nameHistory(subject.id);
  }
}

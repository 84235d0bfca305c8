import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, DEFAULT_PAGE_SIZE, DepartmentPrincipal, PageArgs, Principal, requestLoader, Roles } from '@credit/common';
import { CreditSubjectModel, SubjectsService } from '@credit/subjects';
import { PenaltyRecordInput } from './dto/penalty-record.input';
import { PenaltyRecordConnection, PenaltyRecordModel, SubmitPenaltyRecordsPayload, SubmitResultModel } from './dto/penalty-record.models';
import { PenaltyIngestService, SubmitItemResult } from './penalty-ingest.service';
import { PenaltyRecordsService } from './penalty-records.service';

@Resolver(() => SubmitResultModel)
export class PenaltiesResolver {
  constructor(
    private readonly ingest: PenaltyIngestService,
    private readonly records: PenaltyRecordsService,
    private readonly subjects: SubjectsService,
  ) {}

  @Mutation(() => SubmitPenaltyRecordsPayload, { description: 'DEPARTMENT. Pushes 1–1000 penalty decisions; one result per item. Idempotent per decision number.' })
  @Roles('DEPARTMENT')
  async submitPenaltyRecords(
    @Args('records', { type: () => [PenaltyRecordInput] }) records: PenaltyRecordInput[],
    @CurrentPrincipal() department: DepartmentPrincipal,
  ): Promise<SubmitPenaltyRecordsPayload> {
    return this.ingest.submit(department, records);
  }

  @Mutation(() => PenaltyRecordModel, { description: "DEPARTMENT. Revokes one of the caller's own decisions (撤销); it leaves publication at once." })
  @Roles('DEPARTMENT')
  async revokePenaltyRecord(
    @Args('decisionNumber') decisionNumber: string,
    @Args('reason') reason: string,
    @CurrentPrincipal() department: DepartmentPrincipal,
  ): Promise<PenaltyRecordModel> {
    return this.records.revoke(department, decisionNumber, reason);
  }

  @ResolveField(() => CreditSubjectModel, { nullable: true, description: 'The subject as it is after this push (its tier included).' })
  async subject(@Parent() result: SubmitItemResult, @Context('req') request: object): Promise<CreditSubjectModel | null> {
    if (!result.subjectId) return null;
    return requestLoader(request, 'subjects', (ids) => this.subjects.findByIds(ids)).load(result.subjectId);
  }
}

@Resolver(() => CreditSubjectModel)
export class SubjectPenaltyRecordsResolver {
  constructor(private readonly records: PenaltyRecordsService) {}

  @ResolveField(() => PenaltyRecordConnection, {
    description:
      "The subject's penalty decisions, newest first (ID numbers masked). Repaired, revoked and expired decisions are no longer shared (信用修复管理办法 2026 art. 3): only their deciding department still sees them.",
  })
  async penaltyRecords(
    @Parent() subject: CreditSubjectModel,
    @Args() page: PageArgs,
    @CurrentPrincipal() principal: Principal | null,
  ): Promise<PenaltyRecordConnection> {
    const viewerDepartmentId = principal?.kind === 'DEPARTMENT' ? principal.departmentId : null;
    return this.records.listForSubject(subject.id, viewerDepartmentId, page.first ?? DEFAULT_PAGE_SIZE, page.after);
  }
}

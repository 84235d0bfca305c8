import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { badInput, CurrentPrincipal, DEFAULT_PAGE_SIZE, DepartmentPrincipal, MAX_PAGE_SIZE, PageArgs, Principal, requestLoader, Roles } from '@credit/common';
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

  /**
   * Batched: every subject of a list asks one DataLoader (per page size and cursor, per request), which loads
   * all of their pages in one query. Field arguments skip Nest's ValidationPipe, so `first` is checked here.
   */
  @ResolveField(() => PenaltyRecordConnection, {
    description:
      "The subject's penalty decisions, newest first (ID numbers masked). Repaired, revoked and expired decisions are no longer shared (信用修复管理办法 2026 art. 3): only their deciding department still sees them.",
  })
  async penaltyRecords(
    @Parent() subject: CreditSubjectModel,
    @Args() page: PageArgs,
    @CurrentPrincipal() principal: Principal | null,
    @Context('req') request: object,
  ): Promise<PenaltyRecordConnection> {
    const first = page.first ?? DEFAULT_PAGE_SIZE;
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) throw badInput(`每页条数应为 1 至 ${MAX_PAGE_SIZE}（first must be from 1 to ${MAX_PAGE_SIZE}）`, 'first');
    this.records.checkCursor(page.after);
    const viewerDepartmentId = principal?.kind === 'DEPARTMENT' ? principal.departmentId : null;
    const loader = requestLoader(request, `penaltyRecords:${viewerDepartmentId ?? ''}:${first}:${page.after ?? ''}`, (ids) =>
      this.records.listForSubjects(ids, viewerDepartmentId, first, page.after),
    );
    return (await loader.load(subject.id)) as PenaltyRecordConnection;
  }
}

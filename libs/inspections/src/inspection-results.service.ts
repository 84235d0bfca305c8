// 抽查检查结果 and their publication (一公开). A result is recorded by an executing department for a selected
// subject; the subject's tier is recomputed in the same transaction (read-your-writes, as for penalties). Results
// are published when the plan completes, and in any case by 20 working days after they were recorded
// (InspectionPublicationJob), on the working calendar of libs/calendar. Natural persons follow the penalty rules:
// not published unless PUBLISH_NATURAL_PERSONS, then masked; never an ID number.
import { Inject, Injectable } from '@nestjs/common';
import { AuditService, contentHash } from '@credit/audit';
import { WorkingCalendarService } from '@credit/calendar';
import { actorOf, APP_CONFIG, AppConfig, badInput, cursorCodec, forbidden, Principal, toConnection } from '@credit/common';
import { TierRecomputeService } from '@credit/credit-tiers';
import { Database, SqlExecutor } from '@credit/db';
import { addWorkingDays, InspectionResultCategory, inspectionResultLabel, isIsoDate, maskAddresses, maskPersonName, PartyType, regionSubtreePrefix, scrubPersonalData } from '@credit/domain';
import { parseQuery, tokenize } from '@credit/search';
import { InspectionResultFilter, InspectionResultInput } from './dto/inspection-result.inputs';
import { InspectionResultModel, PublicInspectionResultConnection } from './dto/inspection-result.models';
import { InspectionClock } from './inspection-clock';
import { InspectionDrawRepository } from './inspection-draw.repository';
import { InspectionPlansRepository } from './inspection-plans.repository';
import { InspectionPlansService } from './inspection-plans.service';
import { InspectionResultsRepository, PublishableRow } from './inspection-results.repository';
import { inspectorNotAssigned, planNotAssigned, resultExists, subjectAssignedElsewhere, subjectNotSelected } from './inspections.errors';

export const PUBLICATION_WORKING_DAYS = 20;
const PUBLISH_BATCH = 1000;
const RESULT_CURSOR = cursorCodec('date', 'id');

@Injectable()
export class InspectionResultsService {
  constructor(
    private readonly db: Database,
    private readonly plansService: InspectionPlansService,
    private readonly plans: InspectionPlansRepository,
    private readonly draws: InspectionDrawRepository,
    private readonly results: InspectionResultsRepository,
    private readonly calendar: WorkingCalendarService,
    private readonly tiers: TierRecomputeService,
    private readonly audit: AuditService,
    private readonly clock: InspectionClock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async record(planId: string, usccArg: string, input: InspectionResultInput, principal: Principal): Promise<InspectionResultModel> {
    if (principal.kind !== 'DEPARTMENT') throw forbidden();
    const uscc = usccArg.trim().toUpperCase();
    if (!/^[0-9A-Z]{18}$/.test(uscc)) throw badInput('统一社会信用代码须为 18 位（uscc must be 18 characters）', 'uscc');
    const today = this.clock.today();
    const findings = input.findings.trim();
    if (!findings) throw badInput('检查情况不能为空（findings is required）', 'input.findings');
    if (!isIsoDate(input.inspectedOn) || input.inspectedOn > today) throw badInput('检查日期不能晚于今天（inspectedOn must not be in the future）', 'input.inspectedOn');
    return this.db.transaction(async (sql) => {
      const plan = await this.plansService.reachablePlan(sql, planId, principal, true);
      if (plan.status !== 'ASSIGNED') throw planNotAssigned(plan.status);
      if (plan.drawDay !== null && input.inspectedOn < plan.drawDay) throw badInput(`检查日期不能早于抽取日 ${plan.drawDay}（inspectedOn must not be before the draw day）`, 'input.inspectedOn');
      const selection = await this.draws.findSelection(sql, planId, uscc);
      if (!selection) throw subjectNotSelected(uscc);
      // Only the department whose inspectors were assigned to the subject records its result.
      const inspectors = await this.results.assignedTo(sql, planId, selection.subjectId);
      if (!inspectors.some((inspector) => inspector.departmentId === principal.departmentId)) throw subjectAssignedElsewhere(uscc);
      const assigned = inspectors.map((inspector) => inspector.id);
      const inspectorIds = input.inspectorIds?.length ? input.inspectorIds : assigned;
      const stranger = inspectorIds.find((id) => !assigned.includes(id));
      if (stranger !== undefined) throw inspectorNotAssigned(stranger);
      const calendar = await this.calendar.calendar(sql);
      const row = await this.results.insertResult(sql, {
        planId,
        subjectId: selection.subjectId,
        category: input.category,
        findings,
        inspectedOn: input.inspectedOn,
        inspectorIds,
        departmentId: principal.departmentId,
        publicationDue: addWorkingDays(today, PUBLICATION_WORKING_DAYS, calendar).date,
      });
      if (!row) throw resultExists(uscc);
      // Read-your-writes: the tier counts the result when this call returns (tier rule sets with inspection points).
      await this.tiers.recomputeSubjects(sql, [selection.subjectId], 'INSPECTION_RESULT');
      if ((await this.results.missingResults(sql, planId)) === 0) {
        await this.results.completePlan(sql, planId, today, addWorkingDays(today, PUBLICATION_WORKING_DAYS, calendar).date);
        await this.publish(sql, { planId }, today);
      }
      await this.audit.append(sql, actorOf(principal), [
        { action: 'INSPECTION_RESULT_RECORDED', targetType: 'INSPECTION_RESULT', targetId: row.id, afterHash: contentHash({ category: row.category, findings: row.findings, inspectedOn: row.inspectedOn }), details: { planId, uscc, category: row.category } },
      ]);
      return { ...row, category: row.category as InspectionResultCategory };
    });
  }

  /** Publishes due results (the periodic job): returns how many were published. */
  async publishDue(): Promise<number> {
    const today = this.clock.today();
    return this.db.transaction((sql) => this.publish(sql, { dueBy: today }, today));
  }

  /** Copies results into the public table, applying the personal-data rules; one statement per batch. */
  private async publish(sql: SqlExecutor, scope: { planId: string } | { dueBy: string }, today: string): Promise<number> {
    let published = 0;
    for (;;) {
      const rows = await this.results.publishable(sql, scope, PUBLISH_BATCH, this.config.publishNaturalPersons);
      const prepared = rows.flatMap((row) => this.publicCopy(row, today));
      published += await this.results.insertPublished(sql, prepared);
      if (rows.length < PUBLISH_BATCH) return published;
    }
  }

  private publicCopy(row: PublishableRow, today: string): (PublishableRow & { publishedOn: string; tokens: string[] })[] {
    const person = row.subjectType === PartyType.NATURAL_PERSON;
    if (person && !this.config.publishNaturalPersons) return [];
    const findings = person ? maskAddresses(scrubPersonalData(row.findings, [row.subjectName])) : scrubPersonalData(row.findings);
    const subjectName = person ? maskPersonName(row.subjectName) : row.subjectName;
    const tokens = [...new Set([...tokenize(subjectName), ...tokenize(row.planName), ...tokenize(findings), ...tokenize(inspectionResultLabel(row.category as InspectionResultCategory))])];
    return [{ ...row, uscc: person ? (null as unknown as string) : row.uscc, subjectName, findings, publishedOn: today, tokens }];
  }

  /** The public search: published results only, filters AND-ed, newest inspection first. */
  async search(filter: InspectionResultFilter | null | undefined, first: number, after: string | undefined): Promise<PublicInspectionResultConnection> {
    let tokens: string[] | null = null;
    if (filter?.query) {
      const parsed = parseQuery(filter.query);
      if (typeof parsed === 'string') throw badInput('查询词须为 2–100 个字符（query must be 2–100 characters with words）', 'filter.query');
      tokens = parsed.tokens;
    }
    let departmentId: string | null = null;
    if (filter?.departmentCode) {
      const [department] = await this.plans.departmentsByCode(this.db, [filter.departmentCode]);
      if (!department) return toConnection([], first, 0, () => '', (x) => x);
      departmentId = department.id;
    }
    const cursor = after ? RESULT_CURSOR.decode(after) : null;
    const { rows, total } = await this.results.searchPublished(
      this.db,
      {
        regionPrefix: filter?.regionCode ? (regionSubtreePrefix(filter.regionCode) ?? '') : null,
        departmentId,
        year: filter?.year ?? null,
        category: filter?.category ?? null,
        uscc: filter?.uscc ?? null,
        tokens,
      },
      cursor ? { date: cursor[0], id: cursor[1] } : null,
      first + 1,
    );
    return toConnection(rows, first, total, (row) => RESULT_CURSOR.encode([row.inspectedOn, row.id]), (row) => ({
      ...row,
      subjectType: row.subjectType as PartyType,
      category: row.category as InspectionResultCategory,
      categoryLabel: inspectionResultLabel(row.category as InspectionResultCategory),
    }));
  }
}

// Catalogue and plans: create, edit while a draft, publish with a seed commitment. Access per plan-access.ts.
import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Actor, AuditService, contentHash } from '@credit/audit';
import { actorOf, badInput, forbidden, isWithinRegionScope, Principal } from '@credit/common';
import { Database, SqlExecutor } from '@credit/db';
import { CreditTier, isIsoDate, isRegionCode, isRegionWithin, isSeedHex, parseRatioPercent, seedCommitment, StratumRule } from '@credit/domain';
import { InspectionItemModel, InspectionPlanModel } from './dto/inspection-plan.models';
import { CreateInspectionItemInput, InspectionPlanInput } from './dto/inspection-plan.inputs';
import { toPlanModel } from './inspection.mapping';
import { InspectionPlansRepository, PlanRow, PlanValues } from './inspection-plans.repository';
import { inspectionItemExists, planNotDraft, unknownDepartments, unknownInspectionItems } from './inspections.errors';
import { canReachPlan, isPlanId, planNotFound } from './plan-access';

@Injectable()
export class InspectionPlansService {
  constructor(
    private readonly db: Database,
    private readonly plans: InspectionPlansRepository,
    private readonly audit: AuditService,
  ) {}

  async createItem(input: CreateInspectionItemInput, principal: Principal): Promise<InspectionItemModel> {
    const item = { code: input.code, name: requiredText(input.name, 'input.name', '检查事项名称', 200), legalBasis: requiredText(input.legalBasis, 'input.legalBasis', '检查依据', 2000) };
    const actor = actorOf(principal);
    return this.db.transaction(async (sql) => {
      const row = await this.plans.insertItem(sql, item, actor.name);
      if (!row) throw inspectionItemExists(item.code);
      await this.audit.append(sql, actor, [{ action: 'INSPECTION_ITEM_CREATED', targetType: 'INSPECTION_ITEM', targetId: row.id, afterHash: contentHash(item), details: { code: item.code } }]);
      return row;
    });
  }

  async items(): Promise<InspectionItemModel[]> {
    return this.plans.listItems(this.db);
  }

  async createPlan(input: InspectionPlanInput, principal: Principal): Promise<InspectionPlanModel> {
    const actor = actorOf(principal);
    return this.db.transaction(async (sql) => {
      const values = await this.checkedValues(sql, input, principal);
      const row = await this.plans.insertPlan(sql, values, actor.name);
      await this.audited(sql, actor, 'INSPECTION_PLAN_CREATED', row, null);
      return this.model(sql, row);
    });
  }

  async updatePlan(id: string, input: InspectionPlanInput, principal: Principal): Promise<InspectionPlanModel> {
    const actor = actorOf(principal);
    return this.db.transaction(async (sql) => {
      const before = await this.reachablePlan(sql, id, principal, true);
      if (before.status !== 'DRAFT') throw planNotDraft(before.status);
      const values = await this.checkedValues(sql, input, principal);
      const row = await this.plans.updatePlan(sql, id, values);
      await this.audited(sql, actor, 'INSPECTION_PLAN_UPDATED', row, before);
      return this.model(sql, row);
    });
  }

  /**
   * Publishes a draft: records seedCommitment = SHA-256(seed) and stores the seed apart (inspection_plan_seeds),
   * where no query of the API reads it before the draw. The seed is generated here unless one is supplied.
   */
  async publishPlan(id: string, suppliedSeed: string | null, principal: Principal): Promise<InspectionPlanModel> {
    if (suppliedSeed !== null && !isSeedHex(suppliedSeed)) throw badInput('种子须为 64 位小写十六进制字符（seed must be 64 lowercase hex characters, 32 bytes）', 'seed');
    // A supplied seed is only one ingredient: the caller sees the subjects in scope (and their tiers) before
    // publishing, so a seed it chose alone could be ground until a given subject is spared or picked. Mixed with
    // 32 bytes of platform randomness, the supplier contributes to the seed without choosing it.
    const seed = suppliedSeed === null ? randomBytes(32).toString('hex') : mixedSeed(suppliedSeed, randomBytes(32));
    const actor = actorOf(principal);
    return this.db.transaction(async (sql) => {
      const before = await this.reachablePlan(sql, id, principal, true);
      if (before.status !== 'DRAFT') throw planNotDraft(before.status);
      const row = await this.plans.publish(sql, id, seed, seedCommitment(seed));
      // The audit names the commitment, never the seed.
      await this.audit.append(sql, actor, [{ action: 'INSPECTION_PLAN_PUBLISHED', targetType: 'INSPECTION_PLAN', targetId: id, details: { seedCommitment: row.seedCommitment, seedSupplied: suppliedSeed !== null } }]);
      return this.model(sql, row);
    });
  }

  async plan(id: string, principal: Principal): Promise<InspectionPlanModel | null> {
    if (!isPlanId(id)) return null;
    const row = await this.plans.findPlan(this.db, id);
    return row && canReachPlan(principal, row) ? this.model(this.db, row) : null;
  }

  /** The plan if the caller may reach it, else NOT_FOUND (also for a malformed id). */
  async reachablePlan(sql: SqlExecutor, id: string, principal: Principal, lock = false): Promise<PlanRow> {
    const row = isPlanId(id) ? await this.plans.findPlan(sql, id, lock) : null;
    if (!row || !canReachPlan(principal, row)) throw planNotFound();
    return row;
  }

  private async model(sql: SqlExecutor, row: PlanRow): Promise<InspectionPlanModel> {
    const [departments, items] = await Promise.all([this.plans.departmentsById(sql, row.departmentIds), this.plans.itemsById(sql, row.itemIds)]);
    return toPlanModel(row, departments, items);
  }

  private async audited(sql: SqlExecutor, actor: Actor, action: string, row: PlanRow, before: PlanRow | null): Promise<void> {
    const content = (plan: PlanRow) => ({ name: plan.name, year: plan.year, regionCode: plan.regionCode, strata: plan.strata, departmentIds: plan.departmentIds, itemIds: plan.itemIds });
    await this.audit.append(sql, actor, [
      { action, targetType: 'INSPECTION_PLAN', targetId: row.id, beforeHash: before ? contentHash(content(before)) : null, afterHash: contentHash(content(row)), details: { name: row.name, regionCode: row.regionCode } },
    ]);
  }

  /** Every rule of a plan's input, in one place: scope within the caller's reach, known departments and items, strata. */
  private async checkedValues(sql: SqlExecutor, input: InspectionPlanInput, principal: Principal): Promise<PlanValues> {
    const name = requiredText(input.name, 'input.name', '计划名称', 200);
    if (!isRegionCode(input.regionCode)) {
      throw badInput('区域代码无效（regionCode is not a GB/T 2260 code）', 'input.regionCode');
    }
    if (!isIsoDate(input.plannedStart) || !isIsoDate(input.plannedEnd) || input.plannedStart > input.plannedEnd) {
      throw badInput('计划开始日期不能晚于完成日期（plannedStart must not be after plannedEnd）', 'input.plannedEnd');
    }
    const departmentCodes = [...new Set(input.departmentCodes)];
    if (principal.kind === 'DEPARTMENT') {
      if (!isRegionWithin(input.regionCode, principal.regionCode)) throw badInput('抽查范围须在本部门辖区内（the scope must lie within your department\'s region）', 'input.regionCode');
      if (!departmentCodes.includes(principal.departmentCode)) departmentCodes.push(principal.departmentCode);
    } else if (principal.role !== 'REGULATOR') {
      throw forbidden();
    } else if (!isWithinRegionScope(principal, input.regionCode)) {
      throw badInput('抽查范围须在您的管辖区域内（the scope must lie within your region）', 'input.regionCode');
    }
    if (departmentCodes.length === 0) throw badInput('至少需要一个实施部门（at least one executing department is required）', 'input.departmentCodes');
    const departments = await this.plans.departmentsByCode(sql, departmentCodes);
    const missingDepartments = departmentCodes.filter((code) => !departments.some((d) => d.code === code));
    if (missingDepartments.length > 0) throw unknownDepartments(missingDepartments);
    // An executing department reads the plan, its candidates with their tiers, and draws: it must work where the
    // plan inspects (its region inside the scope, or the scope inside its region), never in another province.
    const strangers = departments.filter((d) => !isRegionWithin(d.regionCode, input.regionCode) && !isRegionWithin(input.regionCode, d.regionCode));
    if (strangers.length > 0) {
      const codes = strangers.map((d) => d.code);
      throw badInput(`实施部门不在抽查范围所在区域：${codes.join('、')}（executing departments outside the plan's region: ${codes.join(', ')}）`, 'input.departmentCodes');
    }
    const items = await this.plans.itemsByCode(sql, input.itemCodes);
    const missingItems = input.itemCodes.filter((code) => !items.some((item) => item.code === code));
    if (missingItems.length > 0) throw unknownInspectionItems(missingItems);

    const strata: StratumRule[] = [];
    for (const [index, stratum] of input.strata.entries()) {
      const field = `input.strata.${index}`;
      if (strata.some((s) => s.tier === stratum.tier)) throw badInput(`分类 ${stratum.tier} 重复（tier ${stratum.tier} appears twice）`, `${field}.tier`);
      const ratio = parseRatioPercent(stratum.ratioPercent);
      if (ratio === null) throw badInput('抽查比例须为 0–100 之间、最多两位小数的百分数（ratioPercent must be 0–100 with at most two decimals）', `${field}.ratioPercent`);
      strata.push({ tier: stratum.tier as CreditTier, ratioBasisPoints: ratio, minCount: stratum.minCount ?? null, maxCount: stratum.maxCount ?? null });
    }
    return {
      name,
      year: input.year,
      regionCode: input.regionCode,
      subjectTypes: [...input.subjectTypes],
      industryCodes: [...(input.industryCodes ?? [])],
      departmentIds: departments.map((d) => d.id),
      itemIds: items.map((item) => item.id),
      strata,
      exclusionMonths: input.exclusionMonths,
      plannedStart: input.plannedStart,
      plannedEnd: input.plannedEnd,
    };
  }
}

/** SHA-256(supplied seed bytes ‖ platform bytes), hex: the seed a plan published with a supplied seed draws with. */
export function mixedSeed(suppliedHex: string, platform: Buffer): string {
  return createHash('sha256').update(Buffer.from(suppliedHex, 'hex')).update(platform).digest('hex');
}

/** A required text argument, trimmed, or a coded error naming the field. */
export function requiredText(value: string | null | undefined, field: string, zh: string, max: number): string {
  const trimmed = (value ?? '').trim();
  if (!trimmed) throw badInput(`${zh}不能为空（${field} is required）`, field);
  if ([...trimmed].length > max) throw badInput(`${zh}不能超过 ${max} 字（${field} must be at most ${max} characters）`, field);
  return trimmed;
}

// 执法检查人员库 and 随机选派: a department keeps its pool; a drawn plan gets two inspectors per selected subject,
// drawn with the plan's revealed seed by assignInspectorsToSubjects of @credit/domain (回避, even load).
import { Injectable } from '@nestjs/common';
import { AuditService, contentHash } from '@credit/audit';
import { actorOf, badInput, forbidden, Principal } from '@credit/common';
import { Database } from '@credit/db';
import { assignInspectorsToSubjects, isRegionCode, isRegionWithin, parseUscc } from '@credit/domain';
import { CreateInspectorInput } from './dto/inspection-result.inputs';
import { InspectionAssignmentSummaryModel, InspectorModel } from './dto/inspection-result.models';
import { InspectionDrawRepository } from './inspection-draw.repository';
import { InspectionPlansService, requiredText } from './inspection-plans.service';
import { InspectionResultsRepository, InspectorRow } from './inspection-results.repository';
import { inspectorExists, inspectorPoolTooSmall, planNotDrawn } from './inspections.errors';

@Injectable()
export class InspectorsService {
  constructor(
    private readonly db: Database,
    private readonly plansService: InspectionPlansService,
    private readonly draws: InspectionDrawRepository,
    private readonly results: InspectionResultsRepository,
    private readonly audit: AuditService,
  ) {}

  /** Adds a person to the calling department's pool; its region defaults to the department's. */
  async createInspector(input: CreateInspectorInput, principal: Principal): Promise<InspectorModel> {
    if (principal.kind !== 'DEPARTMENT') throw forbidden();
    const regionCode = input.regionCode ?? principal.regionCode;
    if (!isRegionCode(regionCode) || !isRegionWithin(regionCode, principal.regionCode)) {
      throw badInput('检查人员所在区域须在本部门辖区内（regionCode must lie within your department\'s region）', 'input.regionCode');
    }
    const conflictUsccs = [...new Set((input.conflictUsccs ?? []).map((u) => u.trim().toUpperCase()))];
    conflictUsccs.forEach((uscc, index) => {
      if (!parseUscc(uscc).valid) throw badInput(`回避对象的统一社会信用代码无效：${uscc}（not a valid USCC）`, `input.conflictUsccs.${index}`);
    });
    const conflictRegionCodes = [...new Set(input.conflictRegionCodes ?? [])];
    conflictRegionCodes.forEach((code, index) => {
      if (!isRegionCode(code)) throw badInput(`回避区域代码无效：${code}（not a GB/T 2260 code）`, `input.conflictRegionCodes.${index}`);
    });
    const values = {
      name: requiredText(input.name, 'input.name', '姓名', 100),
      certificateNumber: requiredText(input.certificateNumber, 'input.certificateNumber', '执法证号', 64),
      departmentId: principal.departmentId,
      regionCode,
      conflictUsccs,
      conflictRegionCodes,
    };
    return this.db.transaction(async (sql) => {
      const row = await this.results.insertInspector(sql, values);
      if (!row) throw inspectorExists(values.certificateNumber);
      await this.audit.append(sql, actorOf(principal), [
        { action: 'INSPECTOR_CREATED', targetType: 'INSPECTOR', targetId: row.id, afterHash: contentHash(values), details: { certificateNumber: values.certificateNumber, conflicts: conflictUsccs.length + conflictRegionCodes.length } },
      ]);
      return toInspectorModel(row);
    });
  }

  /** Two inspectors of the executing departments per selected subject; the whole plan at once, or a coded shortfall. */
  async assign(planId: string, principal: Principal): Promise<InspectionAssignmentSummaryModel> {
    return this.db.transaction(async (sql) => {
      const plan = await this.plansService.reachablePlan(sql, planId, principal, true);
      if (plan.status !== 'DRAWN' || plan.seed === null) throw planNotDrawn(plan.status);
      const [selections, pool] = await Promise.all([this.draws.allSelections(sql, planId), this.results.pool(sql, plan.departmentIds)]);
      const outcome = assignInspectorsToSubjects(plan.seed, selections.map((s) => ({ uscc: s.uscc, regionCode: s.regionCode })), pool);
      if (!outcome.ok) throw inspectorPoolTooSmall(outcome.shortfalls);
      const subjectOf = new Map(selections.map((s) => [s.uscc, s.subjectId]));
      const pairs = outcome.assignments.flatMap((a) => a.inspectorIds.map((id) => [subjectOf.get(a.uscc)!, id] as const));
      await this.results.insertAssignments(sql, planId, pairs.map(([s]) => s), pairs.map(([, i]) => i));
      const loads = Object.values(outcome.loads);
      await this.audit.append(sql, actorOf(principal), [
        { action: 'INSPECTORS_ASSIGNED', targetType: 'INSPECTION_PLAN', targetId: planId, details: { subjects: selections.length, pool: pool.length, assignments: pairs.length } },
      ]);
      return {
        planId,
        subjects: selections.length,
        pool: pool.length,
        minLoad: loads.length ? Math.min(...loads) : 0,
        maxLoad: loads.length ? Math.max(...loads) : 0,
        loads: pool.map((inspector: InspectorRow) => ({ inspector: toInspectorModel(inspector), subjects: outcome.loads[inspector.id] ?? 0 })),
      };
    });
  }
}

export function toInspectorModel(row: InspectorRow): InspectorModel {
  return {
    id: row.id,
    name: row.name,
    certificateNumber: row.certificateNumber,
    departmentCode: row.departmentCode,
    regionCode: row.regionCode,
    conflictUsccs: [...row.conflictUsccs],
    conflictRegionCodes: [...row.conflictRegionCodes],
  };
}

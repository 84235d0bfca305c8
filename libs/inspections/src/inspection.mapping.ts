// Rows of the repositories → GraphQL output models. No SQL here, no rules.
import { CreditTier, formatRatioPercent, PartyType, StratumDraw } from '@credit/domain';
import { InspectionDrawModel, InspectionPlanModel } from './dto/inspection-plan.models';
import { InspectionPlanStatus } from './dto/inspection.enums';
import type { DepartmentRef, InspectionItemRow, PlanRow } from './inspection-plans.repository';

export function toPlanModel(row: PlanRow, departments: DepartmentRef[], items: InspectionItemRow[]): InspectionPlanModel {
  return {
    id: row.id,
    name: row.name,
    year: row.year,
    regionCode: row.regionCode,
    subjectTypes: row.subjectTypes as PartyType[],
    industryCodes: row.industryCodes,
    departments: departments.map((d) => ({ code: d.code, name: d.name })),
    items: items.map((item) => ({ id: item.id, code: item.code, name: item.name, legalBasis: item.legalBasis })),
    strata: row.strata.map((s) => ({ tier: s.tier, ratioPercent: formatRatioPercent(s.ratioBasisPoints), minCount: s.minCount, maxCount: s.maxCount })),
    exclusionMonths: row.exclusionMonths,
    plannedStart: row.plannedStart,
    plannedEnd: row.plannedEnd,
    status: row.status as InspectionPlanStatus,
    seedCommitment: row.seedCommitment,
    publishedAt: row.publishedAt,
    completedOn: row.completedOn,
    publicationDue: row.publicationDue,
  };
}

export function toDrawModel(row: PlanRow): InspectionDrawModel {
  const strata: StratumDraw[] = row.drawStrata ?? [];
  return {
    planId: row.id,
    status: row.status as InspectionPlanStatus,
    seedCommitment: row.seedCommitment,
    // Only a drawn plan has its seed copied into the plan row (the reveal); before, the column is null.
    seed: row.seed,
    candidateListHash: row.candidateListHash,
    candidateCount: row.candidateCount,
    drawDay: row.drawDay,
    strata: strata.map((s) => ({ tier: s.tier as CreditTier, candidates: s.candidates, count: s.count, shortfall: s.shortfall })),
  };
}

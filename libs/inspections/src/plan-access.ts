// Who reaches a plan: a regulator whose region scope contains the plan's region (libs/common/src/auth/
// region-scope.ts), or a department that executes it. Anyone else is told the plan does not exist (NOT_FOUND,
// the same words as a missing id), so a plan's existence does not leak across regions or departments.
import { isWithinRegionScope, notFound, Principal } from '@credit/common';
import type { PlanRow } from './inspection-plans.repository';

export function canReachPlan(principal: Principal, plan: Pick<PlanRow, 'regionCode' | 'departmentIds'>): boolean {
  if (principal.kind === 'DEPARTMENT') return plan.departmentIds.includes(principal.departmentId);
  return principal.role === 'REGULATOR' && isWithinRegionScope(principal, plan.regionCode);
}

export const planNotFound = () => notFound('inspection plan');

/** Ids are bigint: anything else is simply not a plan. */
export function isPlanId(value: string): boolean {
  return /^\d{1,18}$/.test(value);
}

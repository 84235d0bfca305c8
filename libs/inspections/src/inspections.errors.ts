// Coded errors of the inspections capability, each built here and only here. Access and input problems that
// every capability shares use the helpers of @credit/common (notFound, badInput, forbidden).
import { DomainError } from '@credit/common';
import { PoolShortfall } from '@credit/domain';

export type InspectionErrorCode =
  | 'INSPECTION_PLAN_NOT_DRAFT'
  | 'INSPECTION_PLAN_NOT_PUBLISHED'
  | 'INSPECTION_PLAN_NOT_DRAWN'
  | 'INSPECTION_PLAN_NOT_ASSIGNED'
  | 'INSPECTION_ITEM_EXISTS'
  | 'UNKNOWN_INSPECTION_ITEM'
  | 'UNKNOWN_DEPARTMENT'
  | 'INSPECTOR_EXISTS'
  | 'INSPECTOR_POOL_TOO_SMALL'
  | 'SUBJECT_NOT_SELECTED'
  | 'INSPECTION_RESULT_EXISTS'
  | 'INSPECTOR_NOT_ASSIGNED'
  | 'SUBJECT_ASSIGNED_ELSEWHERE';

function inspectionError(code: InspectionErrorCode, message: string, field?: string): DomainError {
  return new DomainError(code, message, field ? { field } : {});
}

const STATUS_ZH: Record<string, string> = { DRAFT: '草稿', PUBLISHED: '已发布', DRAWN: '已抽取', ASSIGNED: '已选派', COMPLETED: '已完成' };

export const planNotDraft = (status: string): DomainError =>
  inspectionError('INSPECTION_PLAN_NOT_DRAFT', `抽查计划已${STATUS_ZH[status] ?? status}，只有草稿可以修改或发布（only a draft plan can be changed or published; this one is ${status}）`, 'planId');

export const planNotPublished = (status: string): DomainError =>
  inspectionError('INSPECTION_PLAN_NOT_PUBLISHED', `抽查计划${STATUS_ZH[status] ?? status}，只有已发布且未抽取的计划可以抽取（only a published plan not yet drawn can be drawn; this one is ${status}）`, 'planId');

export const planNotDrawn = (status: string): DomainError =>
  inspectionError('INSPECTION_PLAN_NOT_DRAWN', `抽查计划${STATUS_ZH[status] ?? status}，须已抽取且尚未选派检查人员（inspectors are assigned once, to a drawn plan; this one is ${status}）`, 'planId');

export const planNotAssigned = (status: string): DomainError =>
  inspectionError('INSPECTION_PLAN_NOT_ASSIGNED', `抽查计划${STATUS_ZH[status] ?? status}，须先选派检查人员才能录入结果（results are recorded after inspectors are assigned; this plan is ${status}）`, 'planId');

export const inspectionItemExists = (code: string): DomainError =>
  inspectionError('INSPECTION_ITEM_EXISTS', `检查事项 ${code} 已存在（inspection item ${code} already exists）`, 'input.code');

export const unknownInspectionItems = (codes: string[]): DomainError =>
  inspectionError('UNKNOWN_INSPECTION_ITEM', `检查事项不存在：${codes.join('、')}（unknown inspection items: ${codes.join(', ')}）`, 'input.itemCodes');

export const unknownDepartments = (codes: string[]): DomainError =>
  inspectionError('UNKNOWN_DEPARTMENT', `部门不存在：${codes.join('、')}（unknown departments: ${codes.join(', ')}）`, 'input.departmentCodes');

export const inspectorExists = (certificateNumber: string): DomainError =>
  inspectionError('INSPECTOR_EXISTS', `执法证号 ${certificateNumber} 已登记（an inspector with certificate ${certificateNumber} already exists）`, 'input.certificateNumber');

/** Names the first subjects short of inspectors and by how many. */
export function inspectorPoolTooSmall(shortfalls: PoolShortfall[]): DomainError {
  const shown = shortfalls.slice(0, 5);
  const zh = shown.map((s) => `${s.uscc} 需 ${s.needed} 名、可派 ${s.available} 名（缺 ${s.needed - s.available} 名）`).join('；');
  const en = shown.map((s) => `${s.uscc} needs ${s.needed}, ${s.available} available (short by ${s.needed - s.available})`).join('; ');
  const more = shortfalls.length > shown.length ? ` … +${shortfalls.length - shown.length}` : '';
  return new DomainError('INSPECTOR_POOL_TOO_SMALL' satisfies InspectionErrorCode, `执法检查人员不足：${zh}${more}（inspector pool too small: ${en}${more}）`, {
    field: 'planId',
    fieldErrors: shortfalls.slice(0, 50).map((s) => ({ field: s.uscc, code: 'INSPECTOR_POOL_TOO_SMALL', message: `short by ${s.needed - s.available}` })),
  });
}

export const subjectNotSelected = (uscc: string): DomainError =>
  inspectionError('SUBJECT_NOT_SELECTED', `${uscc} 不是本计划抽中的检查对象（${uscc} was not drawn in this plan）`, 'uscc');

export const resultExists = (uscc: string): DomainError =>
  inspectionError('INSPECTION_RESULT_EXISTS', `${uscc} 的抽查结果已录入（the result for ${uscc} is already recorded）`, 'uscc');

/** The subject's inspectors belong to another executing department of the plan: that department records it. */
export const subjectAssignedElsewhere = (uscc: string): DomainError =>
  inspectionError('SUBJECT_ASSIGNED_ELSEWHERE', `${uscc} 由本计划的其他实施部门检查，应由其录入结果（${uscc} is inspected by another executing department of this plan, which records its result）`, 'uscc');

export const inspectorNotAssigned = (id: string): DomainError =>
  inspectionError('INSPECTOR_NOT_ASSIGNED', `检查人员 ${id} 未被选派检查该对象（inspector ${id} was not assigned to this subject）`, 'input.inspectorIds');

// The inspections' domain enums as GraphQL enums, registered once.
import { registerEnumType } from '@nestjs/graphql';
import { INSPECTION_RESULT_CATEGORIES, InspectionResultCategory } from '@credit/domain';

export enum InspectionPlanStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  DRAWN = 'DRAWN',
  ASSIGNED = 'ASSIGNED',
  COMPLETED = 'COMPLETED',
}

registerEnumType(InspectionPlanStatus, {
  name: 'InspectionPlanStatus',
  description: '抽查计划状态',
  valuesMap: {
    DRAFT: { description: '草稿: editable, not yet public' },
    PUBLISHED: { description: '已发布: read-only, seed commitment public, not yet drawn' },
    DRAWN: { description: '已抽取: seed revealed, candidates frozen, subjects selected' },
    ASSIGNED: { description: '已选派: inspectors assigned, results being recorded' },
    COMPLETED: { description: '已完成: every selected subject has a result' },
  },
});

registerEnumType(InspectionResultCategory, {
  name: 'InspectionResultCategory',
  description: '抽查检查结果 (SAMR categories, 国市监信发〔2022〕6号)',
  valuesMap: Object.fromEntries(INSPECTION_RESULT_CATEGORIES.map((info) => [info.category, { description: info.labelZh }])),
});

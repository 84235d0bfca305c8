// Domain enums become GraphQL enums here, once, with descriptions a department's developer can read.
import { registerEnumType } from '@nestjs/graphql';
import { IdType, PartyType, PenaltyCategory, PenaltyRecordStatus, Severity } from '@credit/domain';

registerEnumType(PartyType, {
  name: 'PartyType',
  description: '行政相对人类别',
  valuesMap: {
    LEGAL_ENTITY: { description: '法人及非法人组织' },
    INDIVIDUAL_BUSINESS: { description: '个体工商户' },
    NATURAL_PERSON: { description: '自然人' },
  },
});
registerEnumType(IdType, { name: 'IdType', description: '证件类型' });
registerEnumType(PenaltyCategory, {
  name: 'PenaltyCategory',
  description: '处罚类别 (行政处罚法 art. 9)',
  valuesMap: {
    WARNING: { description: '警告' },
    CRITICISM: { description: '通报批评' },
    FINE: { description: '罚款' },
    CONFISCATE_ILLEGAL_GAINS: { description: '没收违法所得' },
    CONFISCATE_ILLEGAL_PROPERTY: { description: '没收非法财物' },
    SUSPEND_LICENSE: { description: '暂扣许可证件' },
    DOWNGRADE_QUALIFICATION: { description: '降低资质等级' },
    REVOKE_LICENSE: { description: '吊销许可证件' },
    RESTRICT_OPERATIONS: { description: '限制开展生产经营活动' },
    SUSPEND_PRODUCTION: { description: '责令停产停业' },
    ORDER_CLOSURE: { description: '责令关闭' },
    RESTRICT_PRACTICE: { description: '限制从业' },
    DETENTION: { description: '行政拘留' },
    OTHER: { description: '其他' },
  },
});
registerEnumType(Severity, {
  name: 'Severity',
  description: '轻微 / 一般 / 严重',
  valuesMap: { MINOR: { description: '轻微' }, GENERAL: { description: '一般' }, SERIOUS: { description: '严重' } },
});
registerEnumType(PenaltyRecordStatus, { name: 'PenaltyRecordStatus', description: 'ACTIVE, or REVOKED by the deciding department (a revoked decision is withdrawn from publication).' });

export const DOMAIN_ENUMS_REGISTERED = true;

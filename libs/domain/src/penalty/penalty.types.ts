// The "双公示" 行政处罚 data items as plain types. No framework imports: every layer above builds on these.

/** 行政相对人类别 */
export enum PartyType {
  LEGAL_ENTITY = 'LEGAL_ENTITY', // 法人及非法人组织
  INDIVIDUAL_BUSINESS = 'INDIVIDUAL_BUSINESS', // 个体工商户
  NATURAL_PERSON = 'NATURAL_PERSON', // 自然人
}

/** 证件类型 */
export enum IdType {
  RESIDENT_ID = 'RESIDENT_ID', // 居民身份证
  PASSPORT = 'PASSPORT', // 护照
  HK_MACAO_PERMIT = 'HK_MACAO_PERMIT', // 港澳居民来往内地通行证
  TAIWAN_PERMIT = 'TAIWAN_PERMIT', // 台湾居民来往大陆通行证
  FOREIGN_PERMANENT_RESIDENT = 'FOREIGN_PERMANENT_RESIDENT', // 外国人永久居留身份证
  OTHER = 'OTHER',
}

/** 处罚类别: the kinds of 行政处罚法 art. 9 */
export enum PenaltyCategory {
  WARNING = 'WARNING', // 警告
  CRITICISM = 'CRITICISM', // 通报批评
  FINE = 'FINE', // 罚款
  CONFISCATE_ILLEGAL_GAINS = 'CONFISCATE_ILLEGAL_GAINS', // 没收违法所得
  CONFISCATE_ILLEGAL_PROPERTY = 'CONFISCATE_ILLEGAL_PROPERTY', // 没收非法财物
  SUSPEND_LICENSE = 'SUSPEND_LICENSE', // 暂扣许可证件
  DOWNGRADE_QUALIFICATION = 'DOWNGRADE_QUALIFICATION', // 降低资质等级
  REVOKE_LICENSE = 'REVOKE_LICENSE', // 吊销许可证件
  RESTRICT_OPERATIONS = 'RESTRICT_OPERATIONS', // 限制开展生产经营活动
  SUSPEND_PRODUCTION = 'SUSPEND_PRODUCTION', // 责令停产停业
  ORDER_CLOSURE = 'ORDER_CLOSURE', // 责令关闭
  RESTRICT_PRACTICE = 'RESTRICT_PRACTICE', // 限制从业
  DETENTION = 'DETENTION', // 行政拘留
  OTHER = 'OTHER', // 其他
}

/** 轻微 / 一般 / 严重 */
export enum Severity {
  MINOR = 'MINOR',
  GENERAL = 'GENERAL',
  SERIOUS = 'SERIOUS',
}

export enum PenaltyRecordStatus {
  ACTIVE = 'ACTIVE',
  REVOKED = 'REVOKED',
}

/** One validation finding on one field; `field` is the path inside the item (e.g. `uscc`, `penaltyCategories[1]`). */
export interface FieldIssue {
  field: string;
  code: string;
  message: string;
}

/** ISO calendar date `YYYY-MM-DD`; kept as a string so no time zone ever shifts it. */
export type IsoDate = string;

/** Exact decimal amount in 万元, as a canonical string (e.g. "12.5"), never a float. */
export type DecimalString = string;

// Chinese names used in tier reasons, so a regulator reads the legal terms, not enum codes.
import { PenaltyCategory, Severity } from '../penalty/penalty.types';

export const SEVERITY_LABELS_ZH: Readonly<Record<Severity, string>> = Object.freeze({
  [Severity.MINOR]: '轻微',
  [Severity.GENERAL]: '一般',
  [Severity.SERIOUS]: '严重',
});

/** 行政处罚法 第九条 处罚种类 */
export const PENALTY_CATEGORY_LABELS_ZH: Readonly<Record<PenaltyCategory, string>> = Object.freeze({
  [PenaltyCategory.WARNING]: '警告',
  [PenaltyCategory.CRITICISM]: '通报批评',
  [PenaltyCategory.FINE]: '罚款',
  [PenaltyCategory.CONFISCATE_ILLEGAL_GAINS]: '没收违法所得',
  [PenaltyCategory.CONFISCATE_ILLEGAL_PROPERTY]: '没收非法财物',
  [PenaltyCategory.SUSPEND_LICENSE]: '暂扣许可证件',
  [PenaltyCategory.DOWNGRADE_QUALIFICATION]: '降低资质等级',
  [PenaltyCategory.REVOKE_LICENSE]: '吊销许可证件',
  [PenaltyCategory.RESTRICT_OPERATIONS]: '限制开展生产经营活动',
  [PenaltyCategory.SUSPEND_PRODUCTION]: '责令停产停业',
  [PenaltyCategory.ORDER_CLOSURE]: '责令关闭',
  [PenaltyCategory.RESTRICT_PRACTICE]: '限制从业',
  [PenaltyCategory.DETENTION]: '行政拘留',
  [PenaltyCategory.OTHER]: '其他',
});

// 双随机、一公开 抽查检查结果 categories as data. The wording follows the result items SAMR prescribes for
// 双随机、一公开 spot checks in its risk-classified supervision notice (《市场监管总局关于推进企业信用风险分类管理
// 进一步提升监管效能的意见》国市监信发〔2022〕6号) and the 抽查检查结果 items of 《市场监督管理行政执法
// 双随机、一公开 抽查工作规则》. The source text could not be re-read here; where the wording is uncertain the label
// kept is the one in the platform's issue (docs of issue 14), and no category is punitive by itself: only the
// tier rule data below (inspection-tier-rules.data.ts) gives points.
import { IsoDate } from '../penalty/penalty.types';

export enum InspectionResultCategory {
  /** 未发现问题 */
  NO_PROBLEM = 'NO_PROBLEM',
  /** 未按规定公示应当公示的信息 */
  INFO_NOT_DISCLOSED = 'INFO_NOT_DISCLOSED',
  /** 公示信息隐瞒真实情况、弄虚作假 */
  FALSIFIED_INFO = 'FALSIFIED_INFO',
  /** 通过登记的住所（经营场所）无法联系 */
  ADDRESS_UNREACHABLE = 'ADDRESS_UNREACHABLE',
  /** 发现问题已责令改正 */
  ORDERED_TO_CORRECT = 'ORDERED_TO_CORRECT',
  /** 发现问题待后续处理 */
  PENDING_FOLLOW_UP = 'PENDING_FOLLOW_UP',
  /** 不配合检查情节严重 */
  OBSTRUCTED = 'OBSTRUCTED',
  /** 未发现开展本次抽查涉及的经营活动 */
  NO_RELEVANT_ACTIVITY = 'NO_RELEVANT_ACTIVITY',
  /** 已注销或被吊销营业执照 (subject gone: nothing to inspect) */
  DEREGISTERED = 'DEREGISTERED',
  /** 其他 */
  OTHER = 'OTHER',
}

export interface InspectionResultCategoryInfo {
  category: InspectionResultCategory;
  labelZh: string;
  /** True when the result found something wrong with the subject (used by the statistics). */
  problemFound: boolean;
}

export const INSPECTION_RESULT_CATEGORY_SOURCE = {
  title: '市场监管总局关于推进企业信用风险分类管理进一步提升监管效能的意见；市场监督管理行政执法“双随机、一公开”抽查工作规则',
  number: '国市监信发〔2022〕6号',
  effectiveFrom: '2022-01-13' as IsoDate,
} as const;

export const INSPECTION_RESULT_CATEGORIES: readonly InspectionResultCategoryInfo[] = Object.freeze([
  { category: InspectionResultCategory.NO_PROBLEM, labelZh: '未发现问题', problemFound: false },
  { category: InspectionResultCategory.INFO_NOT_DISCLOSED, labelZh: '未按规定公示应当公示的信息', problemFound: true },
  { category: InspectionResultCategory.FALSIFIED_INFO, labelZh: '公示信息隐瞒真实情况、弄虚作假', problemFound: true },
  { category: InspectionResultCategory.ADDRESS_UNREACHABLE, labelZh: '通过登记的住所（经营场所）无法联系', problemFound: true },
  { category: InspectionResultCategory.ORDERED_TO_CORRECT, labelZh: '发现问题已责令改正', problemFound: true },
  { category: InspectionResultCategory.PENDING_FOLLOW_UP, labelZh: '发现问题待后续处理', problemFound: true },
  { category: InspectionResultCategory.OBSTRUCTED, labelZh: '不配合检查情节严重', problemFound: true },
  { category: InspectionResultCategory.NO_RELEVANT_ACTIVITY, labelZh: '未发现开展本次抽查涉及的经营活动', problemFound: false },
  { category: InspectionResultCategory.DEREGISTERED, labelZh: '已注销或被吊销营业执照', problemFound: false },
  { category: InspectionResultCategory.OTHER, labelZh: '其他', problemFound: false },
]);

export function inspectionResultLabel(category: InspectionResultCategory): string {
  return INSPECTION_RESULT_CATEGORIES.find((info) => info.category === category)?.labelZh ?? category;
}

/**
 * How inspection results feed the credit tier (信用风险分类): points deducted per result category while the
 * result counts (from the result date, for `windowMonths`). 未发现问题 is a positive signal recorded for the
 * next plan (the exclusion window), not points. Used by tier rule set v2 (tier-rule-sets.data.ts).
 */
export interface InspectionTierRules {
  windowMonths: number;
  points: Partial<Record<InspectionResultCategory, number>>;
}

/**
 * v1 — 抽查结果计分 第1版: 通过登记的住所无法联系 (a subject that cannot be found at its registered address is
 * listed 经营异常 under the same rules) 20; 公示信息隐瞒真实情况、弄虚作假 30; 不配合检查情节严重 20; 未按规定
 * 公示应当公示的信息 10; 发现问题待后续处理 5. Counted 12 months, like a general penalty.
 */
export const INSPECTION_TIER_RULES_V1: InspectionTierRules = Object.freeze({
  windowMonths: 12,
  points: Object.freeze({
    [InspectionResultCategory.ADDRESS_UNREACHABLE]: 20,
    [InspectionResultCategory.FALSIFIED_INFO]: 30,
    [InspectionResultCategory.OBSTRUCTED]: 20,
    [InspectionResultCategory.INFO_NOT_DISCLOSED]: 10,
    [InspectionResultCategory.PENDING_FOLLOW_UP]: 5,
  }),
});

// The tier rule sets as data. A rule set is never edited once in use: a change of numbers is a new version,
// and which version is active is configuration, so a tier computed under v1 can always be reproduced.
import { INSPECTION_TIER_RULES_V1 } from '../inspections/inspection-result-categories.data';
import { PenaltyCategory, Severity } from '../penalty/penalty.types';
import { CreditTier, TierRuleSet } from './tier.types';

/**
 * v1 — 信用风险分类扣分规则 第1版. Start at 100 and deduct, per counted record:
 *
 * | rule | points |
 * |---|---|
 * | severity 轻微 MINOR / 一般 GENERAL / 严重 SERIOUS | 2 / 10 / 30 |
 * | counts for (months from decisionDate) MINOR / GENERAL / SERIOUS | 6 / 12 / 36 |
 * | largest category surcharge: 吊销许可证件, 责令关闭, 限制从业 | 40 |
 * |   责令停产停业, 行政拘留, 降低资质等级, 限制开展生产经营活动 | 20 |
 * |   暂扣许可证件 | 10 |
 * |   没收违法所得, 没收非法财物 | 5 |
 * |   警告, 通报批评, 罚款, 其他 | 0 (罚款 is weighed by its amount) |
 * | highest fine band reached (罚款 + 没收金额, 万元): ≥1 / ≥10 / ≥100 | 2 / 5 / 10 |
 * | repeat: same violationType decided within the 12 months before | +10 |
 *
 * Levels: A ≥ 90, B 70–89, C 40–69, D < 40. Overrides: active 严重失信主体名单 listing → D; a counting SERIOUS
 * record decided less than 12 months ago → at most C.
 *
 * Why these numbers: one general penalty leaves an A (90); a general penalty with a production stop drops to
 * the B edge (70); a serious penalty alone is C for its first year (cap) and B after; a serious penalty with a
 * revoked licence, closure or practice ban is D (100 − 30 − 40 = 30). Windows follow the publication periods
 * (一般 at most 1 year, 严重 at most 3 years) so a tier never outlives the publication of its cause.
 */
export const TIER_RULE_SET_V1: TierRuleSet = deepFreeze({
  version: 'v1',
  effectiveFrom: '2026-01-01',
  startScore: 100,
  thresholds: { A: 90, B: 70, C: 40 },
  windowsMonths: { [Severity.MINOR]: 6, [Severity.GENERAL]: 12, [Severity.SERIOUS]: 36 },
  pointsBySeverity: { [Severity.MINOR]: 2, [Severity.GENERAL]: 10, [Severity.SERIOUS]: 30 },
  categorySurcharges: [
    { category: PenaltyCategory.REVOKE_LICENSE, points: 40 }, // 吊销许可证件
    { category: PenaltyCategory.ORDER_CLOSURE, points: 40 }, // 责令关闭
    { category: PenaltyCategory.RESTRICT_PRACTICE, points: 40 }, // 限制从业
    { category: PenaltyCategory.SUSPEND_PRODUCTION, points: 20 }, // 责令停产停业
    { category: PenaltyCategory.DETENTION, points: 20 }, // 行政拘留
    { category: PenaltyCategory.DOWNGRADE_QUALIFICATION, points: 20 }, // 降低资质等级
    { category: PenaltyCategory.RESTRICT_OPERATIONS, points: 20 }, // 限制开展生产经营活动
    { category: PenaltyCategory.SUSPEND_LICENSE, points: 10 }, // 暂扣许可证件
    { category: PenaltyCategory.CONFISCATE_ILLEGAL_GAINS, points: 5 }, // 没收违法所得
    { category: PenaltyCategory.CONFISCATE_ILLEGAL_PROPERTY, points: 5 }, // 没收非法财物
  ],
  fineBands: [
    { code: 'FINE_BAND_1', minAmount: '1', points: 2 },
    { code: 'FINE_BAND_10', minAmount: '10', points: 5 },
    { code: 'FINE_BAND_100', minAmount: '100', points: 10 },
  ],
  repeat: { lookbackMonths: 12, points: 10 },
  overrides: {
    listed: { level: CreditTier.D },
    seriousCap: { severity: Severity.SERIOUS, withinMonths: 12, maxLevel: CreditTier.C },
  },
});

/**
 * v2 — v1 plus 双随机、一公开 inspection results as deductions (INSPECTION_TIER_RULES_V1: 通过登记的住所无法联系 20,
 * 公示信息隐瞒真实情况弄虚作假 30, 不配合检查情节严重 20, 未按规定公示 10, 待后续处理 5; counted 12 months from the
 * inspection day; the reason names the plan). The default (TIER_RULE_VERSION unset) from 2026-12-04.
 */
export const TIER_RULE_SET_V2: TierRuleSet = deepFreeze({
  ...TIER_RULE_SET_V1,
  version: 'v2',
  effectiveFrom: '2026-12-04',
  inspectionResults: INSPECTION_TIER_RULES_V1,
});

/** Every rule set the platform knows, by version. Add new versions here; never change an existing one. */
export const TIER_RULE_SETS: Readonly<Record<string, TierRuleSet>> = Object.freeze({
  [TIER_RULE_SET_V1.version]: TIER_RULE_SET_V1,
  [TIER_RULE_SET_V2.version]: TIER_RULE_SET_V2,
});

/** Thrown for a rule-set version that is not in the registry (a configuration mistake, not user input). */
export class UnknownTierRuleSetError extends Error {
  readonly code = 'UNKNOWN_TIER_RULE_SET';

  constructor(
    readonly version: string,
    known: readonly string[],
  ) {
    super(`未知的信用风险分类规则版本 / unknown tier rule set version "${version}" (known: ${known.join(', ')})`);
    this.name = 'UnknownTierRuleSetError';
  }
}

export function getTierRuleSet(
  version: string,
  registry: Readonly<Record<string, TierRuleSet>> = TIER_RULE_SETS,
): TierRuleSet {
  // hasOwn, so "toString" or "__proto__" never resolve to something that is not a rule set.
  if (!Object.prototype.hasOwnProperty.call(registry, version)) {
    throw new UnknownTierRuleSetError(version, Object.keys(registry));
  }
  return registry[version];
}

// Frozen so a caller cannot tweak the active numbers at run time and silently break reproducibility.
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const child of Object.values(value as Record<string, unknown>)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

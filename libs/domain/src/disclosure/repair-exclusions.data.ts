// Penalties whose publication may NOT be ended early by credit repair (信用修复 / 提前停止公示), as versioned
// data: each rule names its source, the decision dates it governs and what it excludes. A record that one of
// these rules covers stays published until its maximum period ends (the publication sweep ends it then).
import { IsoDate, PenaltyCategory } from '../penalty/penalty.types';

export interface RepairExclusionRule {
  /** Stable id, returned in REPAIR_NOT_ALLOWED so the department can cite it. */
  id: string;
  /** Chinese name and article, for the message. */
  citation: string;
  /** First and last decision date the rule governs (inclusive); effectiveTo null while in force. */
  effectiveFrom: IsoDate;
  effectiveTo: IsoDate | null;
  /** Excluded when any of the record's categories is one of these. */
  categories: readonly PenaltyCategory[];
  /** Excluded when the department marked the record as a non-repairable serious dishonesty (特定严重失信). */
  flagged: boolean;
  /** Whether the text was read for this table; when false, the comment says what the entry rests on. */
  textRead: boolean;
}

export interface RepairFacts {
  decisionDate: IsoDate;
  categories: readonly PenaltyCategory[];
  /** 特定严重失信 / 依法不可修复, as stated by the deciding department (never inferred by the platform). */
  notRepairable: boolean;
}

export const REPAIR_EXCLUSION_RULES: readonly RepairExclusionRule[] = [
  {
    // 市场监督管理行政处罚信息公示规定 (国家市场监督管理总局令第45号, 2021-07-30, in force 2021-09-01) art. 14
    // para. 3, read in full: "当事人受到责令停产停业、限制开展生产经营活动、限制从业、降低资质等级、吊销许可证件、
    // 吊销营业执照…的，不得提前停止公示." 吊销营业执照 is reported as REVOKE_LICENSE (吊销许可证件) here.
    // The SAMR rule binds market regulators; applied to every department because a platform that repairs what
    // the 公示系统 keeps would publish two answers about one decision. The later 市场监督管理信用修复管理办法
    // (in force 2025-12-25) was not read in full; nothing found says it lifted this list, so it stays in force.
    id: 'SAMR-ORDER-45-ART14',
    citation: '市场监督管理行政处罚信息公示规定（国家市场监督管理总局令第45号）第十四条',
    effectiveFrom: '2021-09-01',
    effectiveTo: null,
    categories: [
      PenaltyCategory.SUSPEND_PRODUCTION, // 责令停产停业
      PenaltyCategory.RESTRICT_OPERATIONS, // 限制开展生产经营活动
      PenaltyCategory.RESTRICT_PRACTICE, // 限制从业
      PenaltyCategory.DOWNGRADE_QUALIFICATION, // 降低资质等级
      PenaltyCategory.REVOKE_LICENSE, // 吊销许可证件 / 吊销营业执照
    ],
    flagged: false,
    textRead: true,
  },
  {
    // 发改办财金〔2019〕527号 (work from 2019-07-01): "对涉及特定严重失信行为的行政处罚信息严格按最长公示期限予以
    // 公示". Only secondary summaries were read, not the notice itself; its list of 特定严重失信行为 is by field
    // and conduct (食品药品、安全生产…; 故意侵犯知识产权…), not by penalty kind, so the platform cannot infer it: it
    // applies where the deciding department marks the record (notRepairable), the reading that protects the party.
    id: 'NDRC-2019-527-SPECIFIC-SERIOUS',
    citation: '关于进一步完善“信用中国”网站及地方信用门户网站行政处罚信息信用修复机制的通知（发改办财金〔2019〕527号）',
    effectiveFrom: '2019-07-01',
    effectiveTo: '2023-04-30',
    categories: [],
    flagged: true,
    textRead: false,
  },
  {
    // 失信行为纠正后的信用信息修复管理办法（试行）(国家发展和改革委员会令第58号, 2023-05-01 → 2026-03-31): its
    // text was not read here. Carried over as "where a law, regulation or policy document excludes repair and
    // the department says so", the same rule its successor states in art. 2.
    id: 'NDRC-ORDER-58-EXCLUDED-BY-LAW',
    citation: '失信行为纠正后的信用信息修复管理办法（试行）（国家发展和改革委员会令第58号）',
    effectiveFrom: '2023-05-01',
    effectiveTo: '2026-03-31',
    categories: [],
    flagged: true,
    textRead: false,
  },
  {
    // 信用修复管理办法 (国家发展和改革委员会令2025年第36号, in force 2026-04-01) art. 2, read: "除法律、法规或党中央、
    // 国务院政策文件明确规定不可修复的情形外，满足相关条件的信用主体均可按要求申请信用修复." It names no penalty kind
    // itself, so the only exclusion is the one the department states (notRepairable).
    id: 'NDRC-ORDER-2025-36-ART2',
    citation: '信用修复管理办法（国家发展和改革委员会令2025年第36号）第二条',
    effectiveFrom: '2026-04-01',
    effectiveTo: null,
    categories: [],
    flagged: true,
    textRead: true,
  },
];

/** The first rule in force on the decision date that excludes this record from early repair, or null. */
export function repairExclusionFor(
  facts: RepairFacts,
  rules: readonly RepairExclusionRule[] = REPAIR_EXCLUSION_RULES,
): RepairExclusionRule | null {
  return (
    rules.find((rule) => {
      const inForce = rule.effectiveFrom <= facts.decisionDate && (rule.effectiveTo === null || facts.decisionDate <= rule.effectiveTo);
      if (!inForce) return false;
      if (rule.flagged && facts.notRepairable) return true;
      return facts.categories.some((category) => rule.categories.includes(category));
    }) ?? null
  );
}

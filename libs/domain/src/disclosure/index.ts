export { DISCLOSURE_RULE_SETS, ruleSetInForce } from './disclosure-rule-sets.data';
export type { DisclosurePeriod, DisclosureRuleSet } from './disclosure-rule-sets.data';
export { canApproveCreditRepair, decideDisclosure, isPubliclyVisible } from './disclosure.policy';
export type {
  DisclosureDecision,
  DisclosureInput,
  DisclosureOptions,
  DisclosureState,
  NotPublishedReason,
  RepairCheck,
} from './disclosure.policy';
export { NotPublishedError, publicProjection } from './disclosure.projection';
export type { DisclosureSourceRecord, PublicDisclosure } from './disclosure.projection';
export { maskAddresses, scrubPersonalData } from './personal-data.scrub';
export { REPAIR_EXCLUSION_RULES, repairExclusionFor } from './repair-exclusions.data';
export type { RepairExclusionRule, RepairFacts } from './repair-exclusions.data';
export { sharedUntil, sharingMonths, sharingState } from './sharing.policy';
export type { SharingInput, SharingState } from './sharing.policy';
export { WITHDRAWAL_NOTICE_RULE, withdrawalNoticeWindow } from './withdrawal-notice';
export type { WithdrawalNoticeWindow } from './withdrawal-notice';

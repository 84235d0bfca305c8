export * from './tier.types';
export * from './tier-rule-sets.data';
export * from './tier-labels.data';
export {
  evaluateTier,
  isRecordCounting,
  isListingActive,
  levelForScore,
  isBetterLevel,
  findRepeatPredecessor,
  recordDeductionReasons,
  capReasonCode,
  REPEAT_OFFENCE,
  OVERRIDE_LISTED,
} from './tier.evaluator';
export { nextTierChangeDate } from './tier-change.schedule';

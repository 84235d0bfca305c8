// Whether a penalty decision is published to the public (行政处罚信息公示), from when, until when, and when
// credit repair (信用修复) may end it early. Pure functions over the versioned rule table.
import { isMinorOn } from '../identifiers/resident-id';
import { IsoDate, PartyType, PenaltyCategory, PenaltyRecordStatus, Severity } from '../penalty/penalty.types';
import { addMonths, isIsoDate } from '../time/calendar';
import { DISCLOSURE_RULE_SETS, DisclosurePeriod, DisclosureRuleSet, ruleSetInForce } from './disclosure-rule-sets.data';
import { RepairExclusionRule, repairExclusionFor, RepairFacts } from './repair-exclusions.data';

export interface DisclosureInput {
  partyType: PartyType;
  severity: Severity;
  categories: PenaltyCategory[];
  /** 处罚决定日期: picks the rule set and starts every period. */
  decisionDate: IsoDate;
  /** 公示截止期 as reported by the department (last day it wants the record shown); null when not given. */
  publicUntil: IsoDate | null;
  /** Natural persons only, derived by the caller from the ID number; null when unknown. */
  partyBirthDate: IsoDate | null;
  /** 违法行为发生日期, when the department gives it: a minor's age is judged on the day of the act. */
  actDate?: IsoDate | null;
  /** The department states the natural person was an adult at the act (needed when the birth date is unknown). */
  partyAdultConfirmed?: boolean;
  /** The department asks for a 轻微 record to be published (信用修复管理办法 2026: at most 3 months). */
  publishMinor?: boolean;
}

export interface DisclosureOptions {
  /** Natural persons' records are not published unless the operator turns this on (DESIGN.md §2). */
  publishNaturalPersons: boolean;
}

export type NotPublishedReason =
  | 'MINOR' // 轻微 under a rule that does not publish it
  | 'WARNING_OR_CRITICISM_ONLY' // 仅警告、通报批评 under a rule that does not publish 轻微
  | 'NATURAL_PERSON' // 自然人, publication switched off
  | 'MINOR_PARTY' // 未成年人: never published
  | 'POSSIBLY_MINOR_PARTY'; // birth date unknown and adulthood not stated: treated as a possible minor

export interface DisclosureDecision {
  published: boolean;
  notPublishedReason: NotPublishedReason | null;
  ruleSetId: string;
  /** The decision date when published. */
  publishedFrom: IsoDate | null;
  /** Decision date + minimum period: the first day credit repair may be approved. */
  earliestRepairDate: IsoDate | null;
  /** LAST day the record is visible (inclusive); the record is hidden from the day after. */
  publishedUntil: IsoDate | null;
  /** True when the department's publicUntil lay outside [min, max] and was moved to the nearer bound. */
  publicUntilClamped: boolean;
}

export interface DisclosureState {
  status: PenaltyRecordStatus | 'ACTIVE' | 'REVOKED';
  /** Day credit repair was approved; the record is hidden from that day on. */
  repairedOn: IsoDate | null;
}

export type RepairCheck =
  | { allowed: true }
  | { allowed: false; code: 'REPAIR_NOT_YET_ALLOWED' | 'NOT_PUBLISHED'; earliestRepairDate: IsoDate | null }
  | { allowed: false; code: 'REPAIR_NOT_ALLOWED'; rule: RepairExclusionRule; earliestRepairDate: null };

const LIGHT_CATEGORIES: ReadonlySet<PenaltyCategory> = new Set([PenaltyCategory.WARNING, PenaltyCategory.CRITICISM]);

/**
 * Decides publication for one penalty decision. Choices (each covered by the scenario tables):
 *
 * - The rule set in force on the decision date decides everything, including the periods.
 * - Reasons are checked in this order and the first that applies is reported: MINOR_PARTY (a natural person
 *   under 18 on the decision date: absolute, whatever the options), NATURAL_PERSON (option off), MINOR
 *   (severity 轻微), WARNING_OR_CRITICISM_ONLY. The last two apply only under rules with publishMinor false.
 * - Age: under Chinese law 周岁 is reached the day AFTER the birthday (法释〔2006〕1号 art. 2; 民法典 art. 201
 *   does not count the first day), so a decision ON the 18th birthday still concerns a minor. Age is judged
 *   on the day of the act when the department gives it (a person who was 17 at the act and 18 at the decision
 *   is still a minor's case), else on the decision date. An unknown birth date (a passport holder) cannot
 *   prove adulthood: POSSIBLY_MINOR_PARTY unless the department states the party was an adult.
 * - 轻微 under a rule that does not publish it is still published when the department asks (publishMinor) and
 *   the rule has a period for that (2026: at most 3 months, and repair possible at once).
 * - A record whose categories are all 警告/通报批评 belongs to the 轻微 column whatever severity the department
 *   marked (GENERAL or SERIOUS): the penalty kind, not the label, is what the rules exempt. When such records are
 *   published (before 2023-05-01) they use the 轻微 period.
 * - Dates: publishedFrom = decision date; earliestRepairDate = decision + min months; publishedUntil is the
 *   LAST visible day = decision + max months (民法典 art. 202: the corresponding day is a period's last day),
 *   which also makes the department's 公示截止期 (a last day) comparable without an off-by-one. A department
 *   publicUntil inside [decision + min, decision + max] is kept; outside, it is clamped and flagged.
 */
export function decideDisclosure(input: DisclosureInput, options: DisclosureOptions): DisclosureDecision {
  const ruleSet = ruleSetInForce(input.decisionDate, DISCLOSURE_RULE_SETS);
  const lightOnly = input.categories.length > 0 && input.categories.every((c) => LIGHT_CATEGORIES.has(c));
  const reason = notPublishedReason(input, options, ruleSet, lightOnly);
  if (reason) {
    return {
      published: false,
      notPublishedReason: reason,
      ruleSetId: ruleSet.id,
      publishedFrom: null,
      earliestRepairDate: null,
      publishedUntil: null,
      publicUntilClamped: false,
    };
  }

  const minor = lightOnly || input.severity === Severity.MINOR;
  const period = minor && !ruleSet.publishMinor && ruleSet.minorOnRequest ? ruleSet.minorOnRequest : periodOf(ruleSet, lightOnly ? Severity.MINOR : input.severity);
  const earliest = addMonths(input.decisionDate, period.minMonths);
  const latest = addMonths(input.decisionDate, period.maxMonths);
  let until = latest;
  let clamped = false;
  if (input.publicUntil !== null) {
    if (!isIsoDate(input.publicUntil)) throw new RangeError(`not an ISO date: ${input.publicUntil}`);
    until = input.publicUntil < earliest ? earliest : input.publicUntil > latest ? latest : input.publicUntil;
    clamped = until !== input.publicUntil;
  }
  return {
    published: true,
    notPublishedReason: null,
    ruleSetId: ruleSet.id,
    publishedFrom: input.decisionDate,
    earliestRepairDate: earliest,
    publishedUntil: until,
    publicUntilClamped: clamped,
  };
}

function notPublishedReason(
  input: DisclosureInput,
  options: DisclosureOptions,
  ruleSet: DisclosureRuleSet,
  lightOnly: boolean,
): NotPublishedReason | null {
  if (input.partyType === PartyType.NATURAL_PERSON) {
    const ageOn = input.actDate ?? input.decisionDate;
    if (input.partyBirthDate !== null && isMinorOn(input.partyBirthDate, ageOn)) return 'MINOR_PARTY';
    if (input.partyBirthDate === null && !input.partyAdultConfirmed) return 'POSSIBLY_MINOR_PARTY';
    if (!options.publishNaturalPersons) return 'NATURAL_PERSON';
  }
  const minorOnRequest = input.publishMinor === true && ruleSet.minorOnRequest !== undefined;
  if (!ruleSet.publishMinor && !minorOnRequest) {
    if (input.severity === Severity.MINOR) return 'MINOR';
    if (lightOnly) return 'WARNING_OR_CRITICISM_ONLY';
  }
  return null;
}


function periodOf(ruleSet: DisclosureRuleSet, severity: Severity): DisclosurePeriod {
  // Only reached for MINOR when the set publishes it; the 一般 period is the documented fallback regardless.
  return ruleSet.periods[severity] ?? ruleSet.periods.GENERAL;
}

/**
 * Visible to the public on `asOf`: published, not revoked (撤销 withdraws at once), not repaired on or before
 * `asOf`, and publishedFrom ≤ asOf ≤ publishedUntil (publishedUntil is the last visible day).
 */
export function isPubliclyVisible(decision: DisclosureDecision, state: DisclosureState, asOf: IsoDate): boolean {
  if (!decision.published || decision.publishedFrom === null || decision.publishedUntil === null) return false;
  if (state.status !== 'ACTIVE') return false;
  if (state.repairedOn !== null && state.repairedOn <= asOf) return false;
  return decision.publishedFrom <= asOf && asOf <= decision.publishedUntil;
}

/**
 * Credit repair may be approved on or after earliestRepairDate, only for a published record, and never for a
 * record a repair-exclusion rule in force on its decision date covers (REPAIR_NOT_ALLOWED names the rule).
 */
export function canApproveCreditRepair(decision: DisclosureDecision, onDate: IsoDate, facts: RepairFacts): RepairCheck {
  if (!decision.published || decision.earliestRepairDate === null) {
    return { allowed: false, code: 'NOT_PUBLISHED', earliestRepairDate: null };
  }
  const exclusion = repairExclusionFor(facts);
  if (exclusion) return { allowed: false, code: 'REPAIR_NOT_ALLOWED', rule: exclusion, earliestRepairDate: null };
  if (onDate < decision.earliestRepairDate) {
    return { allowed: false, code: 'REPAIR_NOT_YET_ALLOWED', earliestRepairDate: decision.earliestRepairDate };
  }
  return { allowed: true };
}

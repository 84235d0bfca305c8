// The serious-dishonesty list (严重失信主体名单) lifecycle as pure transitions:
//   proposed (拟列入) → notified (告知) → objection window (异议期) → listed (列入) → removed (移出).
// Each function takes the current state and "today" (China calendar, from the service) and returns the next
// state or a coded, bilingual refusal. Nothing is mutated; the caller persists the result and an audit entry.
//
// Date conventions (why they are what they are):
// - Objection window: "告知之日起 N 日内". As in 民法典 art. 201, the notice day itself is not counted, so the
//   window runs noticeDate+1 … noticeDate+N and `objectionDeadline = noticeDate + N` is the LAST day an
//   objection is accepted. Listing is possible from the day after. When the list type's rule says 工作日
//   (objectionDayUnit WORKING), N counts working days of the mainland calendar (calendar/working-days.ts): the
//   deadline is the N-th working day after the notice, so a holiday never eats the window. (Roll-over of a
//   calendar-day deadline that falls on a holiday, art. 203, is not applied.)
// - Listing period: [listedOn, expiresOn) with expiresOn = listedOn + termMonths (month-end clamped), so the
//   subject is off the list on expiresOn itself. Early removal after repair: from listedOn +
//   earliestRemovalMonths (inclusive).
// - "today" may never be before the latest date already recorded on the listing: time does not run backwards.
import { FieldIssue, IsoDate } from '../penalty/penalty.types';
import { addDays, addMonths, isIsoDate, maxDate } from '../time/calendar';
import { addWorkingDays, CalendarWarning, DayUnit, WorkingCalendar } from '../calendar/working-days';
import { listingErrors } from './listing.errors';
import {
  ListingAction,
  ListingFailure,
  ListingResult,
  ListingState,
  ListingStatus,
  ListTypeTerms,
  ENDED_LISTING_STATUSES,
  ObjectionResult,
  ObjectionState,
  RemovalReason,
} from './listing.types';

/** Field issues of a list type's terms (for the admin catalogue); empty when usable. */
export function checkListTypeTerms(terms: ListTypeTerms): FieldIssue[] {
  const issues: FieldIssue[] = [];
  type WholeTerm = 'termMonths' | 'earliestRemovalMonths' | 'objectionDays';
  const labels: Record<WholeTerm, string> = { termMonths: '列入期限（月数）', earliestRemovalMonths: '最短公示期（月数）', objectionDays: '异议期（日数）' };
  const wholeAtLeast = (field: WholeTerm, min: number): void => {
    const value = terms[field];
    if (!Number.isInteger(value) || value < min) {
      issues.push({
        field,
        code: 'INVALID_TERM',
        message: `${labels[field]}须为不小于${min}的整数（${field} must be a whole number ≥ ${min}）`,
      });
    }
  };
  wholeAtLeast('termMonths', 1);
  wholeAtLeast('earliestRemovalMonths', 0);
  wholeAtLeast('objectionDays', 1);
  if (terms.objectionDayUnit !== undefined && !Object.values(DayUnit).includes(terms.objectionDayUnit)) {
    issues.push({ field: 'objectionDayUnit', code: 'INVALID_TERM', message: '异议期单位须为 WORKING 或 CALENDAR（objectionDayUnit must be WORKING or CALENDAR）' });
  }
  const answer = terms.objectionAnswerDays;
  if (answer !== undefined && answer !== null && (!Number.isInteger(answer) || answer < 1)) {
    issues.push({ field: 'objectionAnswerDays', code: 'INVALID_TERM', message: '异议答复期限须为不小于 1 的整数个工作日（objectionAnswerDays must be a whole number ≥ 1）' });
  }
  if (issues.length === 0 && terms.earliestRemovalMonths > terms.termMonths) {
    issues.push({
      field: 'earliestRemovalMonths',
      code: 'INVALID_TERM',
      message: '最短公示期不能长于列入期限（earliestRemovalMonths must not exceed termMonths）',
    });
  }
  return issues;
}

// Bad terms are a catalogue bug, not something the party or clerk can fix, so they throw instead of failing.
function assertTerms(terms: ListTypeTerms): void {
  const issues = checkListTypeTerms(terms);
  if (issues.length > 0) throw new RangeError(`invalid list type terms: ${issues.map((i) => i.field).join(', ')}`);
}

/** The latest date recorded on the listing; no later action may be dated before it. */
export function latestListingDate(state: ListingState): IsoDate {
  return [state.noticeDate, state.listedOn, state.removedOn].reduce<IsoDate>(
    (latest, date) => (date === null ? latest : maxDate(latest, date)),
    state.proposedOn,
  );
}

function checkToday(state: ListingState, today: IsoDate): ListingFailure | null {
  if (!isIsoDate(today)) return listingErrors.notIsoDate('today', today);
  const latest = latestListingDate(state);
  if (today < latest) return listingErrors.dateBefore('today', today, 'latest listing date', latest);
  return null;
}

function ok(state: ListingState): { ok: true; state: ListingState } {
  return { ok: true, state };
}

/** 拟列入: a new listing, dated today. */
export function proposeListing(today: IsoDate): ListingResult {
  if (!isIsoDate(today)) return listingErrors.notIsoDate('today', today);
  return ok({
    status: ListingStatus.PROPOSED,
    proposedOn: today,
    noticeDate: null,
    objectionDeadline: null,
    listedOn: null,
    expiresOn: null,
    removedOn: null,
    removalReason: null,
    openObjections: 0,
  });
}

/**
 * The last day objections are accepted: noticeDate + objectionDays, in working days when the rule says so
 * (with the calendar's warning when a year of the window has no calendar data).
 */
export function objectionDeadlineOf(noticeDate: IsoDate, terms: ListTypeTerms, calendar: WorkingCalendar | null): { date: IsoDate; warning: CalendarWarning | null } {
  if ((terms.objectionDayUnit ?? DayUnit.CALENDAR) === DayUnit.CALENDAR) return { date: addDays(noticeDate, terms.objectionDays), warning: null };
  if (calendar === null) throw new RangeError('a working-day objection window needs the working calendar');
  return addWorkingDays(noticeDate, terms.objectionDays, calendar);
}

/**
 * 异议答复期限: the last day an objection filed on `filedOn` should be answered (objectionAnswerDays working
 * days later), or null when the list type sets none.
 */
export function objectionAnswerDueOf(filedOn: IsoDate, terms: ListTypeTerms, calendar: WorkingCalendar): { date: IsoDate; warning: CalendarWarning | null } | null {
  const days = terms.objectionAnswerDays ?? null;
  return days === null ? null : addWorkingDays(filedOn, days, calendar);
}

/** An objection still open after its answer day has passed. */
export function isObjectionAnswerOverdue(objection: { status: string; answerDue: IsoDate | null }, today: IsoDate): boolean {
  return objection.status === 'OPEN' && objection.answerDue !== null && today > objection.answerDue;
}

/**
 * 告知: PROPOSED → NOTIFIED; the objection window runs through objectionDeadlineOf (inclusive). `warning` says
 * when the deadline was counted by weekends only (a year without calendar data).
 */
export function notifyParty(
  state: ListingState,
  noticeDate: IsoDate,
  today: IsoDate,
  terms: ListTypeTerms,
  calendar: WorkingCalendar | null = null,
): ListingResult<{ warning: CalendarWarning | null }> {
  if (state.status !== ListingStatus.PROPOSED) {
    return listingErrors.invalidTransition(ListingAction.NOTIFY, state.status);
  }
  const todayIssue = checkToday(state, today);
  if (todayIssue) return todayIssue;
  if (!isIsoDate(noticeDate)) return listingErrors.notIsoDate('noticeDate', noticeDate);
  if (noticeDate > today) return listingErrors.dateAfter('noticeDate', noticeDate, 'today', today);
  if (noticeDate < state.proposedOn) {
    return listingErrors.dateBefore('noticeDate', noticeDate, 'proposedOn', state.proposedOn);
  }
  assertTerms(terms);
  const deadline = objectionDeadlineOf(noticeDate, terms, calendar);
  return {
    ok: true,
    state: { ...state, status: ListingStatus.NOTIFIED, noticeDate, objectionDeadline: deadline.date },
    warning: deadline.warning,
  };
}

/**
 * 提出异议: only in NOTIFIED, from the notice date through the deadline day. Not in PROPOSED: the window
 * is defined by the notice (the party objects to what it was told), so an objection before notice has no
 * deadline to run against; the service should notify first. After listing, the route is administrative
 * reconsideration or litigation, which ends in REVOKED, not an objection here.
 */
export function fileObjection(state: ListingState, today: IsoDate): ObjectionResult {
  if (state.status !== ListingStatus.NOTIFIED || state.objectionDeadline === null) {
    return listingErrors.invalidTransition(ListingAction.FILE_OBJECTION, state.status);
  }
  const todayIssue = checkToday(state, today);
  if (todayIssue) return todayIssue;
  if (today > state.objectionDeadline) return listingErrors.objectionWindowClosed(state.objectionDeadline);
  return {
    ok: true,
    state: { ...state, openObjections: state.openObjections + 1 },
    objection: { status: 'OPEN', filedOn: today, resolvedOn: null },
  };
}

/**
 * 异议答复. Upheld in NOTIFIED ends the listing (REMOVED / OBJECTION_UPHELD, removedOn today). Rejected
 * only closes the objection. Objections still open when a listing ends (another objection upheld, or the
 * decision revoked) must still be answered, so REMOVED accepts answers too and only the count changes.
 */
export function resolveObjection(
  state: ListingState,
  objection: ObjectionState,
  upheld: boolean,
  today: IsoDate,
): ObjectionResult {
  const action = upheld ? ListingAction.UPHOLD_OBJECTION : ListingAction.REJECT_OBJECTION;
  if (state.status !== ListingStatus.NOTIFIED && !ENDED_LISTING_STATUSES.includes(state.status)) {
    return listingErrors.invalidTransition(action, state.status);
  }
  if (objection.status !== 'OPEN') {
    return listingErrors.invalidTransition(action, state.status, '：该异议已答复', ': the objection is already answered');
  }
  if (state.openObjections < 1) {
    return listingErrors.invalidTransition(action, state.status, '：没有未答复的异议', ': no objection is open');
  }
  const todayIssue = checkToday(state, today);
  if (todayIssue) return todayIssue;
  if (today < objection.filedOn) {
    return listingErrors.dateBefore('today', today, 'objection filedOn', objection.filedOn);
  }

  const counted = { ...state, openObjections: state.openObjections - 1 };
  const endsListing = upheld && state.status === ListingStatus.NOTIFIED;
  return {
    ok: true,
    state: endsListing
      ? { ...counted, status: ListingStatus.NOT_LISTED, removedOn: today, removalReason: RemovalReason.OBJECTION_UPHELD }
      : counted,
    objection: { ...objection, status: upheld ? 'UPHELD' : 'REJECTED', resolvedOn: today },
  };
}

/** 正式列入: NOTIFIED → LISTED once the window has closed (today > deadline) and every objection is answered. */
export function confirmListing(state: ListingState, today: IsoDate, terms: ListTypeTerms): ListingResult {
  if (state.status !== ListingStatus.NOTIFIED || state.objectionDeadline === null) {
    return listingErrors.invalidTransition(ListingAction.CONFIRM, state.status);
  }
  const todayIssue = checkToday(state, today);
  if (todayIssue) return todayIssue;
  if (today <= state.objectionDeadline) return listingErrors.objectionWindowOpen(state.objectionDeadline);
  if (state.openObjections > 0) return listingErrors.openObjection(state.openObjections);
  assertTerms(terms);
  return ok({ ...state, status: ListingStatus.LISTED, listedOn: today, expiresOn: addMonths(today, terms.termMonths) });
}

const REMOVE_ACTIONS: Readonly<Record<RemovalReason, ListingAction | null>> = {
  [RemovalReason.EXPIRED]: ListingAction.REMOVE_EXPIRED,
  [RemovalReason.REPAIRED]: ListingAction.REMOVE_REPAIRED,
  [RemovalReason.REVOKED]: ListingAction.REMOVE_REVOKED,
  [RemovalReason.OBJECTION_UPHELD]: null, // only resolveObjection produces it
  [RemovalReason.BASIS_REVOKED]: ListingAction.REMOVE_BASIS_REVOKED,
};

/** First day credit repair may remove a LISTED subject (listedOn + earliestRemovalMonths), else null. */
export function earliestRepairRemovalDate(state: ListingState, terms: ListTypeTerms): IsoDate | null {
  if (state.status !== ListingStatus.LISTED || state.listedOn === null) return null;
  assertTerms(terms);
  return addMonths(state.listedOn, terms.earliestRemovalMonths);
}

/**
 * 移出. EXPIRED and REPAIRED only from LISTED and not before their date; REVOKED (decision withdrawn) and
 * BASIS_REVOKED (the penalties it rests on revoked or corrected away) from any non-final status, ending as
 * REMOVED when listed and NOT_LISTED (不予列入) before; OBJECTION_UPHELD never here (answering an objection).
 */
export function removeListing(
  state: ListingState,
  reason: RemovalReason,
  today: IsoDate,
  terms: ListTypeTerms,
): ListingResult {
  const action = REMOVE_ACTIONS[reason] ?? null;
  if (action === null) {
    return listingErrors.invalidTransition(
      ListingAction.UPHOLD_OBJECTION,
      state.status,
      '：异议成立须通过异议答复办理',
      ': OBJECTION_UPHELD comes only from answering an objection',
    );
  }
  const withdrawal = reason === RemovalReason.REVOKED || reason === RemovalReason.BASIS_REVOKED;
  const allowedFrom = withdrawal
      ? [ListingStatus.PROPOSED, ListingStatus.NOTIFIED, ListingStatus.LISTED]
      : [ListingStatus.LISTED];
  if (!allowedFrom.includes(state.status)) return listingErrors.invalidTransition(action, state.status);
  const todayIssue = checkToday(state, today);
  if (todayIssue) return todayIssue;

  if (reason === RemovalReason.REPAIRED) {
    const earliest = earliestRepairRemovalDate(state, terms) as IsoDate;
    if (today < earliest) {
      return listingErrors.removalNotYetAllowed('信用修复提前移出', 'removal after credit repair', earliest);
    }
  }
  if (reason === RemovalReason.EXPIRED && state.expiresOn !== null && today < state.expiresOn) {
    return listingErrors.removalNotYetAllowed('期满移出', 'removal on expiry', state.expiresOn);
  }
  // Ended before it was ever on the list: 不予列入, not 已移出 (nothing was removed from the public list).
  const status = state.status === ListingStatus.LISTED ? ListingStatus.REMOVED : ListingStatus.NOT_LISTED;
  return ok({ ...state, status, removedOn: today, removalReason: reason });
}

/** On the list on `asOf` (joint punishment applies): LISTED and listedOn ≤ asOf < expiresOn. */
export function isActiveListing(state: ListingState, asOf: IsoDate): boolean {
  return (
    state.status === ListingStatus.LISTED &&
    state.listedOn !== null &&
    state.expiresOn !== null &&
    state.listedOn <= asOf &&
    asOf < state.expiresOn
  );
}

/** For the expiry sweep: LISTED and its term has run out (today ≥ expiresOn), so removeListing(EXPIRED) succeeds. */
export function isDueForExpiry(state: ListingState, today: IsoDate): boolean {
  return state.status === ListingStatus.LISTED && state.expiresOn !== null && today >= state.expiresOn;
}

// Serious-dishonesty list (严重失信主体名单) lifecycle: the plain data the state machine reads and returns.
// The service layer persists these shapes; nothing here knows about storage or transport.
import { IsoDate } from '../penalty/penalty.types';
import { DayUnit } from '../calendar/working-days';

/** 名单状态 */
export enum ListingStatus {
  PROPOSED = 'PROPOSED', // 拟列入: decision drafted, party not yet told
  NOTIFIED = 'NOTIFIED', // 已告知: party told, objection (异议) window running
  LISTED = 'LISTED', // 已列入: on the list, joint punishment (联合惩戒) applies
  REMOVED = 'REMOVED', // 已移出: was on the list, taken off
  NOT_LISTED = 'NOT_LISTED', // 不予列入: ended before listing (objection upheld, decision or its basis withdrawn)
}

/** Statuses in which a listing has ended (final): no further lifecycle step but answering leftover objections. */
export const ENDED_LISTING_STATUSES: readonly ListingStatus[] = [ListingStatus.REMOVED, ListingStatus.NOT_LISTED];

/** 移出原因 */
export enum RemovalReason {
  EXPIRED = 'EXPIRED', // 期满移出
  REPAIRED = 'REPAIRED', // 信用修复后提前移出
  REVOKED = 'REVOKED', // 认定决定被撤销 / 撤回
  OBJECTION_UPHELD = 'OBJECTION_UPHELD', // 异议成立，不予列入
  BASIS_REVOKED = 'BASIS_REVOKED', // 认定所依据的处罚决定被撤销或更正，且无其他有效依据
}

/**
 * The timing terms of one list type (from the admin-managed catalogue). All counts are whole numbers.
 * `objectionDays` counts in `objectionDayUnit` (calendar days 自然日 unless the rule says 工作日).
 */
export interface ListTypeTerms {
  /** 列入期限 (months from listedOn) */
  termMonths: number;
  /** 最短公示期: months after listedOn before credit repair may remove the subject early */
  earliestRemovalMonths: number;
  /** 异议期: "告知之日起 N 日内" */
  objectionDays: number;
  /** The unit the rule states the window in; absent = CALENDAR (list types created before units existed). */
  objectionDayUnit?: DayUnit;
  /** 异议答复期限: working days after an objection is filed by which it must be answered; null/absent = none. */
  objectionAnswerDays?: number | null;
}

export interface ListingState {
  status: ListingStatus;
  proposedOn: IsoDate;
  /** 告知日期: the day the party was served the notice (may be earlier than the day it is recorded) */
  noticeDate: IsoDate | null;
  /** Last day (inclusive) on which an objection is accepted */
  objectionDeadline: IsoDate | null;
  listedOn: IsoDate | null;
  /** First day the subject is no longer listed (exclusive end of the listing period) */
  expiresOn: IsoDate | null;
  removedOn: IsoDate | null;
  removalReason: RemovalReason | null;
  /** Objections filed and not yet answered */
  openObjections: number;
}

export type ObjectionStatus = 'OPEN' | 'UPHELD' | 'REJECTED';

/** 异议 */
export interface ObjectionState {
  status: ObjectionStatus;
  filedOn: IsoDate;
  resolvedOn: IsoDate | null;
}

export enum ListingErrorCode {
  INVALID_TRANSITION = 'INVALID_TRANSITION',
  OBJECTION_WINDOW_OPEN = 'OBJECTION_WINDOW_OPEN',
  OBJECTION_WINDOW_CLOSED = 'OBJECTION_WINDOW_CLOSED',
  OPEN_OBJECTION = 'OPEN_OBJECTION',
  REMOVAL_NOT_YET_ALLOWED = 'REMOVAL_NOT_YET_ALLOWED',
  INVALID_DATE = 'INVALID_DATE',
}

/** `message` is Chinese followed by English in full-width brackets: `中文（English）`. */
export interface ListingError {
  code: ListingErrorCode;
  message: string;
}

export type ListingFailure = { ok: false; error: ListingError };

/** Result of a transition; `Extra` carries companion data (e.g. the objection that was filed or answered). */
export type ListingResult<Extra = Record<never, never>> =
  | ({ ok: true; state: ListingState } & Extra)
  | ListingFailure;

export type ObjectionResult = ListingResult<{ objection: ObjectionState }>;

/** The named actions of the lifecycle, as used by the transition table. */
export enum ListingAction {
  PROPOSE = 'PROPOSE',
  NOTIFY = 'NOTIFY',
  FILE_OBJECTION = 'FILE_OBJECTION',
  UPHOLD_OBJECTION = 'UPHOLD_OBJECTION',
  REJECT_OBJECTION = 'REJECT_OBJECTION',
  CONFIRM = 'CONFIRM',
  REMOVE_EXPIRED = 'REMOVE_EXPIRED',
  REMOVE_REPAIRED = 'REMOVE_REPAIRED',
  REMOVE_REVOKED = 'REMOVE_REVOKED',
  REMOVE_BASIS_REVOKED = 'REMOVE_BASIS_REVOKED',
}

export const LISTING_STATUS_LABELS: Readonly<Record<ListingStatus, string>> = {
  [ListingStatus.PROPOSED]: '拟列入',
  [ListingStatus.NOTIFIED]: '已告知',
  [ListingStatus.LISTED]: '已列入',
  [ListingStatus.REMOVED]: '已移出',
  [ListingStatus.NOT_LISTED]: '不予列入',
};

export const REMOVAL_REASON_LABELS: Readonly<Record<RemovalReason, string>> = {
  [RemovalReason.EXPIRED]: '期满移出',
  [RemovalReason.REPAIRED]: '信用修复移出',
  [RemovalReason.REVOKED]: '撤销认定',
  [RemovalReason.OBJECTION_UPHELD]: '异议成立',
  [RemovalReason.BASIS_REVOKED]: '认定依据已撤销',
};

export const LISTING_ACTION_LABELS: Readonly<Record<ListingAction, string>> = {
  [ListingAction.PROPOSE]: '拟列入',
  [ListingAction.NOTIFY]: '告知当事人',
  [ListingAction.FILE_OBJECTION]: '提出异议',
  [ListingAction.UPHOLD_OBJECTION]: '异议成立',
  [ListingAction.REJECT_OBJECTION]: '异议不成立',
  [ListingAction.CONFIRM]: '正式列入',
  [ListingAction.REMOVE_EXPIRED]: '期满移出',
  [ListingAction.REMOVE_REPAIRED]: '信用修复移出',
  [ListingAction.REMOVE_REVOKED]: '撤销认定',
  [ListingAction.REMOVE_BASIS_REVOKED]: '认定依据撤销',
};

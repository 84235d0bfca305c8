// Error results of the listing state machine. One place builds the bilingual messages so a clerk reads the
// same wording whichever transition refused.
import { IsoDate } from '../penalty/penalty.types';
import {
  LISTING_ACTION_LABELS,
  LISTING_STATUS_LABELS,
  ListingAction,
  ListingErrorCode,
  ListingFailure,
  ListingStatus,
} from './listing.types';

/**
 * Chinese names of the dates the machine compares, so the Chinese half of a message names no English field
 * (告知日期不能晚于今天, not "noticeDate 不能晚于 today"); the English half keeps the field name for developers.
 */
const DATE_LABELS: Readonly<Record<string, string>> = {
  today: '今天',
  noticeDate: '告知日期',
  proposedOn: '拟列入日期',
  'latest listing date': '名单上已记录的最近日期',
  'objection filedOn': '异议提出日期',
};

function zhLabel(field: string): string {
  return DATE_LABELS[field] ?? '该日期';
}

function fail(code: ListingErrorCode, zh: string, en: string): ListingFailure {
  return { ok: false, error: { code, message: `${zh}（${en}）` } };
}

export const listingErrors = {
  invalidTransition(action: ListingAction, status: ListingStatus, whyZh = '', whyEn = ''): ListingFailure {
    return fail(
      ListingErrorCode.INVALID_TRANSITION,
      `名单状态为“${LISTING_STATUS_LABELS[status]}”，不能执行“${LISTING_ACTION_LABELS[action]}”${whyZh}`,
      `action ${action} is not allowed in status ${status}${whyEn}`,
    );
  },

  notIsoDate(field: string, value: unknown): ListingFailure {
    return fail(
      ListingErrorCode.INVALID_DATE,
      `${zhLabel(field)}“${String(value)}”不是有效日期，应为YYYY-MM-DD格式`,
      `${field} is not a valid YYYY-MM-DD date: ${String(value)}`,
    );
  },

  dateBefore(field: string, value: IsoDate, boundField: string, bound: IsoDate): ListingFailure {
    return fail(
      ListingErrorCode.INVALID_DATE,
      `${zhLabel(field)}${value}不能早于${zhLabel(boundField)}${bound}`,
      `${field} ${value} must not be before ${boundField} ${bound}`,
    );
  },

  dateAfter(field: string, value: IsoDate, boundField: string, bound: IsoDate): ListingFailure {
    return fail(
      ListingErrorCode.INVALID_DATE,
      `${zhLabel(field)}${value}不能晚于${zhLabel(boundField)}${bound}`,
      `${field} ${value} must not be after ${boundField} ${bound}`,
    );
  },

  objectionWindowClosed(deadline: IsoDate): ListingFailure {
    return fail(
      ListingErrorCode.OBJECTION_WINDOW_CLOSED,
      `异议期已于 ${deadline} 届满，不再受理异议`,
      `the objection period ended on ${deadline}`,
    );
  },

  objectionWindowOpen(deadline: IsoDate): ListingFailure {
    return fail(
      ListingErrorCode.OBJECTION_WINDOW_OPEN,
      `异议期至 ${deadline} 届满，届满次日起方可正式列入`,
      `the objection period runs until ${deadline}; listing is possible from the day after`,
    );
  },

  openObjection(count: number): ListingFailure {
    return fail(
      ListingErrorCode.OPEN_OBJECTION,
      `尚有 ${count} 件异议未答复，不能正式列入`,
      `${count} objection(s) still unanswered`,
    );
  },

  removalNotYetAllowed(kindZh: string, kindEn: string, earliest: IsoDate): ListingFailure {
    return fail(
      ListingErrorCode.REMOVAL_NOT_YET_ALLOWED,
      `${kindZh}最早可于 ${earliest} 办理`,
      `${kindEn} is allowed from ${earliest}`,
    );
  },
};

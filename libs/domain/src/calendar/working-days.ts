// Working days (工作日) of the mainland calendar: Monday to Friday, minus the statutory holidays, plus the
// adjusted working weekends (调休上班日), year by year as the State Council's notice sets them. Pure: the
// calendar is data passed in (the shipped years of working-calendar.data.ts, overridden by years an admin
// loaded), so the rules are tested as plain functions.
//
// A date in a year without calendar data is counted by weekends only. That may count a holiday as a working
// day, so every answer that touched such a year carries a warning the caller must show with the date.
import { FieldIssue, IsoDate } from '../penalty/penalty.types';
import { addDays, isIsoDate } from '../time/calendar';

/** The unit a rule states a period in: 工作日 or 自然日. */
export enum DayUnit {
  WORKING = 'WORKING',
  CALENDAR = 'CALENDAR',
}

/** The notice (or notices) a year's calendar comes from. */
export interface CalendarSource {
  /** e.g. 国务院办公厅关于2026年部分节假日安排的通知 */
  title: string;
  /** 发文字号, e.g. 国办发明电〔2025〕7号 */
  number: string;
  issuedOn: IsoDate;
}

/** One year of the calendar as its notice sets it. Dates may fall in the previous December (元旦 blocks). */
export interface WorkingCalendarYear {
  year: number;
  sources: CalendarSource[];
  /** Days off: every day of each holiday block, weekend days inside the block included. */
  holidays: IsoDate[];
  /** 调休上班日: Saturdays and Sundays that are working days. */
  workdays: IsoDate[];
}

export interface WorkingCalendar {
  /** Years whose notice is known. */
  readonly years: ReadonlySet<number>;
  readonly holidays: ReadonlySet<IsoDate>;
  readonly workdays: ReadonlySet<IsoDate>;
}

export const NO_WORKING_CALENDAR = 'NO_WORKING_CALENDAR';

/** Said with every answer that counted a year without calendar data by weekends only. */
export interface CalendarWarning {
  code: typeof NO_WORKING_CALENDAR;
  years: number[];
  message: string;
}

export interface WorkingDayAnswer {
  working: boolean;
  warning: CalendarWarning | null;
}

export interface WorkingDateAnswer {
  date: IsoDate;
  warning: CalendarWarning | null;
}

export interface WorkingDayCountAnswer {
  days: number;
  warning: CalendarWarning | null;
}

/**
 * The calendar from its years. A later entry for the same year replaces an earlier one whole (an admin's
 * loaded year overrides the shipped one, including the previous-December dates it names).
 */
export function buildWorkingCalendar(...sources: ReadonlyArray<readonly WorkingCalendarYear[]>): WorkingCalendar {
  const byYear = new Map<number, WorkingCalendarYear>();
  for (const list of sources) for (const entry of list) byYear.set(entry.year, entry);
  const holidays = new Set<IsoDate>();
  const workdays = new Set<IsoDate>();
  for (const entry of byYear.values()) {
    entry.holidays.forEach((d) => holidays.add(d));
    entry.workdays.forEach((d) => workdays.add(d));
  }
  return { years: new Set(byYear.keys()), holidays, workdays };
}

function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

function isWeekend(date: IsoDate): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
}

function warningFor(years: Iterable<number>): CalendarWarning | null {
  const missing = [...new Set(years)].sort((a, b) => a - b);
  if (missing.length === 0) return null;
  const list = missing.join('、');
  return {
    code: NO_WORKING_CALENDAR,
    years: missing,
    message: `${list} 年尚无工作日历数据，按周六、周日休息计算，未计入法定节假日和调休（no working calendar for ${missing.join(', ')}: counted by weekends only, holidays not applied）`,
  };
}

function working(date: IsoDate, calendar: WorkingCalendar): boolean {
  if (calendar.holidays.has(date)) return false;
  if (calendar.workdays.has(date)) return true;
  return !isWeekend(date);
}

function assertDate(date: IsoDate): void {
  if (!isIsoDate(date)) throw new RangeError(`not an ISO date: ${date}`);
}

/** 是否工作日 */
export function isWorkingDay(date: IsoDate, calendar: WorkingCalendar): WorkingDayAnswer {
  assertDate(date);
  return { working: working(date, calendar), warning: calendar.years.has(yearOf(date)) ? null : warningFor([yearOf(date)]) };
}

/**
 * The `days`-th working day after `date` ("自 date 起 N 个工作日内" ends on it; `date` itself is not counted,
 * as the day of an event never is). 0 returns `date`.
 */
export function addWorkingDays(date: IsoDate, days: number, calendar: WorkingCalendar): WorkingDateAnswer {
  assertDate(date);
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`working days must be a whole number ≥ 0: ${days}`);
  const missing = new Set<number>();
  let current = date;
  for (let counted = 0; counted < days; ) {
    current = addDays(current, 1);
    if (!calendar.years.has(yearOf(current))) missing.add(yearOf(current));
    if (working(current, calendar)) counted++;
  }
  return { date: current, warning: warningFor(missing) };
}

/**
 * Working days after `from` up to and including `to` (a delay: received the day of the decision → 0, the next
 * working day → 1). Negative when `to` is before `from`.
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate, calendar: WorkingCalendar): WorkingDayCountAnswer {
  assertDate(from);
  assertDate(to);
  if (to < from) {
    const reverse = workingDaysBetween(to, from, calendar);
    return { days: -reverse.days, warning: reverse.warning };
  }
  const missing = new Set<number>();
  let days = 0;
  for (let current = addDays(from, 1); current <= to; current = addDays(current, 1)) {
    if (!calendar.years.has(yearOf(current))) missing.add(yearOf(current));
    if (working(current, calendar)) days++;
  }
  return { days, warning: warningFor(missing) };
}

/** Field issues of a year an admin loads; empty when it can be stored. */
export function checkWorkingCalendarYear(entry: WorkingCalendarYear): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const issue = (field: string, zh: string, en: string): void => {
    issues.push({ field, code: 'INVALID_CALENDAR', message: `${zh}（${en}）` });
  };
  if (!Number.isInteger(entry.year) || entry.year < 1949 || entry.year > 2200) {
    issue('year', '年份须为 1949 至 2200 之间的整数', 'year must be a whole number from 1949 to 2200');
    return issues;
  }
  if (entry.sources.length === 0 || entry.sources.some((s) => !s.title.trim() || !s.number.trim() || !isIsoDate(s.issuedOn))) {
    issue('source', '须写明放假安排通知的标题、文号和印发日期', 'name the notice: title, document number and issue date');
  }
  // A notice names dates of its year and, for a 元旦 block, of the previous December.
  const inReach = (d: IsoDate): boolean => yearOf(d) === entry.year || (yearOf(d) === entry.year - 1 && d.slice(5, 7) === '12');
  for (const [field, dates] of [['holidays', entry.holidays], ['workdays', entry.workdays]] as const) {
    const bad = dates.filter((d) => !isIsoDate(d) || !inReach(d));
    if (bad.length > 0) issue(field, `日期无效或不属于 ${entry.year} 年：${bad.join('、')}`, `dates not valid or not of ${entry.year}: ${bad.join(', ')}`);
  }
  const weekdays = entry.workdays.filter((d) => isIsoDate(d) && !isWeekend(d));
  if (weekdays.length > 0) {
    issue('workdays', `调休上班日须为周六或周日：${weekdays.join('、')}`, `adjusted working days must be Saturdays or Sundays: ${weekdays.join(', ')}`);
  }
  const holidays = new Set(entry.holidays);
  const both = entry.workdays.filter((d) => holidays.has(d));
  if (both.length > 0) issue('workdays', `日期不能既是假日又是上班日：${both.join('、')}`, `dates both holiday and working day: ${both.join(', ')}`);
  return issues;
}

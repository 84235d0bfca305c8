// Calendar arithmetic on ISO dates (YYYY-MM-DD) in UTC, so that a legal period ("3 months from the decision
// date") never moves with the server's time zone.
import { IsoDate } from '../penalty/penalty.types';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written as YYYY-MM-DD (2026-02-30 is not one). */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function toIsoDate(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

function parse(value: IsoDate): Date {
  if (!isIsoDate(value)) throw new RangeError(`not an ISO date: ${value}`);
  return new Date(`${value}T00:00:00Z`);
}

export function addDays(value: IsoDate, days: number): IsoDate {
  const date = parse(value);
  date.setUTCDate(date.getUTCDate() + days);
  return toIsoDate(date);
}

/** Adds calendar months, clamping to the month's last day (2026-01-31 + 1 month = 2026-02-28). */
export function addMonths(value: IsoDate, months: number): IsoDate {
  const date = parse(value);
  const day = date.getUTCDate();
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return toIsoDate(target);
}

export function addYears(value: IsoDate, years: number): IsoDate {
  return addMonths(value, years * 12);
}

/** Negative when a < b, zero when equal, positive when a > b (ISO dates order as strings). */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

/** Today's date in China Standard Time (UTC+8, no daylight saving), the calendar the rules are written in. */
export function todayInChina(now: Date = new Date()): IsoDate {
  return toIsoDate(new Date(now.getTime() + 8 * 3600_000));
}

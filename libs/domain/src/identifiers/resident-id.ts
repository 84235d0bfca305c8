// 公民身份号码 (resident ID number), GB 11643-1999: 6-digit region, 8-digit birth date, 3-digit sequence
// (odd = male), and an ISO 7064 MOD 11-2 check character. Personal data: callers encrypt and hash it.
import { addDays, addYears, compareDates, isIsoDate } from '../time/calendar';
import { IsoDate } from '../penalty/penalty.types';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** Σ mod 11 = 0..10 maps to this check character. */
const CHECK_CHARS = '10X98765432';
const SHAPE = /^\d{17}[\dX]$/;
/** Nobody alive was born earlier; an earlier year is a typo, not a person. */
const EARLIEST_BIRTH_YEAR = 1900;

export type ResidentIdFailure = 'FORMAT' | 'BIRTH_DATE' | 'CHECK';

export interface ValidResidentId {
  valid: true;
  /** Trimmed, upper-case 18 characters. */
  idNumber: string;
  /** GB/T 2260 division where the number was first issued. */
  regionCode: string;
  birthDate: IsoDate;
  sex: 'MALE' | 'FEMALE';
}

export interface InvalidResidentId {
  valid: false;
  errorCode: 'INVALID_ID_NUMBER';
  reason: ResidentIdFailure;
  /** Plain words, Chinese then English in brackets. */
  message: string;
}

export type ResidentIdResult = ValidResidentId | InvalidResidentId;

const MESSAGES: Record<ResidentIdFailure, string> = {
  FORMAT: '居民身份证号码应为18位，前17位为数字，最后一位为数字或X（a resident ID number is 17 digits followed by a digit or X）',
  BIRTH_DATE:
    '居民身份证号码中的出生日期不存在，或早于1900年、晚于今天' +
    '（the birth date inside the resident ID number is not a real date, or is before 1900 or after today）',
  CHECK: '居民身份证号码校验位错误（the resident ID number check character is wrong）',
};

/** The ISO 7064 MOD 11-2 check character for the first 17 digits. */
export function computeResidentIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('expected 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/**
 * `today` (China's date, todayInChina()) bounds the birth date from above: nobody is born tomorrow. Omitted
 * only where no "today" is known (e.g. reading an already stored number); validation always passes it.
 */
export function parseResidentId(id: string, today?: IsoDate): ResidentIdResult {
  const idNumber = id.trim().toUpperCase();
  const fail = (reason: ResidentIdFailure): InvalidResidentId => ({
    valid: false,
    errorCode: 'INVALID_ID_NUMBER',
    reason,
    message: MESSAGES[reason],
  });
  // First-generation 15-digit numbers stopped being valid in 2013, so only the 18-character form is accepted.
  if (!SHAPE.test(idNumber)) return fail('FORMAT');
  const birthDate = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
  if (!isIsoDate(birthDate) || Number(idNumber.slice(6, 10)) < EARLIEST_BIRTH_YEAR) return fail('BIRTH_DATE');
  if (today !== undefined && birthDate > today) return fail('BIRTH_DATE');
  if (computeResidentIdCheckChar(idNumber.slice(0, 17)) !== idNumber[17]) return fail('CHECK');
  return {
    valid: true,
    idNumber,
    regionCode: idNumber.slice(0, 6),
    birthDate,
    sex: Number(idNumber[16]) % 2 === 1 ? 'MALE' : 'FEMALE',
  };
}

/**
 * True when a person born on `birthDate` is under 18 on `onDate`. Age counts from the day after the birthday
 * (最高人民法院《关于审理未成年人刑事案件具体应用法律若干问题的解释》第二条: 周岁从周岁生日的第二天起算), so on the
 * 18th birthday itself the person is still treated as a minor: the safe side for "minors are never published".
 * A 29 February birthday reaches its anniversary on 28 February (民法典 第二百零二条: no matching day → month end).
 */
export function isMinorOn(birthDate: IsoDate, onDate: IsoDate): boolean {
  const adultFrom = addDays(addYears(birthDate, 18), 1);
  return compareDates(onDate, adultFrom) < 0;
}

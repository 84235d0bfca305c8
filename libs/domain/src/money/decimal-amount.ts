// Amounts in 万元 as exact decimal strings. Never a float: arithmetic and comparison scale to integer micro
// units (0.000001 万元 = 0.01 元, the smallest amount a decision can state) held in a BigInt.
import { DecimalString } from '../penalty/penalty.types';

/** 6 fractional digits in 万元 = 0.01 元 (one fen). */
export const AMOUNT_FRACTION_DIGITS = 6;
/** 12 integer digits in 万元 is far beyond any real fine and keeps the value inside NUMERIC(18,6). */
export const AMOUNT_INTEGER_DIGITS = 12;

const MICRO_PER_UNIT = 10n ** BigInt(AMOUNT_FRACTION_DIGITS);
const PLAIN_DECIMAL = /^(\d+)(?:\.(\d+))?$/;

export type AmountFailure = 'NOT_A_NUMBER' | 'NEGATIVE' | 'TOO_PRECISE' | 'TOO_LARGE';

export type AmountResult =
  /** `amount` is the canonical string, or null when nothing was given (null, undefined, blank). */
  | { ok: true; amount: DecimalString | null }
  | { ok: false; errorCode: 'INVALID_AMOUNT'; reason: AmountFailure; message: string };

const WORDING: Record<AmountFailure, { zh: string; en: string }> = {
  NOT_A_NUMBER: {
    zh: '应为以万元为单位的普通数字，如 12.5，不能带单位、千分位或科学计数法',
    en: 'must be a plain number in 万元 such as 12.5, without units, thousands separators or exponents',
  },
  NEGATIVE: { zh: '不能为负数', en: 'must not be negative' },
  TOO_PRECISE: { zh: '最多保留6位小数，以万元计即精确到分', en: 'may have at most 6 decimal places in 万元, i.e. one fen' },
  TOO_LARGE: { zh: '超出允许范围，整数部分最多12位', en: 'is too large: at most 12 integer digits in 万元' },
};

/** Message for a rejected amount; `subject` names the field (e.g. 罚款金额 / the fine amount). */
export function describeAmountFailure(
  reason: AmountFailure,
  subject: { zh: string; en: string } = { zh: '金额', en: 'the amount' },
): string {
  return `${subject.zh}${WORDING[reason].zh}（${subject.en} ${WORDING[reason].en}）`;
}

/**
 * Parses an amount in 万元 into its canonical form: no leading zeros, no trailing fractional zeros, "0" for
 * zero ("012.50" → "12.5"). Strings are trimmed; trailing zeros beyond the 6th decimal are harmless
 * ("1.0000000" → "1"). A JS number is accepted only when finite and its shortest string is plain decimal
 * (12.5 yes, 1e21 no), so no binary float rounding ever reaches the record.
 */
export function parseAmount(raw: string | number | null | undefined): AmountResult {
  if (raw === null || raw === undefined) return { ok: true, amount: null };
  let text: string;
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return fail('NOT_A_NUMBER');
    text = String(raw);
  } else {
    text = raw.trim();
    if (text === '') return { ok: true, amount: null };
  }
  if (/^-\s*\d/.test(text) && PLAIN_DECIMAL.test(text.replace(/^-\s*/, ''))) return fail('NEGATIVE');
  const match = PLAIN_DECIMAL.exec(text);
  if (!match) return fail('NOT_A_NUMBER');
  const integer = match[1].replace(/^0+(?=\d)/, '');
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > AMOUNT_FRACTION_DIGITS) return fail('TOO_PRECISE');
  if (integer.length > AMOUNT_INTEGER_DIGITS) return fail('TOO_LARGE');
  return { ok: true, amount: fraction ? `${integer}.${fraction}` : integer };
}

function fail(reason: AmountFailure): AmountResult {
  return { ok: false, errorCode: 'INVALID_AMOUNT', reason, message: describeAmountFailure(reason) };
}

/** Exact value in units of 0.000001 万元; throws RangeError on anything parseAmount would reject. */
export function amountToMicroUnits(amount: DecimalString): bigint {
  const parsed = parseAmount(amount);
  if (!parsed.ok || parsed.amount === null) throw new RangeError(`not an amount: ${amount}`);
  const [integer, fraction = ''] = parsed.amount.split('.');
  return BigInt(integer) * MICRO_PER_UNIT + BigInt(fraction.padEnd(AMOUNT_FRACTION_DIGITS, '0'));
}

/** Canonical amount string for a non-negative number of micro units. */
export function microUnitsToAmount(micro: bigint): DecimalString {
  if (micro < 0n) throw new RangeError('amounts are never negative');
  const integer = (micro / MICRO_PER_UNIT).toString();
  const fraction = (micro % MICRO_PER_UNIT).toString().padStart(AMOUNT_FRACTION_DIGITS, '0').replace(/0+$/, '');
  return fraction ? `${integer}.${fraction}` : integer;
}

/** Negative when a < b, zero when equal, positive when a > b — exactly ("0.1" vs "0.10" is equal). */
export function compareAmounts(a: DecimalString, b: DecimalString): number {
  const [x, y] = [amountToMicroUnits(a), amountToMicroUnits(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Exact sum; null terms count as zero (an absent fine adds nothing). */
export function sumAmounts(...amounts: (DecimalString | null | undefined)[]): DecimalString {
  let total = 0n;
  for (const amount of amounts) if (amount !== null && amount !== undefined) total += amountToMicroUnits(amount);
  return microUnitsToAmount(total);
}

// Exact decimal arithmetic for the fine bands: amounts in 万元 are compared as scaled BigInt, never floats
// (0.7 + 0.3 must reach the 1 万元 band; as floats it is 0.9999999999999999).
import { DecimalString } from '../penalty/penalty.types';

/** An exact non-negative decimal: `units / 10^scale`. */
export interface ExactAmount {
  units: bigint;
  scale: number;
}

const PLAIN_DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/** Parses "12", "12.5", "0.000001"; rejects signs, exponents, blanks and separators with a RangeError. */
export function parseAmount(value: DecimalString): ExactAmount {
  const match = PLAIN_DECIMAL.exec(value);
  if (!match) throw new RangeError(`not a non-negative decimal amount in 万元: "${value}"`);
  const fraction = match[2] ?? '';
  return { units: BigInt(match[1] + fraction), scale: fraction.length };
}

function rescale(amount: ExactAmount, scale: number): bigint {
  return amount.units * 10n ** BigInt(scale - amount.scale);
}

export function addAmounts(a: ExactAmount, b: ExactAmount): ExactAmount {
  const scale = Math.max(a.scale, b.scale);
  return { units: rescale(a, scale) + rescale(b, scale), scale };
}

/** Negative when a < b, zero when equal, positive when a > b. */
export function compareAmounts(a: ExactAmount, b: ExactAmount): number {
  const scale = Math.max(a.scale, b.scale);
  const [x, y] = [rescale(a, scale), rescale(b, scale)];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Sum of the present amounts (null counts as nothing). */
export function sumAmounts(values: readonly (DecimalString | null)[]): ExactAmount {
  return values.reduce<ExactAmount>(
    (total, value) => (value === null ? total : addAmounts(total, parseAmount(value))),
    { units: 0n, scale: 0 },
  );
}

/** Canonical text without trailing fraction zeros: {1250, 2} → "12.5". */
export function formatAmount(amount: ExactAmount): DecimalString {
  const digits = amount.units.toString().padStart(amount.scale + 1, '0');
  const whole = digits.slice(0, digits.length - amount.scale);
  const fraction = digits.slice(digits.length - amount.scale).replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole;
}

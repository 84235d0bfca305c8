// 统一社会信用代码 (unified social credit code, USCC), GB 32100-2015, with the embedded GB 11714
// 组织机构代码 (organization code). The main check is a hard rule; the organization-code check is only
// reported (old pilot codes were issued with a failing one and are still legally valid). The structure of
// positions 1–8 (authority, category, region digits) is checked against uscc-structure.data.ts.
import { isKnownRegionCode, USCC_AUTHORITY_CATEGORIES } from './uscc-structure.data';

/** The 31 characters of GB 32100 in value order (no I, O, S, V, Z). */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Weights for positions 1..17: 3^(i-1) mod 31. */
export const USCC_WEIGHTS: readonly number[] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Weights of GB 11714 over the first 8 characters of the organization code. */
export const ORG_CODE_WEIGHTS: readonly number[] = [3, 7, 9, 10, 5, 8, 4, 2];

/**
 * Individual businesses (个体工商户) without a USCC are reported with this placeholder plus their registration
 * number. It fails the main check on purpose; accept it explicitly and never use it as a subject key.
 */
export const USCC_SENTINEL = '00000000000000000X';

export type UsccFailure = 'LENGTH' | 'CHARSET' | 'AUTHORITY' | 'CATEGORY' | 'REGION' | 'CHECK';

export interface ValidUscc {
  valid: true;
  /** Trimmed, upper-case 18 characters. */
  code: string;
  /** Position 1: 登记管理部门 (9 = 市场监管/工商, 1 = 机构编制, 5 = 民政, …). */
  registrationAuthority: string;
  /** Position 2: 机构类别 under that authority (9-1 企业, 9-2 个体工商户, 9-3 农民专业合作社, …). */
  category: string;
  /** Positions 3..8: GB/T 2260 division of the registering authority. */
  regionCode: string;
  /** Positions 9..17: the GB 11714 organization code including its own check character. */
  orgCode: string;
  /** False for codes whose embedded organization-code check fails (old pilot codes): warn, never reject. */
  orgCodeValid: boolean;
  /** False when positions 3..8 name no division of the shipped GB/T 2260 table: warn, never reject. */
  regionKnown: boolean;
}

export interface InvalidUscc {
  valid: false;
  /** The trimmed, upper-case input, for echoing back to the sender. */
  input: string;
  errorCode: 'INVALID_USCC';
  reason: UsccFailure;
  /** Plain words, Chinese then English in brackets. */
  message: string;
}

export type UsccResult = ValidUscc | InvalidUscc;

const ORG_CODE_CHARS = /^[0-9A-Z]{8}$/;

/** The check character (position 18) for the first 17 characters; throws on characters outside the set. */
export function computeUsccCheckChar(first17: string): string {
  const upper = first17.toUpperCase();
  if (upper.length !== 17) throw new RangeError(`expected 17 characters, got ${upper.length}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_CHARSET.indexOf(upper[i]);
    if (value < 0) throw new RangeError(`character outside the USCC set: ${upper[i]}`);
    sum += value * USCC_WEIGHTS[i];
  }
  return USCC_CHARSET[(31 - (sum % 31)) % 31];
}

/** GB 11714 check character for the first 8 characters of an organization code (digits, A=10..Z=35). */
export function computeOrgCodeCheckChar(first8: string): string {
  const upper = first8.toUpperCase();
  if (!ORG_CODE_CHARS.test(upper)) throw new RangeError(`expected 8 digits or letters, got ${first8}`);
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(upper[i], 36) * ORG_CODE_WEIGHTS[i];
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/** Message for a failed USCC; `subject` names the field (e.g. 处罚机关统一社会信用代码) in both languages. */
export function describeUsccFailure(
  reason: UsccFailure,
  subject: { zh: string; en: string } = { zh: '统一社会信用代码', en: 'the USCC' },
): string {
  switch (reason) {
    case 'LENGTH':
      return `${subject.zh}应为18位（${subject.en} must be 18 characters long）`;
    case 'CHARSET':
      return (
        `${subject.zh}含有非法字符，只能由数字和除I、O、S、V、Z以外的大写字母组成` +
        `（${subject.en} may only contain digits and the letters A-Z except I, O, S, V and Z）`
      );
    case 'AUTHORITY':
      return (
        `${subject.zh}第1位（登记管理部门代码）应为1-9、A、N或Y` +
        `（position 1 of ${subject.en}, the registration authority, must be 1-9, A, N or Y）`
      );
    case 'CATEGORY':
      return (
        `${subject.zh}第2位（机构类别代码）不是该登记管理部门使用的类别` +
        `（position 2 of ${subject.en}, the institution category, is not one its registration authority issues）`
      );
    case 'REGION':
      return (
        `${subject.zh}第3-8位（登记管理机关行政区划码）应为6位数字` +
        `（positions 3-8 of ${subject.en}, the GB/T 2260 division, must be six digits）`
      );
    case 'CHECK':
      return `${subject.zh}第18位校验位错误（position 18 of ${subject.en}, the check character, is wrong）`;
  }
}

export function parseUscc(code: string): UsccResult {
  const input = code.trim().toUpperCase();
  const fail = (reason: UsccFailure): InvalidUscc => ({
    valid: false,
    input,
    errorCode: 'INVALID_USCC',
    reason,
    message: describeUsccFailure(reason),
  });
  if (input.length !== 18) return fail('LENGTH');
  for (const char of input) if (!USCC_CHARSET.includes(char)) return fail('CHARSET');
  const structure = structuralFailure(input);
  if (structure) return fail(structure);
  if (computeUsccCheckChar(input.slice(0, 17)) !== input[17]) return fail('CHECK');
  const orgCode = input.slice(8, 17);
  return {
    valid: true,
    code: input,
    registrationAuthority: input[0],
    category: input[1],
    regionCode: input.slice(2, 8),
    orgCode,
    orgCodeValid: computeOrgCodeCheckChar(orgCode.slice(0, 8)) === orgCode[8],
    regionKnown: isKnownRegionCode(input.slice(2, 8)),
  };
}

/**
 * GB 32100 structure, checked before the check character so the message names the first wrong position: an
 * all-zero code fails at position 1 (no authority 0), 9A… at position 2, 91AB… at positions 3–8. The sentinel
 * 00000000000000000X fails here as before; callers recognise it with isUsccSentinel first.
 */
function structuralFailure(code: string): UsccFailure | null {
  const authority = USCC_AUTHORITY_CATEGORIES[code[0]];
  if (!authority) return 'AUTHORITY';
  if (!authority.categories.includes(code[1])) return 'CATEGORY';
  if (!/^\d{6}$/.test(code.slice(2, 8))) return 'REGION';
  return null;
}

export function isUsccSentinel(code: string): boolean {
  return code.trim().toUpperCase() === USCC_SENTINEL;
}

/** 9-2: registered by market regulation as an individual business (个体工商户). */
export function isIndividualBusinessUscc(uscc: Pick<ValidUscc, 'registrationAuthority' | 'category'>): boolean {
  return uscc.registrationAuthority === '9' && uscc.category === '2';
}

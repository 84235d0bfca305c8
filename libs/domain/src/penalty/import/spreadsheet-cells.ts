// Reading one spreadsheet cell the way a clerk meant it: dates in the forms Chinese exports use (and Excel's
// serial numbers), several penalty categories in one cell, amounts in 元 when the header says so. Anything
// that does not parse is passed on as written, so the validator's message quotes the clerk's own text.
import { isIsoDate } from '../../time/calendar';
import { cleanCode, cleanLine } from '../penalty-record.normalize';
import type { AmountUnit } from './template-columns';

/** A cell as the readers hand it over: CSV cells are strings; XLSX cells keep their type. */
export type SpreadsheetCell = string | number | boolean | Date | null;

/** Excel's 1900 date system: serial 1 = 1900-01-01, and serial 60 is the fictitious 1900-02-29. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
/** 9999-12-31, the last date Excel can show. */
const MAX_EXCEL_SERIAL = 2_958_465;

/**
 * Excel shows at most 15 significant digits; a stored binary double (2.5000000000000004 from a formula) is
 * read as the clerk saw it.
 */
export function displayedNumber(value: number): string {
  return String(Number(value.toPrecision(15)));
}

/** The cell as text: numbers as Excel displays them, dates as YYYY-MM-DD (time kept only when not midnight). */
export function cellText(cell: SpreadsheetCell): string | null {
  if (cell === null) return null;
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') return Number.isFinite(cell) ? displayedNumber(cell) : null;
  if (typeof cell === 'boolean') return cell ? '是' : '否';
  if (Number.isNaN(cell.getTime())) return null;
  const iso = cell.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
}

export function excelSerialToIsoDate(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > MAX_EXCEL_SERIAL) return null;
  const days = Math.floor(serial);
  // Before 1900-03-01 Excel counts the day that never was; no real decision date lies there, but stay exact.
  const shifted = days < 61 ? days + 1 : days;
  return new Date(EXCEL_EPOCH_MS + shifted * DAY_MS).toISOString().slice(0, 10);
}

const SEPARATED = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
/** A serial typed or exported as text: five digits covers 1927–2173. */
const SERIAL_TEXT = /^\d{5}(?:\.\d+)?$/;

/**
 * A date cell as YYYY-MM-DD: 2026-10-15, 2026/10/15, 2026.10.15, 2026年10月15日 (with or without a time, one-digit
 * months and days too), 20261015, an Excel serial number (as a number or as five digits of text) or an
 * Excel date cell. Anything else, including impossible dates like 2026-02-30, comes back cleaned but as
 * written, so the validator reports INVALID_DATE quoting it.
 */
export function readDateCell(cell: SpreadsheetCell): string | null {
  if (cell instanceof Date) {
    return Number.isNaN(cell.getTime()) ? null : cell.toISOString().slice(0, 10);
  }
  if (typeof cell === 'number') {
    const compact = COMPACT.exec(String(cell));
    return compact ? isoOrNull(compact[1], compact[2], compact[3]) ?? String(cell) : excelSerialToIsoDate(cell) ?? String(cell);
  }
  const text = cleanLine(cellText(cell)?.normalize('NFKC'));
  if (text === null) return null;
  const match = SEPARATED.exec(text) ?? COMPACT.exec(text);
  if (match) return isoOrNull(match[1], match[2], match[3]) ?? text;
  if (SERIAL_TEXT.test(text)) return excelSerialToIsoDate(Number(text)) ?? text;
  return text;
}

function isoOrNull(year: string, month: string, day: string): string | null {
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

/** 处罚类别 cells list several categories: 警告；罚款、没收违法所得 (；;、，, spaces and line breaks all separate). */
const CATEGORY_SEPARATORS = /[；;、，,\s|/／]+/;

/** The categories of one cell, in order, blanks dropped; null for an empty cell (the validator says REQUIRED). */
export function splitPenaltyCategories(cell: SpreadsheetCell): string[] | null {
  const text = cleanLine(cellText(cell));
  if (text === null) return null;
  const parts = text.split(CATEGORY_SEPARATORS).filter((part) => part !== '');
  return parts.length > 0 ? parts : null;
}

const PLAIN_DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/**
 * An amount cell in 万元. With a 元 header the value is shifted four places exactly (20000 元 → 2 万元), on
 * the digits, never through a float. Text that is not a plain number is passed on for the validator to reject.
 */
export function readAmountCell(cell: SpreadsheetCell, unit: AmountUnit): string | null {
  const text = typeof cell === 'number' ? (Number.isFinite(cell) ? displayedNumber(cell) : String(cell)) : cleanCode(cellText(cell));
  if (text === null || unit === 'WAN_YUAN') return text;
  const match = PLAIN_DECIMAL.exec(text);
  if (!match) return text;
  const digits = match[1] + (match[2] ?? '');
  const point = match[1].length - 4;
  const padded = point > 0 ? digits : '0'.repeat(1 - point) + digits;
  const at = Math.max(point, 1);
  const integer = padded.slice(0, at).replace(/^0+(?=\d)/, '');
  const fraction = padded.slice(at).replace(/0+$/, '');
  return fraction ? `${integer}.${fraction}` : integer;
}

// `npm run cli -- calendar:load <file.json>`: loads a year of the working calendar (工作日历) from a file when the
// State Council publishes its notice, as `loadWorkingCalendar` does for an admin over GraphQL (validated,
// audited as the CLI). The file:
//   { "year": 2027, "sources": [{ "title": "国务院办公厅关于2027年部分节假日安排的通知", "number": "国办发明电〔2026〕…号",
//     "issuedOn": "2026-11-…" }], "holidays": ["2027-01-01", …], "workdays": ["2027-…", …] }
import fs from 'node:fs/promises';
import { WorkingCalendarService } from '@credit/calendar';
import type { WorkingCalendarYear } from '@credit/domain';
import type { CliCommand } from '../command';

const USAGE = 'calendar:load <file.json>';

/** The year in the file, or what is wrong with its shape (the service checks the dates themselves). */
export function parseCalendarFile(text: string): WorkingCalendarYear | string {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return `not JSON: ${(error as Error).message}`;
  }
  const d = data as Partial<Record<keyof WorkingCalendarYear, unknown>>;
  const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
  if (typeof d !== 'object' || d === null || typeof d.year !== 'number') return 'expected an object with a numeric "year"';
  if (!strings(d.holidays) || !strings(d.workdays)) return '"holidays" and "workdays" must be arrays of YYYY-MM-DD strings';
  const sources = d.sources;
  if (!Array.isArray(sources) || !sources.every((s) => s && typeof s.title === 'string' && typeof s.number === 'string' && typeof s.issuedOn === 'string')) {
    return '"sources" must be an array of { title, number, issuedOn }';
  }
  return { year: d.year, holidays: d.holidays, workdays: d.workdays, sources };
}

export const calendarLoadCommand: CliCommand = {
  name: 'calendar:load',
  usage: USAGE,
  description: 'Load (or replace) a year of the working calendar from the State Council notice, as JSON.',
  async run(context, args) {
    if (args.length !== 1) {
      context.out(`usage: ${USAGE}`);
      return 2;
    }
    const parsed = parseCalendarFile(await fs.readFile(args[0], 'utf8'));
    if (typeof parsed === 'string') {
      context.out(`${args[0]}: ${parsed}`);
      return 2;
    }
    // A calendar the rules refuse is a DomainError: main prints its code and message and exits 1.
    const year = await (await context.app()).get(WorkingCalendarService).load(parsed, { type: 'SYSTEM', id: null, name: 'cli:calendar:load' });
    context.out(`loaded ${year.year}: ${year.holidays.length} holiday(s), ${year.workdays.length} adjusted working day(s) from ${year.sources.map((s) => s.number).join('、')}`);
    return 0;
  },
};

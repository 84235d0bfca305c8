// The working calendar in force: the shipped years of @credit/domain overridden and extended by the years an
// admin loaded. Read from the table on each use rather than cached: it is a few rows, and a year loaded
// through one process (the API, or the CLI) must count at once in every other (the worker's sweeps).
import { Injectable } from '@nestjs/common';
import { Actor, AuditService, contentHash } from '@credit/audit';
import { badInput, ErrorDetail } from '@credit/common';
import { Database, SqlExecutor } from '@credit/db';
import { buildWorkingCalendar, checkWorkingCalendarYear, SHIPPED_WORKING_CALENDAR, WorkingCalendar, WorkingCalendarYear } from '@credit/domain';
import { WorkingCalendarRepository } from './working-calendar.repository';

@Injectable()
export class WorkingCalendarService {
  constructor(
    private readonly db: Database,
    private readonly years: WorkingCalendarRepository,
    private readonly audit: AuditService,
  ) {}

  /** The calendar as of now; pass the transaction's executor to read it inside one. */
  async calendar(sql: SqlExecutor = this.db): Promise<WorkingCalendar> {
    return buildWorkingCalendar(SHIPPED_WORKING_CALENDAR, await this.years.loadedYears(sql));
  }

  /** Loads (or replaces) one year; validated, and audited with the year it replaced. */
  async load(entry: WorkingCalendarYear, actor: Actor): Promise<WorkingCalendarYear> {
    if (entry.holidays.length > 366 || entry.workdays.length > 366 || entry.sources.length > 10) {
      throw badInput('一年的日期或通知过多（more dates or notices than a year can have）', 'holidays');
    }
    const normalised: WorkingCalendarYear = {
      year: entry.year,
      sources: entry.sources.map((s) => ({ title: s.title.trim(), number: s.number.trim(), issuedOn: s.issuedOn })),
      holidays: [...new Set(entry.holidays)].sort(),
      workdays: [...new Set(entry.workdays)].sort(),
    };
    const issues = checkWorkingCalendarYear(normalised);
    if (issues.length > 0) {
      const details: ErrorDetail[] = issues.map((issue) => ({ ...issue }));
      throw badInput(issues.map((issue) => issue.message).join('; '), details[0].field, details);
    }
    return this.db.transaction(async (sql) => {
      const before = (await this.years.find(sql, normalised.year)) ?? SHIPPED_WORKING_CALENDAR.find((y) => y.year === normalised.year) ?? null;
      await this.years.upsert(sql, normalised, actor.name ?? actor.type);
      await this.audit.append(sql, actor, [
        {
          action: 'WORKING_CALENDAR_LOADED',
          targetType: 'WORKING_CALENDAR_YEAR',
          targetId: String(normalised.year),
          ...(before ? { beforeHash: contentHash(before) } : {}),
          afterHash: contentHash(normalised),
          details: { year: normalised.year, sources: normalised.sources.map((s) => s.number), holidays: normalised.holidays.length, workdays: normalised.workdays.length, replaced: before !== null },
        },
      ]);
      return normalised;
    });
  }
}

// The loaded years of the working calendar. A handful of rows (one per year), read whole.
import { Injectable } from '@nestjs/common';
import { SqlExecutor } from '@credit/db';
import { CalendarSource, WorkingCalendarYear } from '@credit/domain';

interface YearRow {
  year: number;
  sources: CalendarSource[];
  holidays: string[];
  workdays: string[];
}

// date[] comes back from pg as text; to_char keeps it YYYY-MM-DD whatever the session's DateStyle.
const YEAR_COLUMNS = `year, sources,
  ARRAY(SELECT to_char(d, 'YYYY-MM-DD') FROM unnest(holidays) d ORDER BY d) AS holidays,
  ARRAY(SELECT to_char(d, 'YYYY-MM-DD') FROM unnest(workdays) d ORDER BY d) AS workdays`;

@Injectable()
export class WorkingCalendarRepository {
  async loadedYears(sql: SqlExecutor): Promise<WorkingCalendarYear[]> {
    return sql.query<YearRow>(`SELECT ${YEAR_COLUMNS} FROM working_calendar_years ORDER BY year`);
  }

  async find(sql: SqlExecutor, year: number): Promise<WorkingCalendarYear | null> {
    const [row] = await sql.query<YearRow>(`SELECT ${YEAR_COLUMNS} FROM working_calendar_years WHERE year = $1 FOR UPDATE`, [year]);
    return row ?? null;
  }

  async upsert(sql: SqlExecutor, entry: WorkingCalendarYear, loadedBy: string): Promise<void> {
    await sql.query(
      `INSERT INTO working_calendar_years (year, sources, holidays, workdays, loaded_by)
       VALUES ($1, $2::jsonb, $3::date[], $4::date[], $5)
       ON CONFLICT (year) DO UPDATE SET sources = EXCLUDED.sources, holidays = EXCLUDED.holidays,
         workdays = EXCLUDED.workdays, loaded_by = EXCLUDED.loaded_by, updated_at = now()`,
      [entry.year, JSON.stringify(entry.sources), entry.holidays, entry.workdays, loadedBy],
    );
  }
}

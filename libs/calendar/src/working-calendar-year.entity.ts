import { Entity, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '@credit/db';

/**
 * A year of the working calendar (工作日历) an admin loaded: it replaces the shipped year of the same number
 * whole (SHIPPED_WORKING_CALENDAR of @credit/domain) or adds a year the code does not ship yet.
 */
@Entity({ tableName: 'working_calendar_years' })
export class WorkingCalendarYearEntity extends BaseEntity {
  @Property()
  @Unique()
  year!: number;

  /** The notice(s): [{ title, number, issuedOn }]. */
  @Property({ type: 'jsonb' })
  sources!: unknown;

  @Property({ type: 'date[]' })
  holidays!: string[];

  @Property({ type: 'date[]' })
  workdays!: string[];

  @Property({ length: 200 })
  loadedBy!: string;
}

import { notifyParty, proposeListing } from '../listing/listing.machine';
import { ListingState } from '../listing/listing.types';
import { reportingDelay, ReportingRuleCode } from './reporting-deadline.rules';
import { SHIPPED_WORKING_CALENDAR } from './working-calendar.data';
import { addWorkingDays, buildWorkingCalendar, checkWorkingCalendarYear, DayUnit, isWorkingDay, NO_WORKING_CALENDAR, workingDaysBetween } from './working-days';

const calendar = buildWorkingCalendar(SHIPPED_WORKING_CALENDAR);

describe('the shipped calendar', () => {
  it('covers every year from 2017 through 2026, each with its notice', () => {
    expect(SHIPPED_WORKING_CALENDAR.map((y) => y.year)).toEqual([2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    for (const year of SHIPPED_WORKING_CALENDAR) {
      expect(year.sources[0].number).toMatch(/^国办发明电〔\d{4}〕\d+号$/);
      expect(checkWorkingCalendarYear(year)).toEqual([]);
    }
    expect(SHIPPED_WORKING_CALENDAR.find((y) => y.year === 2026)?.sources[0].number).toBe('国办发明电〔2025〕7号');
  });
});

describe('isWorkingDay', () => {
  it.each([
    ['2026-10-01', false, 'National Day (Thursday)'],
    ['2026-10-07', false, 'last day of the National Day block (Wednesday)'],
    ['2026-10-08', true, 'first working day after National Day'],
    ['2026-10-10', true, '调休: Saturday worked'],
    ['2026-10-11', false, 'ordinary Sunday'],
    ['2026-09-20', true, '调休: Sunday worked before National Day'],
    ['2026-09-25', false, '中秋 (Friday)'],
    ['2026-02-14', true, '调休: Saturday worked before Spring Festival'],
    ['2026-02-23', false, '正月初七 (Monday), still Spring Festival'],
    ['2026-02-28', true, '调休: Saturday worked after Spring Festival'],
    ['2026-01-04', true, '调休: Sunday worked after 元旦'],
    ['2018-12-29', true, '调休 of the 2019 notice, dated in 2018'],
    ['2018-12-31', false, '2019 元旦 block, dated in 2018'],
    ['2019-05-02', false, '劳动节 as extended by 国办发明电〔2019〕3号'],
    ['2019-05-05', true, '调休 of the 2019 change'],
    ['2020-02-01', false, 'Saturday no longer worked: 春节 extended by 国办发明电〔2020〕1号'],
    ['2020-01-31', false, 'extended 春节 (Friday)'],
    ['2025-01-26', true, '调休: Sunday worked before 2025 春节'],
  ])('%s → working %s (%s)', (date, expected) => {
    expect(isWorkingDay(date, calendar)).toEqual({ working: expected, warning: null });
  });

  it('counts a year without calendar data by weekends only and says so', () => {
    const answer = isWorkingDay('2027-10-01', calendar); // a Friday; 2027's notice is not shipped
    expect(answer.working).toBe(true);
    expect(answer.warning).toMatchObject({ code: NO_WORKING_CALENDAR, years: [2027] });
    expect(answer.warning?.message).toMatch(/^2027 年尚无工作日历数据.*（no working calendar for 2027/);
    expect(isWorkingDay('2027-10-02', calendar).working).toBe(false); // Saturday
  });
});

describe('addWorkingDays (the N-th working day after the date)', () => {
  it.each([
    // National Day 2026: 10-01 … 10-07 off, 10-10 (Sat) worked
    ['2026-09-30', 5, '2026-10-13', 'notice served the day before National Day: 10-08, 09, 10 (Sat), 12, 13'],
    ['2026-09-30', 1, '2026-10-08', 'the whole holiday is skipped'],
    ['2026-10-09', 1, '2026-10-10', 'the 调休 Saturday counts'],
    ['2026-09-18', 2, '2026-09-21', '09-20 (Sun) is worked'],
    ['2026-09-24', 1, '2026-09-28', '中秋 Friday and the weekend skipped'],
    // Spring Festival 2026: 02-14 (Sat) worked, 02-15 … 02-23 off, 02-28 (Sat) worked
    ['2026-02-13', 1, '2026-02-14', 'Saturday before the festival is worked'],
    ['2026-02-13', 2, '2026-02-24', 'then nine days off'],
    ['2026-02-12', 7, '2026-02-28', '13, 14 (Sat), 24, 25, 26, 27, 28 (Sat)'],
    // Spring Festival 2025: 01-26 (Sun) worked, 01-28 … 02-04 off, 02-08 (Sat) worked
    ['2025-01-24', 2, '2025-01-27', '01-26 (Sun) worked'],
    ['2025-01-27', 1, '2025-02-05', 'eight days off'],
    ['2025-02-07', 1, '2025-02-08', 'Saturday worked'],
    ['2026-03-02', 0, '2026-03-02', 'zero days is the date itself'],
  ])('%s + %i working days → %s (%s)', (from, days, expected) => {
    expect(addWorkingDays(from, days, calendar)).toEqual({ date: expected, warning: null });
  });

  it('crosses into a year without data by weekends only, with a warning', () => {
    const answer = addWorkingDays('2026-12-30', 5, calendar);
    expect(answer.date).toBe('2027-01-06'); // 2027-01-01 (surely 元旦) counted as working: the warning says so
    expect(answer.warning).toMatchObject({ code: NO_WORKING_CALENDAR, years: [2027] });
  });

  it('uses a loaded year, which overrides the shipped one', () => {
    const loaded = buildWorkingCalendar(SHIPPED_WORKING_CALENDAR, [
      { year: 2027, sources: [{ title: '国务院办公厅关于2027年部分节假日安排的通知', number: '国办发明电〔2026〕1号', issuedOn: '2026-11-01' }], holidays: ['2027-01-01'], workdays: [] },
      { year: 2026, sources: [{ title: 'test', number: 'test', issuedOn: '2025-11-04' }], holidays: [], workdays: [] },
    ]);
    expect(addWorkingDays('2026-12-30', 5, loaded)).toEqual({ date: '2027-01-07', warning: null });
    expect(isWorkingDay('2026-10-01', loaded).working).toBe(true);
  });
});

describe('workingDaysBetween (after `from`, through `to`)', () => {
  it.each([
    ['2026-09-30', '2026-10-05', 0, 'five calendar days, no working day'],
    ['2026-09-30', '2026-10-06', 0, 'the listing day of the old rule: still none'],
    ['2026-09-28', '2026-10-12', 6, '09-29, 09-30, 10-08, 10-09, 10-10, 10-12'],
    ['2026-02-13', '2026-02-28', 6, '14 (Sat), 24 … 27, 28 (Sat)'],
    ['2026-03-02', '2026-03-02', 0, 'same day'],
    ['2026-10-12', '2026-09-28', -6, 'reversed'],
  ])('%s → %s: %i (%s)', (from, to, expected) => {
    expect(workingDaysBetween(from, to, calendar)).toEqual({ days: expected, warning: null });
  });

  it('warns when the span reaches a year without data', () => {
    expect(workingDaysBetween('2026-12-31', '2027-01-08', calendar)).toMatchObject({ days: 6, warning: { years: [2027] } });
  });
});

describe('checkWorkingCalendarYear', () => {
  const source = [{ title: '国务院办公厅关于2027年部分节假日安排的通知', number: '国办发明电〔2026〕1号', issuedOn: '2026-11-01' }];
  it.each([
    [{ year: 2027, sources: source, holidays: ['2027-01-01'], workdays: [] }, []],
    [{ year: 2027, sources: source, holidays: ['2026-12-31'], workdays: [] }, []],
    [{ year: 2027, sources: [], holidays: [], workdays: [] }, ['source']],
    [{ year: 2027, sources: source, holidays: ['2028-01-01', '2027-02-30'], workdays: [] }, ['holidays']],
    [{ year: 2027, sources: source, holidays: [], workdays: ['2027-01-04'] }, ['workdays']], // a Monday
    [{ year: 2027, sources: source, holidays: ['2027-01-02'], workdays: ['2027-01-02'] }, ['workdays']],
    [{ year: 1800, sources: source, holidays: [], workdays: [] }, ['year']],
  ])('%j → issues on %j', (entry, fields) => {
    expect(checkWorkingCalendarYear(entry).map((i) => i.field)).toEqual(fields);
  });
});

describe('objection window in working days (listing machine)', () => {
  const proposed = (proposeListing('2026-09-28') as { state: ListingState }).state;
  it.each([
    [DayUnit.CALENDAR, '2026-10-05', 'five calendar days end inside the holiday (the old answer)'],
    [DayUnit.WORKING, '2026-10-13', 'five working days end after it'],
  ])('notice 2026-09-30, 5 days %s → deadline %s (%s)', (unit, deadline) => {
    const result = notifyParty(proposed, '2026-09-30', '2026-09-30', { termMonths: 36, earliestRemovalMonths: 12, objectionDays: 5, objectionDayUnit: unit }, calendar);
    expect(result).toMatchObject({ ok: true, state: { objectionDeadline: deadline }, warning: null });
  });

  it('carries the calendar warning when the window runs into a year without data', () => {
    const late = (proposeListing('2026-12-28') as { state: ListingState }).state;
    const result = notifyParty(late, '2026-12-30', '2026-12-30', { termMonths: 36, earliestRemovalMonths: 12, objectionDays: 5, objectionDayUnit: DayUnit.WORKING }, calendar);
    expect(result).toMatchObject({ ok: true, state: { objectionDeadline: '2027-01-06' }, warning: { code: NO_WORKING_CALENDAR } });
  });
});

describe('reporting timeliness (working days from the decision)', () => {
  it.each([
    ['滁州市市场监督管理局', '2026-09-30', '2026-10-28', ReportingRuleCode.SAMR_PENALTY, 16, false],
    ['滁州市税务局', '2026-09-30', '2026-10-28', ReportingRuleCode.DOUBLE_PUBLICITY, 16, true],
    ['滁州市税务局', '2026-09-30', '2026-10-09', ReportingRuleCode.DOUBLE_PUBLICITY, 2, false],
    ['滁州市税务局', '2026-09-28', '2026-10-12', ReportingRuleCode.DOUBLE_PUBLICITY, 6, false],
    ['滁州市税务局', '2026-09-28', '2026-10-13', ReportingRuleCode.DOUBLE_PUBLICITY, 7, false],
    ['滁州市税务局', '2026-09-28', '2026-10-14', ReportingRuleCode.DOUBLE_PUBLICITY, 8, true],
    ['滁州市市场监督管理局', '2021-08-31', '2021-09-30', ReportingRuleCode.DOUBLE_PUBLICITY, 22, true], // before 总局令第45号
    ['滁州市市场监督管理局', '2021-09-01', '2021-09-30', ReportingRuleCode.SAMR_PENALTY, 21, true],
  ])('%s decided %s, received %s → %s, %i working days, late %s', (department, decided, received, rule, delay, late) => {
    const answer = reportingDelay(department, decided, received, calendar);
    expect(answer).toMatchObject({ rule: { code: rule }, delayWorkingDays: delay, late, warning: null });
  });

  it('assesses no decision made before any rule', () => {
    expect(reportingDelay('某局', '2015-01-05', '2015-03-05', calendar)).toMatchObject({ rule: null, late: false });
  });
});

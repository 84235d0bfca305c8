import { parseCalendarFile } from './calendar-load.command';

describe('calendar:load file', () => {
  const year = { year: 2027, sources: [{ title: '国务院办公厅关于2027年部分节假日安排的通知', number: '国办发明电〔2026〕1号', issuedOn: '2026-11-01' }], holidays: ['2027-01-01'], workdays: [] };

  it('reads a year of the calendar', () => {
    expect(parseCalendarFile(JSON.stringify(year))).toEqual(year);
  });

  it.each([
    ['{', /^not JSON/],
    [JSON.stringify({ ...year, year: '2027' }), /numeric "year"/],
    [JSON.stringify({ ...year, holidays: [20270101] }), /"holidays" and "workdays"/],
    [JSON.stringify({ ...year, sources: [{ title: 't' }] }), /"sources" must be/],
  ])('says what is wrong with %s', (text, message) => {
    expect(parseCalendarFile(text)).toMatch(message);
  });
});

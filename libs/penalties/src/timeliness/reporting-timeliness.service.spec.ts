import { weightedMedian } from './reporting-timeliness.service';

describe('weightedMedian (delays with their record counts)', () => {
  it.each([
    [[], null],
    [[{ days: 4, records: 1 }], 4],
    [[{ days: 7, records: 1 }, { days: 4, records: 1 }, { days: 8, records: 1 }], 7],
    [[{ days: 16, records: 1 }, { days: 23, records: 1 }], 19.5],
    [[{ days: 2, records: 3 }, { days: 30, records: 1 }], 2],
    [[{ days: 1, records: 2 }, { days: 5, records: 2 }], 3],
  ])('%j → %p', (values, expected) => {
    expect(weightedMedian(values)).toBe(expected);
  });
});

// 工作日: the mainland working calendar as data, working-day arithmetic and the reporting deadlines counted in it.
export * from './working-days';
export * from './working-calendar.data';
export * from './reporting-deadline.rules';

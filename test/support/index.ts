export * from './records';
export * from './test-app';
export * from './test-database';

export * from './records';
export * from './test-app';
export * from './test-database';
export * from './embedded-cluster';
export * from './redis';
export * from './portal-fixture';
export * from './chromium';
export * from './inspection-fixture';

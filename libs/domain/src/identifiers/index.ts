export * from './masking';
export * from './regions';
export * from './resident-id';
export * from './uscc';
export * from './identifier-builders';

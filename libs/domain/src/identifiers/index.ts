export * from './masking';
export * from './regions';
export * from './resident-id';
export * from './uscc';
export * from './uscc-structure.data';
export * from './identifier-builders';

export * from './penalty';
export * from './time/calendar';
export * from './calendar';
export * from './identifiers';
export * from './money';
export * from './tiers';
export * from './disclosure';
export * from './listing';

export * from './penalty.types';
export * from './penalty.labels';
export * from './penalty-record.types';
export * from './penalty-record.validation';
export * from './penalty-record.canonical';
export { PENALTY_FIELD_LABELS } from './penalty-record.messages';
export type { FieldLabel } from './penalty-record.messages';
export * from './severity.rule';
export * from './import';

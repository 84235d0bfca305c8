export * from './decimal-amount';

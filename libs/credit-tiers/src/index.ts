export * from './credit-tiers.module';

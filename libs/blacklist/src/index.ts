export * from './blacklist.module';

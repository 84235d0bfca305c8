export * from './disclosure.module';

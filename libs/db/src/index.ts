import './pg-types';

export * from './base.entity';
export * from './database';
export * from './database.module';
export * from './embedded-postgres';
export * from './migrate';
export * from './orm-config';
export * from './sql-executor';
export * from './copy-rows';
export * from './migrations';
export * from './database-roles';

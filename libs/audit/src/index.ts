export * from './audit-entry.entity';
export * from './audit-checkpoint.entity';
export * from './audit-checkpoint';
export * from './audit-checkpoint.writer';
export * from './audit-log.repository';
export * from './audit.module';
export * from './audit.service';
export * from './audit-verifier.service';

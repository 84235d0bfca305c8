import { Global, Module } from '@nestjs/common';
import { AuditCheckpointWriter } from './audit-checkpoint.writer';
import { AuditLogRepository } from './audit-log.repository';
import { AuditVerifier } from './audit-verifier.service';
import { AuditService } from './audit.service';

/** Global: every capability writes to the audit log, and none should have to wire it. */
@Global()
@Module({
  providers: [AuditService, AuditVerifier, AuditLogRepository, AuditCheckpointWriter],
  exports: [AuditService, AuditVerifier, AuditCheckpointWriter],
})
export class AuditModule {}

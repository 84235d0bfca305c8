import { Global, Module } from '@nestjs/common';
import { AuditVerifier } from './audit-verifier.service';
import { AuditService } from './audit.service';

/** Global: every capability writes to the audit log, and none should have to wire it. */
@Global()
@Module({ providers: [AuditService, AuditVerifier], exports: [AuditService, AuditVerifier] })
export class AuditModule {}

import { Global, Module } from '@nestjs/common';
import { AuditService } from './audit.service';

/** Global: every capability writes to the audit log, and none should have to wire it. */
@Global()
@Module({ providers: [AuditService], exports: [AuditService] })
export class AuditModule {}

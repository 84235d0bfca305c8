import { Module } from '@nestjs/common';
import { ApiKeyVerifier } from './api-key-verifier.service';
import { DepartmentsResolver } from './departments.resolver';
import { DepartmentsService } from './departments.service';

@Module({
  providers: [DepartmentsService, DepartmentsResolver, ApiKeyVerifier],
  exports: [DepartmentsService, ApiKeyVerifier],
})
export class DepartmentsModule {}

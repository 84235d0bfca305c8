import { Module } from '@nestjs/common';
import { ApiKeyVerifier } from './api-key-verifier.service';
import { DepartmentAuthoritiesRepository } from './department-authorities.repository';
import { DepartmentAuthoritiesResolver } from './department-authorities.resolver';
import { DepartmentAuthoritiesService } from './department-authorities.service';
import { DepartmentsRepository } from './departments.repository';
import { DepartmentsResolver } from './departments.resolver';
import { DepartmentsService } from './departments.service';

@Module({
  providers: [DepartmentsRepository, DepartmentsService, DepartmentsResolver, ApiKeyVerifier, DepartmentAuthoritiesRepository, DepartmentAuthoritiesService, DepartmentAuthoritiesResolver],
  exports: [DepartmentsService, ApiKeyVerifier, DepartmentAuthoritiesRepository],
})
export class DepartmentsModule {}

import { Module } from '@nestjs/common';
import { SubjectRegistryRepository } from './subject-registry.repository';
import { SubjectsResolver } from './subjects.resolver';
import { SubjectsService } from './subjects.service';

@Module({
  providers: [SubjectRegistryRepository, SubjectsService, SubjectsResolver],
  exports: [SubjectRegistryRepository, SubjectsService],
})
export class SubjectsModule {}

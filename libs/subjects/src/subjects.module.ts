import { Module } from '@nestjs/common';
import { SubjectNameReviewRepository } from './subject-name-review.repository';
import { SubjectNameReviewResolver } from './subject-name-review.resolver';
import { SubjectNameReviewService } from './subject-name-review.service';
import { SubjectRegistryRepository } from './subject-registry.repository';
import { SubjectsRepository } from './subjects.repository';
import { SubjectRenameHooks } from './subject-rename.hooks';
import { SubjectsResolver } from './subjects.resolver';
import { SubjectsService } from './subjects.service';

@Module({
  providers: [SubjectRegistryRepository, SubjectsRepository, SubjectsService, SubjectsResolver, SubjectRenameHooks, SubjectNameReviewRepository, SubjectNameReviewService, SubjectNameReviewResolver],
  exports: [SubjectRegistryRepository, SubjectsService, SubjectRenameHooks],
})
export class SubjectsModule {}

export * from './credit-subject.entity';
export * from './dto/credit-subject.model';
export * from './subject-name-change.entity';
export * from './subject-registry.repository';
export * from './subject-rename.hooks';
export * from './subjects.module';
export * from './subjects.repository';
export * from './subjects.service';

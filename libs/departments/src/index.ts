export * from './api-key';
export * from './api-key-verifier.service';
export * from './department-api-key.entity';
export * from './department.entity';
export * from './departments.module';
export * from './departments.service';
export * from './dto/department.models';

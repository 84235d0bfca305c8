export * from './auth.module';
export * from './password-hasher';
export * from './user.entity';
export * from './users.service';

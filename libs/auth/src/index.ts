export * from './auth.module';
export * from './credentials/credential-gate';
export * from './introspection.plugin';
export * from './password-hasher';
export * from './password-policy';
export * from './rate-limit/retry-after.plugin';
export * from './user.entity';
export * from './users.service';

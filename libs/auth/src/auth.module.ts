import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { APP_CONFIG, AppConfig, Principal, PLATFORM_SECRETS, PlatformSecrets, requestOf } from '@credit/common';
import { DepartmentsModule } from '@credit/departments';
import { PlatformAuthGuard } from './auth.guard';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { JWT_AUDIENCE, JWT_ISSUER } from './auth.tokens';
import { CredentialGate } from './credentials/credential-gate';
import { JwtCredentials } from './credentials/jwt.credentials';
import { UserStandingCache } from './credentials/user-standing.cache';
import { LoginBackoff } from './login-backoff';
import { PasswordHasher } from './password-hasher';
import { RateLimitStoreModule, StoreBackedThrottlerStorage } from './rate-limit/rate-limit-store.module';
import { RATE_LIMIT_WINDOW_MS, RateLimitGuard } from './rate-limit/rate-limit.guard';
import { RATE_LIMIT_STORE, RateLimitStore } from './rate-limit/rate-limit.store';
import { UsersService } from './users.service';

@Module({
  imports: [
    DepartmentsModule,
    RateLimitStoreModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG, PLATFORM_SECRETS],
      useFactory: (config: AppConfig, secrets: PlatformSecrets) => ({
        secret: secrets.jwtSecret,
        signOptions: { expiresIn: config.jwtTtlSeconds, issuer: JWT_ISSUER, audience: JWT_AUDIENCE, algorithm: 'HS256' },
      }),
    }),
    ThrottlerModule.forRootAsync({
      imports: [RateLimitStoreModule],
      inject: [APP_CONFIG, RATE_LIMIT_STORE],
      useFactory: (config: AppConfig, store: RateLimitStore) => ({
        setHeaders: false,
        storage: new StoreBackedThrottlerStorage(store),
        throttlers: [
          {
            name: 'per-minute',
            ttl: RATE_LIMIT_WINDOW_MS,
            limit: (context) => {
              const principal = requestOf(context).user as Principal | null | undefined;
              if (principal?.kind === 'DEPARTMENT') return config.rateLimits.departmentPerMinute;
              if (principal?.kind === 'USER') return config.rateLimits.userPerMinute;
              return config.rateLimits.anonymousPerMinute;
            },
          },
        ],
      }),
    }),
  ],
  providers: [
    AuthService,
    UsersService,
    AuthResolver,
    PasswordHasher,
    LoginBackoff,
    UserStandingCache,
    JwtCredentials,
    CredentialGate,
    // The caller is known before any guard runs (CredentialGate, an HTTP hook), so the rate limit goes first:
    // anonymous calls to protected operations spend their address's budget instead of costing nothing.
    { provide: APP_GUARD, useClass: RateLimitGuard },
    { provide: APP_GUARD, useClass: PlatformAuthGuard },
  ],
  exports: [UsersService, CredentialGate, PasswordHasher],
})
export class AuthModule {}

import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule } from '@nestjs/throttler';
import { APP_CONFIG, AppConfig, Principal, PLATFORM_SECRETS, PlatformSecrets, requestOf } from '@credit/common';
import { DepartmentsModule } from '@credit/departments';
import { ApiKeyStrategy } from './api-key.strategy';
import { PlatformAuthGuard } from './auth.guard';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { JWT_AUDIENCE, JWT_ISSUER } from './auth.tokens';
import { JwtStrategy } from './jwt.strategy';
import { RATE_LIMIT_WINDOW_MS, RateLimitGuard } from './rate-limit.guard';
import { UsersService } from './users.service';

@Module({
  imports: [
    PassportModule,
    DepartmentsModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG, PLATFORM_SECRETS],
      useFactory: (config: AppConfig, secrets: PlatformSecrets) => ({
        secret: secrets.jwtSecret,
        signOptions: { expiresIn: config.jwtTtlSeconds, issuer: JWT_ISSUER, audience: JWT_AUDIENCE, algorithm: 'HS256' },
      }),
    }),
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        setHeaders: false,
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
    JwtStrategy,
    ApiKeyStrategy,
    // Order matters: authenticate first, then rate-limit by who the caller turned out to be.
    { provide: APP_GUARD, useClass: PlatformAuthGuard },
    { provide: APP_GUARD, useClass: RateLimitGuard },
  ],
  exports: [UsersService],
})
export class AuthModule {}

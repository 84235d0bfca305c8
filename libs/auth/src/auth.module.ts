import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { APP_CONFIG, AppConfig, PLATFORM_SECRETS, PlatformSecrets } from '@credit/common';
import { DepartmentsModule } from '@credit/departments';
import { ApiKeyStrategy } from './api-key.strategy';
import { PlatformAuthGuard } from './auth.guard';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { JWT_AUDIENCE, JWT_ISSUER } from './auth.tokens';
import { JwtStrategy } from './jwt.strategy';
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
  ],
  providers: [AuthService, UsersService, AuthResolver, JwtStrategy, ApiKeyStrategy, { provide: APP_GUARD, useClass: PlatformAuthGuard }],
  exports: [UsersService],
})
export class AuthModule {}

import { DynamicModule, Global, Module } from '@nestjs/common';
import { AuditModule } from '@credit/audit';
import { APP_CONFIG, PLATFORM_SECRETS } from '@credit/common';
import { DatabaseModule } from '@credit/db';
import { ORM_ENTITIES } from './orm-entities';
import type { Runtime } from './runtime';

/** Configuration, secrets, database and audit: what every capability may inject, in every app. */
@Global()
@Module({})
export class CoreModule {
  static forRuntime(runtime: Pick<Runtime, 'config' | 'secrets' | 'databaseUrl'>, poolMax = 10): DynamicModule {
    return {
      module: CoreModule,
      imports: [DatabaseModule.forRoot(runtime.databaseUrl, ORM_ENTITIES, poolMax), AuditModule],
      providers: [
        { provide: APP_CONFIG, useValue: runtime.config },
        { provide: PLATFORM_SECRETS, useValue: runtime.secrets },
      ],
      exports: [APP_CONFIG, PLATFORM_SECRETS],
    };
  }
}

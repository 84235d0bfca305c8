import { DynamicModule, Global, Module } from '@nestjs/common';
import { AuditModule } from '@credit/audit';
import { APP_CONFIG, JobsModule, PLATFORM_SECRETS } from '@credit/common';
import { DatabaseModule } from '@credit/db';
import { ORM_ENTITIES } from './orm-entities';
import type { Runtime } from './runtime';

/** Configuration, secrets, database, audit and the job registry: what every capability may inject, in every app. */
@Global()
@Module({})
export class CoreModule {
  static forRuntime(runtime: Pick<Runtime, 'config' | 'secrets' | 'databaseUrl'>, options: { runJobs: boolean; poolMax?: number }): DynamicModule {
    return {
      module: CoreModule,
      imports: [DatabaseModule.forRoot(runtime.databaseUrl, ORM_ENTITIES, options.poolMax ?? 10), AuditModule, JobsModule.forRoot({ runJobs: options.runJobs })],
      providers: [
        { provide: APP_CONFIG, useValue: runtime.config },
        { provide: PLATFORM_SECRETS, useValue: runtime.secrets },
      ],
      exports: [APP_CONFIG, PLATFORM_SECRETS],
    };
  }
}

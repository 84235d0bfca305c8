import { DynamicModule, Global, Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import type { Options } from '@mikro-orm/postgresql';
import { Database, DATABASE_URL } from './database';
import { createOrmConfig } from './orm-config';

/** MikroORM for ordinary CRUD and the plain pg pool for set-based paths, both on one database URL. */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(url: string, entities: Options['entities'], poolMax = 10): DynamicModule {
    return {
      module: DatabaseModule,
      // No per-request context: every service forks its own EntityManager (this.orm.em.fork()) for its unit of work,
      // and allowGlobalContext: false refuses any use of the global one. The context the middleware forked for every
      // request, public searches included, was never read: ~0.09 ms of a cached search's ~0.8 ms of API CPU.
      imports: [MikroOrmModule.forRoot({ ...createOrmConfig(url, entities, poolMax), registerRequestContext: false })],
      providers: [
        { provide: DATABASE_URL, useValue: url },
        { provide: Database, useFactory: () => new Database(url, poolMax) },
      ],
      exports: [DATABASE_URL, Database],
    };
  }
}

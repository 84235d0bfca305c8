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
      imports: [MikroOrmModule.forRoot({ ...createOrmConfig(url, entities, poolMax), registerRequestContext: true })],
      providers: [
        { provide: DATABASE_URL, useValue: url },
        { provide: Database, useFactory: () => new Database(url, poolMax) },
      ],
      exports: [DATABASE_URL, Database],
    };
  }
}

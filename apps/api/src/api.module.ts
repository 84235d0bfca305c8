import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { AuthModule } from '@credit/auth';
import { CoreModule, Runtime } from '@credit/bootstrap';
import { GraphqlExceptionFilter } from '@credit/common';
import { DepartmentsModule } from '@credit/departments';
import { PenaltiesModule } from '@credit/penalties';
import { SubjectsModule } from '@credit/subjects';
import { graphqlOptions } from './graphql.config';
import { HealthController } from './health.controller';

/** The API process: wires the capabilities, nothing else. */
@Module({})
export class ApiModule {
  static forRuntime(runtime: Pick<Runtime, 'config' | 'secrets' | 'databaseUrl'>): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        CoreModule.forRuntime(runtime),
        GraphQLModule.forRoot(graphqlOptions(runtime.config)),
        AuthModule,
        DepartmentsModule,
        SubjectsModule,
        PenaltiesModule,
      ],
      controllers: [HealthController],
      providers: [{ provide: APP_FILTER, useClass: GraphqlExceptionFilter }],
    };
  }
}

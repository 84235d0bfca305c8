import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { CAPABILITY_MODULES, CoreModule, Runtime } from '@credit/bootstrap';
import { GraphqlExceptionFilter } from '@credit/common';
import { PortalModule } from '@credit/portal';
import { graphqlOptions } from './graphql.config';
import { HealthController } from './health.controller';
import { OperationalSignals } from './operational-signals';

/** The API process: wires the capabilities, nothing else. */
@Module({})
export class ApiModule {
  static forRuntime(runtime: Pick<Runtime, 'config' | 'secrets' | 'databaseUrl'>): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        // With `npm start` the API also runs the background jobs; production runs them in apps/worker.
        CoreModule.forRuntime(runtime, { runJobs: runtime.config.runWorkerInProcess }),
        GraphQLModule.forRoot(graphqlOptions(runtime.config)),
        ...CAPABILITY_MODULES,
        // The public website (信用信息公示) at /: served by the API process only, never by the worker.
        PortalModule,
      ],
      controllers: [HealthController],
      providers: [{ provide: APP_FILTER, useClass: GraphqlExceptionFilter }, OperationalSignals],
    };
  }
}

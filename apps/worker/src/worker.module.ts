import { DynamicModule, Module } from '@nestjs/common';
import { CAPABILITY_MODULES, CoreModule, Runtime } from '@credit/bootstrap';

/** The worker process: the same capabilities, no HTTP; it runs their registered jobs. */
@Module({})
export class WorkerModule {
  static forRuntime(runtime: Pick<Runtime, 'config' | 'secrets' | 'databaseUrl'>): DynamicModule {
    return { module: WorkerModule, imports: [CoreModule.forRuntime(runtime, { runJobs: true, poolMax: 5 }), ...CAPABILITY_MODULES] };
  }
}

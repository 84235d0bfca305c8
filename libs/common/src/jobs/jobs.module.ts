import { DynamicModule, Global, Module } from '@nestjs/common';
import { JobRegistry, JobRunner } from './job-registry';

/** The registry is always there (capabilities register into it); the runner only where jobs should run. */
@Global()
@Module({})
export class JobsModule {
  static forRoot(options: { runJobs: boolean }): DynamicModule {
    return {
      module: JobsModule,
      providers: [JobRegistry, ...(options.runJobs ? [JobRunner] : [])],
      exports: [JobRegistry],
    };
  }
}

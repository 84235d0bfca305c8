import { DynamicModule, Global, Module } from '@nestjs/common';
import { Observability } from '../observability/observability';
import { JobRegistry, JobRunner } from './job-registry';

/**
 * Registries every capability registers into (jobs, gauges, readiness checks); the job runner only in the
 * process that should run jobs.
 */
@Global()
@Module({})
export class JobsModule {
  static forRoot(options: { runJobs: boolean }): DynamicModule {
    return {
      module: JobsModule,
      providers: [JobRegistry, Observability, ...(options.runJobs ? [JobRunner] : [])],
      exports: [JobRegistry, Observability],
    };
  }
}

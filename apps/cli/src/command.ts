import type { INestApplicationContext } from '@nestjs/common';
import type { Runtime } from '@credit/bootstrap';

export interface CliContext {
  runtime: Runtime;
  /** A Nest application context with every capability (no HTTP, no jobs), created on first use. */
  app(): Promise<INestApplicationContext>;
  out(line: string): void;
}

export interface CliCommand {
  name: string;
  usage: string;
  description: string;
  run(context: CliContext, args: string[]): Promise<number | void>;
}

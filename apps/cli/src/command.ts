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
  /** The longer text `<command> --help` prints under the usage line (options, exit codes); the description if absent. */
  help?: string;
  /** Maintenance that re-creates or renames tables: runs as the owner role (MIGRATION_DATABASE_URL / embedded owner). */
  asOwner?: boolean;
  run(context: CliContext, args: string[]): Promise<number | void>;
}

/** A record id as the API returns it (a positive bigint in decimal), for commands that take ids as arguments. */
export function isRecordId(arg: string): boolean {
  return /^[1-9]\d{0,18}$/.test(arg);
}

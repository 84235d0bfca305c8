// `npm run cli -- <command> [options]`: admin commands on the same runtime as the API (embedded PostgreSQL in
// DATA_DIR, joined if the API is running, or DATABASE_URL).
import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CAPABILITY_MODULES, CoreModule, prepareRuntime } from '@credit/bootstrap';
import { ConfigError, DomainError } from '@credit/common';
import type { CliCommand, CliContext } from './command';
import { COMMANDS } from './commands';

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    printHelp(COMMANDS);
    return name && name !== 'help' && name !== '--help' ? 2 : 0;
  }
  // Help needs no database: answered before the runtime (and an embedded PostgreSQL) is started.
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`usage: npm run cli -- ${command.usage}\n\n${command.help ?? command.description}\n`);
    return 0;
  }
  const runtime = await prepareRuntime({ log: (message) => process.stderr.write(`${message}\n`) });
  let app: INestApplicationContext | null = null;
  const context: CliContext = {
    runtime,
    out: (line) => process.stdout.write(`${line}\n`),
    app: async () => {
      if (!app) {
        const databaseUrl = command.asOwner ? runtime.ownerDatabaseUrl : runtime.databaseUrl;
        @Module({ imports: [CoreModule.forRuntime({ ...runtime, databaseUrl }, { runJobs: false, poolMax: 4 }), ...CAPABILITY_MODULES] })
        class CliModule {}
        app = await NestFactory.createApplicationContext(CliModule, { logger: ['error', 'warn'] });
      }
      return app;
    },
  };
  try {
    return (await command.run(context, args)) ?? 0;
  } catch (error) {
    // A refusal by the platform's rules (a bad region, an invalid calendar …) is an answer, not a crash.
    if (!(error instanceof DomainError)) throw error;
    context.out(`${error.code}: ${error.message}`);
    return 1;
  } finally {
    await (app as INestApplicationContext | null)?.close();
    await runtime.shutdown();
  }
}

function printHelp(commands: CliCommand[]): void {
  process.stdout.write('usage: npm run cli -- <command> [options]\n\ncommands:\n');
  for (const command of commands) process.stdout.write(`  ${command.usage.padEnd(48)} ${command.description}\n`);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`${error instanceof ConfigError ? error.message : error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exit(1);
  },
);

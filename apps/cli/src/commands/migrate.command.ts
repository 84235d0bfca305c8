import type { CliCommand } from '../command';

export const migrateCommand: CliCommand = {
  name: 'migrate',
  usage: 'migrate',
  description: 'Apply pending database migrations (npm start does this too).',
  async run(context) {
    // prepareRuntime already migrated; saying so is the whole command.
    context.out(`database is migrated (${context.runtime.embedded ? 'embedded PostgreSQL' : 'DATABASE_URL'})`);
  },
};

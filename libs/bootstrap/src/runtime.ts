// Everything a process needs before Nest starts: validated configuration, secrets, a database (the one in
// DATABASE_URL, or an embedded PostgreSQL in DATA_DIR) with migrations applied. Shared by api, worker and cli.
import { AppConfig, loadConfig, loadSecrets, PlatformSecrets } from '@credit/common';
import { APP_ROLE, migrateDatabase, roleOfUrl, startEmbeddedPostgres } from '@credit/db';
import { ORM_ENTITIES } from './orm-entities';

export interface Runtime {
  config: AppConfig;
  secrets: PlatformSecrets;
  /** The application role: what the platform's pools connect as. */
  databaseUrl: string;
  /** The owner role (migrations, maintenance that re-creates tables); equal to databaseUrl in the one-URL setup. */
  ownerDatabaseUrl: string;
  embedded: boolean;
  /** Stops what this process started (the embedded PostgreSQL); safe to call twice. */
  shutdown(): Promise<void>;
}

export interface RuntimeOptions {
  env?: Record<string, string | undefined>;
  migrate?: boolean;
  log?: (message: string) => void;
}

export async function prepareRuntime(options: RuntimeOptions = {}): Promise<Runtime> {
  const log = options.log ?? (() => undefined);
  const config = loadConfig(options.env);
  const secrets = loadSecrets(config.dataDir, options.env);
  let databaseUrl = config.databaseUrl;
  let ownerDatabaseUrl = config.migrationDatabaseUrl ?? config.databaseUrl;
  let appRole: string | undefined;
  let stopEmbedded: (() => Promise<void>) | null = null;
  if (databaseUrl === null) {
    const embedded = await startEmbeddedPostgres(config.dataDir, log);
    databaseUrl = embedded.url;
    ownerDatabaseUrl = embedded.ownerUrl;
    appRole = APP_ROLE;
    stopEmbedded = embedded.stop;
  } else if (config.migrationDatabaseUrl !== null) {
    appRole = roleOfUrl(databaseUrl);
  } else {
    log(
      'WARNING: only DATABASE_URL is set, so migrations and the platform share one role, which can rewrite the audit log ' +
        'and disable its trigger. Set MIGRATION_DATABASE_URL to the owner role and DATABASE_URL to an application role (docs/OPERATING-DATABASE.md).',
    );
  }
  if (options.migrate !== false) {
    const applied = await migrateDatabase(ownerDatabaseUrl as string, ORM_ENTITIES, { appRole });
    if (applied.length > 0) log(`applied migrations: ${applied.join(', ')}`);
  }
  let stopped = false;
  return {
    config,
    secrets,
    databaseUrl,
    ownerDatabaseUrl: ownerDatabaseUrl as string,
    embedded: stopEmbedded !== null,
    shutdown: async () => {
      if (stopped) return;
      stopped = true;
      await stopEmbedded?.();
    },
  };
}

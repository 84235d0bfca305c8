// Everything a process needs before Nest starts: validated configuration, secrets, a database (the one in
// DATABASE_URL, or an embedded PostgreSQL in DATA_DIR) with migrations applied. Shared by api, worker and cli.
import { AppConfig, loadConfig, loadSecrets, PlatformSecrets } from '@credit/common';
import { migrateDatabase, startEmbeddedPostgres } from '@credit/db';
import { ORM_ENTITIES } from './orm-entities';

export interface Runtime {
  config: AppConfig;
  secrets: PlatformSecrets;
  databaseUrl: string;
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
  let stopEmbedded: (() => Promise<void>) | null = null;
  if (databaseUrl === null) {
    const embedded = await startEmbeddedPostgres(config.dataDir, log);
    databaseUrl = embedded.url;
    stopEmbedded = embedded.stop;
  }
  if (options.migrate !== false) {
    const applied = await migrateDatabase(databaseUrl, ORM_ENTITIES);
    if (applied.length > 0) log(`applied migrations: ${applied.join(', ')}`);
  }
  let stopped = false;
  return {
    config,
    secrets,
    databaseUrl,
    embedded: stopEmbedded !== null,
    shutdown: async () => {
      if (stopped) return;
      stopped = true;
      await stopEmbedded?.();
    },
  };
}

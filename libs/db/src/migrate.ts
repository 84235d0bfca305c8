import { MikroORM } from '@mikro-orm/postgresql';
import type { Options } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { grantApplicationRole } from './database-roles';
import { createOrmConfig } from './orm-config';

const MIGRATION_LOCK = 7_300_002;

export interface MigrateOptions {
  /** The role the platform runs as: granted its privileges (database-roles.ts) after the migrations, by `url`'s role. */
  appRole?: string;
}

/**
 * Applies pending migrations; returns the names applied. Runs before the API serves, never in module init.
 * Several replicas starting at once take turns on an advisory lock, so each migration runs exactly once.
 */
export async function migrateDatabase(url: string, entities: Options['entities'], options: MigrateOptions = {}): Promise<string[]> {
  const lock = new Client({ connectionString: url });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const orm = await MikroORM.init(createOrmConfig(url, entities, 2));
    let applied: string[];
    try {
      applied = (await orm.getMigrator().up()).map((migration) => migration.name);
    } finally {
      await orm.close(true);
    }
    if (options.appRole) await grantApplicationRole(lock, options.appRole);
    return applied;
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await lock.end();
  }
}

/** The user name in a postgres:// URL (the role a pool on it logs in as). */
export function roleOfUrl(url: string): string {
  return decodeURIComponent(new URL(url).username);
}

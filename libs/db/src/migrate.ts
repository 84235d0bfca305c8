import { MikroORM } from '@mikro-orm/postgresql';
import type { Options } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { createOrmConfig } from './orm-config';

const MIGRATION_LOCK = 7_300_002;

/**
 * Applies pending migrations; returns the names applied. Runs before the API serves, never in module init.
 * Several replicas starting at once take turns on an advisory lock, so each migration runs exactly once.
 */
export async function migrateDatabase(url: string, entities: Options['entities']): Promise<string[]> {
  const lock = new Client({ connectionString: url });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const orm = await MikroORM.init(createOrmConfig(url, entities, 2));
    try {
      const applied = await orm.getMigrator().up();
      return applied.map((migration) => migration.name);
    } finally {
      await orm.close(true);
    }
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await lock.end();
  }
}

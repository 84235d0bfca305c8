import { MikroORM } from '@mikro-orm/postgresql';
import type { Options } from '@mikro-orm/postgresql';
import { createOrmConfig } from './orm-config';

/** Applies pending migrations; returns the names applied. Runs before the API serves, never in module init. */
export async function migrateDatabase(url: string, entities: Options['entities']): Promise<string[]> {
  const orm = await MikroORM.init(createOrmConfig(url, entities, 2));
  try {
    const applied = await orm.getMigrator().up();
    return applied.map((migration) => migration.name);
  } finally {
    await orm.close(true);
  }
}

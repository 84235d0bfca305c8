import { defineConfig, Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { migrationsList } from './migrations';

export const MIGRATIONS_PATH = 'libs/db/src/migrations';

/**
 * Entities are listed explicitly (folder discovery is unreliable under jest/swc) and passed in by the
 * composition root, so this library does not depend on the features above it.
 */
export function createOrmConfig(clientUrl: string, entities: Options['entities'], poolMax = 10): Options {
  return defineConfig({
    clientUrl,
    entities,
    extensions: [Migrator],
    pool: { min: 0, max: poolMax },
    discovery: { warnWhenNoEntities: false },
    allowGlobalContext: false,
    migrations: {
      migrationsList,
      path: MIGRATIONS_PATH,
      pathTs: MIGRATIONS_PATH,
      emit: 'ts',
      snapshot: false,
      transactional: true,
      allOrNothing: true,
      // Tables and indexes that entities cannot express are created in hand-written migrations; never drop them.
      dropTables: false,
      // Applied migrations are logged once by the caller (prepareRuntime), not line by line.
      silent: true,
    },
  });
}

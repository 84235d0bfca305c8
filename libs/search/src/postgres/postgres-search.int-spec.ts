import { Database } from '@credit/db';
import { createTestDatabase, TestDatabase } from '@credit/testing';
import { searchIndexContract } from '../search-index.contract';
import { PostgresSearchIndex, searchReaderUrl } from './postgres-search.index';

// The default backend: always runs, against a real PostgreSQL database cloned from the migrated template.
searchIndexContract('PostgreSQL', async () => {
  const database: TestDatabase = await createTestDatabase();
  const db = new Database(database.url, 4);
  const reader = new Database(searchReaderUrl(database.url), 2);
  return {
    index: new PostgresSearchIndex(db, reader),
    cleanup: async () => {
      await reader.close();
      await db.close();
      await database.drop();
    },
  };
});

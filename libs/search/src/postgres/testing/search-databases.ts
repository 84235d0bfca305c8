// For the PostgreSQL search's integration tests: a fresh database with the two pools the API opens on it, the
// writer and the search readers (searchReaderUrl's session settings), and one teardown for the three.
import { Database } from '@credit/db';
import { createTestDatabase } from '@credit/testing';
import { searchReaderUrl } from '../postgres-search.index';

export interface SearchDatabases {
  db: Database;
  reader: Database;
  close(): Promise<void>;
}

export async function openSearchDatabases(readerConnections = 2): Promise<SearchDatabases> {
  const database = await createTestDatabase();
  const db = new Database(database.url, 2);
  const reader = new Database(searchReaderUrl(database.url), readerConnections);
  return {
    db,
    reader,
    close: async () => {
      await reader.close();
      await db.close();
      await database.drop();
    },
  };
}

/**
 * The suite's search databases, opened before its first test and closed after its last (jest's beforeAll and
 * afterAll, registered by this call inside a `describe`): read `db` and `reader` from the object within tests.
 */
export function searchDatabasesOfSuite(readerConnections = 2): Pick<SearchDatabases, 'db' | 'reader'> {
  const suite = {} as Pick<SearchDatabases, 'db' | 'reader'>;
  let databases: SearchDatabases | null = null;
  beforeAll(async () => {
    databases = await openSearchDatabases(readerConnections);
    Object.assign(suite, { db: databases.db, reader: databases.reader });
  });
  afterAll(() => databases?.close());
  return suite;
}

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

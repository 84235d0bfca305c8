// Applies all migrations to the database at the given URL (used by the test globalSetup for the template).
import { migrateDatabase } from '@credit/db';
import { ORM_ENTITIES } from '@credit/bootstrap';

async function main(): Promise<void> {
  const url = process.argv[2];
  if (!url) throw new Error('usage: tools/migrate.ts <postgres url>');
  await migrateDatabase(url, ORM_ENTITIES);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

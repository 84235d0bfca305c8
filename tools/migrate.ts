// Applies all migrations to the database at the given URL (used by the test globalSetup for the template). With
// a role and password, also creates that login role (when missing; needs a superuser URL) and grants it the
// application role's privileges, as `npm start` does for credit_app.
import { Client } from 'pg';
import { ensureLoginRole, migrateDatabase } from '@credit/db';
import { ORM_ENTITIES } from '@credit/bootstrap';

async function main(): Promise<void> {
  const [url, appRole, appPassword] = process.argv.slice(2);
  if (!url) throw new Error('usage: tools/migrate.ts <postgres url> [<application role> <its password>]');
  if (appRole) {
    const admin = new Client({ connectionString: url });
    await admin.connect();
    try {
      // Roles are cluster-wide and other runs may share the cluster: create, never re-password.
      await ensureLoginRole(admin, appRole, appPassword ?? '', { resetExisting: false });
    } finally {
      await admin.end();
    }
  }
  await migrateDatabase(url, ORM_ENTITIES, { appRole });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

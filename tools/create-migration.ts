// `npm run migration:create [-- --blank] [-- name]`: diffs the entities against a scratch database that has
// every committed migration applied, writes the new migration and registers it in migrations/index.ts.
// Uses TEST_DATABASE_URL when set, else a throwaway embedded PostgreSQL.
import fs from 'node:fs';
import path from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { ORM_ENTITIES } from '@credit/bootstrap';
import { createOrmConfig, MIGRATIONS_PATH } from '@credit/db';

const importEsm = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<any>;

async function main(): Promise<void> {
  const blank = process.argv.includes('--blank');
  const provider = await (await importEsm(path.resolve('test/support/pg-provider.mjs'))).startProvider();
  const scratch = `credit_scratch_${process.pid}`;
  const admin = new Client({ connectionString: provider.adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${scratch}`);
  const url = new URL(provider.adminUrl);
  url.pathname = `/${scratch}`;
  const orm = await MikroORM.init(createOrmConfig(url.toString(), ORM_ENTITIES, 2));
  try {
    await orm.getMigrator().up();
    const result = await orm.getMigrator().createMigration(MIGRATIONS_PATH, blank);
    if (!result.fileName) {
      console.log('No changes: the entities match the migrations.');
      return;
    }
    const className = result.fileName.replace(/\.ts$/, '');
    const indexFile = path.join(MIGRATIONS_PATH, 'index.ts');
    const index = fs.readFileSync(indexFile, 'utf8')
      .replace(/(\nexport const migrationsList)/, `import { ${className} } from './${className}';\n$1`)
      .replace(/\];\s*$/, `  { name: '${className}', class: ${className} },\n];\n`);
    fs.writeFileSync(indexFile, index);
    console.log(`Wrote ${path.join(MIGRATIONS_PATH, result.fileName)} and registered it.`);
  } finally {
    await orm.close(true);
    await admin.query(`DROP DATABASE ${scratch} WITH (FORCE)`);
    await admin.end();
    await provider.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

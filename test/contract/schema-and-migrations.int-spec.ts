// The committed contracts must match the code: schema.graphql is what the code-first build generates, and the
// committed migrations create exactly the schema the entities describe.
import fs from 'node:fs';
import path from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { MikroORM } from '@mikro-orm/postgresql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { ORM_ENTITIES } from '@credit/bootstrap';
import { createOrmConfig } from '@credit/db';
import { createTestApp, createTestDatabase } from '@credit/testing';

const SCHEMA_FILE = path.resolve(__dirname, '../../schema.graphql');

export function printCurrentSchema(host: GraphQLSchemaHost): string {
  return `${printSchema(lexicographicSortSchema(host.schema))}\n`;
}

describe('committed contracts', () => {
  it('schema.graphql equals the schema generated from the code (run `npm run schema:generate` after changing resolvers)', async () => {
    const t = await createTestApp();
    try {
      const generated = printCurrentSchema(t.app.get(GraphQLSchemaHost));
      const committed = fs.existsSync(SCHEMA_FILE) ? fs.readFileSync(SCHEMA_FILE, 'utf8') : '';
      expect(committed).toBe(generated);
    } finally {
      await t.close();
    }
  });

  it('the migrations leave nothing for the entities to change (run `npm run migration:create` after changing entities)', async () => {
    const database = await createTestDatabase();
    const orm = await MikroORM.init(createOrmConfig(database.url, ORM_ENTITIES, 2));
    try {
      const pending = await orm.getMigrator().checkMigrationNeeded();
      const diff = pending ? await orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false, safe: true, dropTables: false }) : '';
      expect(diff).toBe('');
    } finally {
      await orm.close(true);
      await database.drop();
    }
  });
});

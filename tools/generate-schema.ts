// `npm run schema:generate`: writes schema.graphql from the code-first resolvers (the same printing the
// contract test compares against). Boots the API module against the configured or embedded database.
import fs from 'node:fs';
import path from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import pino from 'pino';
import { prepareRuntime } from '@credit/bootstrap';
import { createApi } from '../apps/api/src/create-api';

async function main(): Promise<void> {
  const runtime = await prepareRuntime();
  const app = await createApi(runtime, pino({ level: 'warn' }));
  try {
    await app.init();
    const schema = `${printSchema(lexicographicSortSchema(app.get(GraphQLSchemaHost).schema))}\n`;
    fs.writeFileSync(path.resolve('schema.graphql'), schema);
    console.log(`wrote schema.graphql (${schema.split('\n').length} lines)`);
  } finally {
    await app.close();
    await runtime.shutdown();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

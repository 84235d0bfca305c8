// Set-based hot paths (ingest, tier recomputation, outbox, audit) speak SQL with $n placeholders to a
// transaction. Two executors provide it: a pg client (ingest transactions) and a MikroORM EntityManager inside
// em.transactional() (ordinary CRUD that must audit in the same transaction).
import type { EntityManager } from '@mikro-orm/postgresql';
import type { PoolClient, QueryResultRow } from 'pg';

export interface SqlExecutor {
  query<T extends QueryResultRow = QueryResultRow>(sql: string, params?: unknown[]): Promise<T[]>;
}

export function pgExecutor(client: PoolClient): SqlExecutor {
  return {
    async query<T extends QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
      return (await client.query<T>(sql, params)).rows;
    },
  };
}

/**
 * Runs $n SQL through MikroORM's connection in the EntityManager's transaction. Knex binds `?` and expands
 * arrays into lists, so $n becomes `?` in order and array or object values travel as JSON text
 * (callers cast them, e.g. `$1::jsonb`); keep `?` operators out of SQL that goes through here.
 */
export function emExecutor(em: EntityManager): SqlExecutor {
  return {
    async query<T extends QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
      const ordered: unknown[] = [];
      const text = sql.replace(/\$(\d+)/g, (_, index: string) => {
        const value = params[Number(index) - 1];
        ordered.push(Array.isArray(value) || (typeof value === 'object' && value !== null && !(value instanceof Date) && !Buffer.isBuffer(value)) ? JSON.stringify(value) : value);
        return '?';
      });
      return (await em.getConnection().execute(text, ordered, 'all', em.getTransactionContext())) as T[];
    },
  };
}

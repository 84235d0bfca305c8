// Set-based hot paths (ingest, tier recomputation, outbox, audit) speak SQL with $n placeholders to a
// transaction. Two executors provide it: a pg client (ingest transactions) and a MikroORM EntityManager inside
// em.transactional() (ordinary CRUD that must audit in the same transaction).
import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { PoolClient, QueryConfig, QueryResultRow } from 'pg';

export interface SqlExecutor {
  /**
   * `statementName`, for a large statement run often with other parameters: a pg connection prepares the text
   * once under that name and reuses it, so after five custom plans PostgreSQL may keep a generic one instead of
   * planning every call. The name must be unique to the text (preparedStatementName). Executors that cannot
   * prepare (MikroORM's) run the text as usual.
   */
  query<T extends QueryResultRow = QueryResultRow>(sql: string, params?: unknown[], statementName?: string): Promise<T[]>;
}

export function pgExecutor(client: PoolClient): SqlExecutor {
  return {
    async query<T extends QueryResultRow>(sql: string, params: unknown[] = [], statementName?: string): Promise<T[]> {
      return (await client.query<T>(queryConfig(sql, params, statementName))).rows;
    },
  };
}

/** What a pg client or pool is given: named (prepared on each connection) when a statement name comes with it. */
export function queryConfig(sql: string, params: unknown[], statementName?: string): QueryConfig {
  return statementName ? { name: statementName, text: sql, values: params } : { text: sql, values: params };
}

/**
 * A statement name derived from the text: pg refuses a name it has prepared with another text on the same
 * connection, and two texts (two rule sets, say) must never share a plan.
 */
export function preparedStatementName(prefix: string, sql: string): string {
  return `${prefix}_${createHash('sha256').update(sql).digest('hex').slice(0, 16)}`;
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

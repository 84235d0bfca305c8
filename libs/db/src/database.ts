// A plain pg pool for the set-based paths. It sits beside MikroORM's own pool on purpose: ingest and
// recomputation need explicit transactions over raw SQL and arrays bound as arrays (unnest), which the unit of
// work does not offer (it formats every row into SQL text, ~4× slower here).
import { Pool, PoolClient, QueryResultRow } from 'pg';
import { retry } from '@credit/common';
import { pgExecutor, queryConfig, SqlExecutor } from './sql-executor';

export const DATABASE_URL = Symbol('DATABASE_URL');

export class Database {
  readonly pool: Pool;

  /** `maxUses`, `maxLifetimeSeconds`: a connection is replaced after that many checkouts or that long (what it prepared goes with it). */
  constructor(url: string, max = 10, options: { maxUses?: number; maxLifetimeSeconds?: number } = {}) {
    this.pool = new Pool({ connectionString: url, max, application_name: 'credit-platform', ...options });
    // An idle client that loses its server must not crash the process; the next checkout reconnects.
    this.pool.on('error', () => undefined);
  }

  async query<T extends QueryResultRow = QueryResultRow>(sql: string, params: unknown[] = [], statementName?: string): Promise<T[]> {
    return (await this.pool.query<T>(queryConfig(sql, params, statementName))).rows;
  }

  /**
   * Runs fn in one transaction; a serialization failure or deadlock (two pushes of the same records racing)
   * retries the whole function, so callers must keep fn free of side effects outside the database.
   */
  async transaction<T>(fn: (sql: SqlExecutor, client: PoolClient) => Promise<T>, attempts = 5): Promise<T> {
    // A failure on a connection that broke is not retried: the server is gone, not busy.
    const onBrokenConnection = new WeakSet<object>();
    return retry(() => this.transactionOnce(fn, onBrokenConnection), {
      attempts,
      retryable: (error) => !onBrokenConnection.has(error as object) && isTransactionConflict(error),
    });
  }

  private async transactionOnce<T>(fn: (sql: SqlExecutor, client: PoolClient) => Promise<T>, onBrokenConnection: WeakSet<object>): Promise<T> {
    const client = await this.pool.connect();
    // A checked-out client whose server goes away emits 'error'; the failing query reports it to the caller.
    let broken = false;
    const onError = () => (broken = true);
    client.on('error', onError);
    try {
      await client.query('BEGIN');
      const result = await fn(pgExecutor(client), client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      if (!broken) await client.query('ROLLBACK').catch(() => (broken = true));
      if (broken && typeof error === 'object' && error !== null) onBrokenConnection.add(error);
      throw error;
    } finally {
      client.off('error', onError);
      client.release(broken); // a broken connection is discarded, not returned to the pool
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** unique_violation (23505), of `constraint` when one is named: a row another transaction committed first. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const failed = (error ?? {}) as { code?: string; constraint?: string };
  return failed.code === '23505' && (constraint === undefined || failed.constraint === constraint);
}

/** A serialization failure (40001) or deadlock (40P01): running the whole transaction again may succeed. */
export function isTransactionConflict(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === '40001' || code === '40P01';
}

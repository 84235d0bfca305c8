// The COPY side of bench/ingest: finds every table the pushes wrote (row count grew), dumps exactly the rows
// they produced (binary COPY TO), empties those tables, and times COPY FROM of all of them in one transaction.
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { Client } from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { cpuSecondsOf } from '../support/process-cpu';

// Set up before the push (departments, their API keys, the admin user), not written by it.
const NOT_PUSH_TABLES = new Set(['departments', 'department_api_keys', 'users', 'mikro_orm_migrations']);
const APPEND_ONLY_TRIGGER = 'audit_log_no_truncate';
const COPY_RUNS = Number(process.env.BENCH_COPY_RUNS ?? 3);

export interface PushMark {
  /** Exact row count of every ordinary table in the public schema. */
  counts: Map<string, number>;
  /** A transaction id taken just before the push: rows whose xmin is later were written (or last rewritten) by it. */
  xid: bigint;
  /** WAL position before the push. */
  lsn: string;
}

export interface CopyBaseline {
  /** The median of the timed runs. */
  seconds: number;
  allSeconds: number[];
  /** CPU of the PostgreSQL backend during the median run (null unless PostgreSQL runs here). */
  cpuSeconds: number | null;
  /** Rows COPYed per table, in COPY order, and the seconds each COPY took (foreign keys and indexes included). */
  tables: { table: string; rows: number; seconds: number }[];
  totalRows: number;
  /** WAL bytes the server wrote during the push and during the COPY (the whole server: approximate on a shared one). */
  walBytes: { push: number; copy: number };
}

/** Row counts of every table and the current transaction id, taken before the push. */
export async function markBeforePush(url: string): Promise<PushMark> {
  return withClient(url, async (client) => {
    const counts = await countAll(client);
    await client.query('CHECKPOINT');
    const [{ xid, lsn }] = (await client.query<{ xid: string; lsn: string }>('SELECT txid_current()::text AS xid, pg_current_wal_lsn()::text AS lsn')).rows;
    return { counts, xid: BigInt(xid), lsn };
  });
}

export async function copySameRows(url: string, mark: PushMark): Promise<CopyBaseline> {
  return withClient(url, async (client) => {
    const pushWal = await walSince(client, mark.lsn);
    const after = await countAll(client);
    const grown = [...after].filter(([table, n]) => !NOT_PUSH_TABLES.has(table) && n > (mark.counts.get(table) ?? 0)).map(([table]) => table);
    const tables = await foreignKeyOrder(client, grown);
    // xmin is the 32-bit xid; a fresh bench database does not wrap around during one run, but check.
    const [{ now }] = (await client.query<{ now: string }>('SELECT txid_current()::text AS now')).rows;
    const low = mark.xid % 2n ** 32n;
    if (BigInt(now) / 2n ** 32n !== mark.xid / 2n ** 32n) throw new Error('transaction ids wrapped around during the push; run again');
    const pushed = new Map<string, Buffer>();
    const kept = new Map<string, Buffer>();
    for (const table of tables) {
      pushed.set(table, await dump(client, `SELECT * FROM ${table} WHERE xmin::text::bigint > ${low}`));
      kept.set(table, await dump(client, `SELECT * FROM ${table} WHERE xmin::text::bigint <= ${low}`));
    }
    // COPY is short next to the push, so a burst of other load on a shared machine skews it more: it runs
    // COPY_RUNS times (emptied and refilled each time) and the median run counts.
    const runs: CopyRun[] = [];
    for (let run = 0; run < COPY_RUNS; run++) {
      await empty(client, tables, kept, mark, after);
      runs.push(await timedCopy(client, tables, pushed));
      const refilled = await countAll(client);
      for (const table of tables) {
        if (refilled.get(table) !== after.get(table)) throw new Error(`${table}: ${after.get(table)} rows after the push but ${refilled.get(table)} after COPY`);
      }
    }
    const median = [...runs].sort((x, y) => x.seconds - y.seconds)[Math.floor(runs.length / 2)];
    const out = tables.map((table) => ({ table, rows: (after.get(table) ?? 0) - (mark.counts.get(table) ?? 0), seconds: median.tableSeconds.get(table) as number }));
    return {
      seconds: median.seconds, allSeconds: runs.map((r) => r.seconds), cpuSeconds: median.cpuSeconds, tables: out,
      totalRows: out.reduce((sum, t) => sum + t.rows, 0), walBytes: { push: pushWal, copy: median.walBytes },
    };
  });
}

interface CopyRun {
  seconds: number;
  tableSeconds: Map<string, number>;
  cpuSeconds: number | null;
  walBytes: number;
}

/** Empties the tables (the append-only trigger off for that TRUNCATE only) and puts back the rows from before the push. */
async function empty(client: Client, tables: string[], kept: Map<string, Buffer>, mark: PushMark, after: Map<string, number>): Promise<void> {
  await client.query('BEGIN');
  await client.query(`ALTER TABLE audit_log DISABLE TRIGGER ${APPEND_ONLY_TRIGGER}`);
  await client.query(`TRUNCATE ${tables.join(', ')} CASCADE`);
  await client.query(`ALTER TABLE audit_log ENABLE TRIGGER ${APPEND_ONLY_TRIGGER}`);
  // Rows that were there before the push (e.g. the audit rows of creating the departments) go back untimed.
  for (const table of tables) await load(client, table, kept.get(table) as Buffer);
  await client.query('COMMIT');
  const emptied = await countAll(client);
  for (const [table, n] of emptied) {
    const expected = tables.includes(table) ? (mark.counts.get(table) ?? 0) : after.get(table);
    if (n !== expected) throw new Error(`TRUNCATE … CASCADE reached ${table} (${after.get(table)} → ${n} rows); the baseline would not be comparable`);
  }
  await client.query('VACUUM ANALYZE');
  await client.query('CHECKPOINT');
}

/** COPY FROM of every table's pushed rows in one transaction, referenced tables first. */
async function timedCopy(client: Client, tables: string[], pushed: Map<string, Buffer>): Promise<CopyRun> {
  const [{ lsn, pid }] = (await client.query<{ lsn: string; pid: number }>('SELECT pg_current_wal_lsn()::text AS lsn, pg_backend_pid() AS pid')).rows;
  const cpuBefore = cpuSecondsOf(pid);
  const started = process.hrtime.bigint();
  const tableSeconds = new Map<string, number>();
  await client.query('BEGIN');
  for (const table of tables) {
    const tableStarted = process.hrtime.bigint();
    await load(client, table, pushed.get(table) as Buffer);
    tableSeconds.set(table, Number(process.hrtime.bigint() - tableStarted) / 1e9);
  }
  await client.query('COMMIT');
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpuAfter = cpuSecondsOf(pid);
  const cpuSeconds = cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore;
  return { seconds, tableSeconds, cpuSeconds, walBytes: await walSince(client, lsn) };
}

async function withClient<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * CPU time of the server's PostgreSQL backends (the application's pool sessions), read from /proc: only when
 * PostgreSQL runs on this machine and /proc is readable; otherwise null.
 */
export class BackendCpu {
  private readonly before = new Map<number, number>();

  constructor(private readonly url: string) {}

  async start(): Promise<void> {
    for (const pid of await this.pids()) this.before.set(pid, cpuSecondsOf(pid) ?? 0);
  }

  /** Seconds used since start() by the backends alive now (the pool keeps its sessions while the push runs). */
  async seconds(): Promise<number | null> {
    let total = 0;
    for (const pid of await this.pids()) {
      const now = cpuSecondsOf(pid);
      if (now === null) return null;
      total += now - (this.before.get(pid) ?? 0);
    }
    return total;
  }

  private async pids(): Promise<number[]> {
    return withClient(this.url, async (client) =>
      (await client.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'credit-platform'`)).rows.map((row) => row.pid),
    );
  }
}


async function walSince(client: Client, lsn: string): Promise<number> {
  const [{ bytes }] = (await client.query<{ bytes: string }>('SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), $1::pg_lsn)::bigint::text AS bytes', [lsn])).rows;
  return Number(bytes);
}

async function countAll(client: Client): Promise<Map<string, number>> {
  const { rows } = await client.query<{ table: string }>(
    `SELECT c.relname AS table FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY c.relname`,
  );
  const counts = new Map<string, number>();
  for (const { table } of rows) {
    const [{ n }] = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows;
    counts.set(table, n);
  }
  return counts;
}

/** The tables, referenced ones first, so COPY can refill them with every foreign key checked. */
async function foreignKeyOrder(client: Client, tables: string[]): Promise<string[]> {
  const { rows } = await client.query<{ child: string; parent: string }>(
    `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent
       FROM pg_constraint c WHERE c.contype = 'f' AND c.conrelid <> c.confrelid`,
  );
  const ordered: string[] = [];
  const visit = (table: string, path: Set<string>): void => {
    if (ordered.includes(table) || path.has(table)) return;
    path.add(table);
    for (const edge of rows) if (edge.child === table && tables.includes(edge.parent)) visit(edge.parent, path);
    ordered.push(table);
  };
  for (const table of [...tables].sort()) visit(table, new Set());
  return ordered;
}

async function dump(client: Client, select: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of client.query(copyTo(`COPY (${select}) TO STDOUT (FORMAT binary)`))) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function load(client: Client, table: string, data: Buffer): Promise<void> {
  await pipeline(Readable.from([data]), client.query(copyFrom(`COPY ${table} FROM STDIN (FORMAT binary)`)));
}

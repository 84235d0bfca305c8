// Appends to the hash-chained audit log inside the caller's transaction. The chain needs a total order, so
// appends take a transaction-scoped advisory lock; callers append as the last step before commit to keep
// the time the lock is held short.
import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { SqlExecutor } from '@credit/db';

export type ActorType = 'USER' | 'DEPARTMENT' | 'SYSTEM';

export interface Actor {
  type: ActorType;
  id: string | null;
  name: string | null;
}

export interface AuditRecordInput {
  action: string;
  targetType: string;
  targetId: string;
  beforeHash?: string | null;
  afterHash?: string | null;
  details?: Record<string, unknown> | null;
}

export const GENESIS_HASH = '0'.repeat(64);
const AUDIT_CHAIN_LOCK = 7_300_001;

export const SYSTEM_ACTOR: Actor = { type: 'SYSTEM', id: null, name: 'system' };

/** JSON with object keys sorted at every level: jsonb reorders keys, and the hash must survive the round trip. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** SHA-256 (hex) of any JSON-able content: the before/after hashes the audit log records. */
export function contentHash(content: unknown): string {
  return createHash('sha256').update(typeof content === 'string' ? content : stableJson(content)).digest('hex');
}

/** Hash scheme of new rows; `audit:verify` still checks rows of older schemes with their own (auditRowHash). */
export const AUDIT_HASH_VERSION = 2;

/** Everything a row holds except its own hash (row_hash) and the number of its hash scheme. */
export interface AuditRowContent {
  id: string;
  occurredAt: string;
  actorType: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  targetType: string;
  targetId: string;
  beforeHash: string | null;
  afterHash: string | null;
  details: unknown;
}

/**
 * The hash that chains row n to row n−1; `audit:verify` recomputes exactly this. Scheme 2 covers every column
 * (id and actor name included) in one canonical JSON array tagged with the scheme; scheme 1, which left out the
 * id and the actor name, is kept only to check the rows written before scheme 2.
 */
export function auditRowHash(version: number, prevHash: string, row: AuditRowContent): string {
  const fields =
    version === 1
      ? [prevHash, row.occurredAt, row.actorType, row.actorId, row.action, row.targetType, row.targetId, row.beforeHash, row.afterHash, row.details ?? null]
      : [`audit/v${version}`, row.id, row.occurredAt, row.actorType, row.actorId, row.actorName, row.action, row.targetType, row.targetId, row.beforeHash, row.afterHash, row.details ?? null, prevHash];
  return createHash('sha256').update(stableJson(fields)).digest('hex');
}

/**
 * auditRowHash (current scheme) for a batch of rows of one actor and time, without the generic walk: the JSON
 * text is put together from the same pieces stableJson would produce (the actor part once for the batch), so
 * the hash is identical (the unit test compares them on varied rows) at a third of the cost. Returns each
 * row's details as stable JSON too, which is what gets stored.
 */
export function chainBatch(prevHash: string, ids: string[], occurredAt: string, actor: Actor, entries: AuditRecordInput[]): { prevHashes: string[]; rowHashes: string[]; details: (string | null)[] } {
  const json = (value: string | null) => (value === null ? 'null' : JSON.stringify(value));
  const head = `[${JSON.stringify(`audit/v${AUDIT_HASH_VERSION}`)},`;
  const actorPart = `,${JSON.stringify(occurredAt)},${JSON.stringify(actor.type)},${json(actor.id)},${json(actor.name)},`;
  const prevHashes: string[] = [];
  const rowHashes: string[] = [];
  const details: (string | null)[] = [];
  let prev = prevHash;
  entries.forEach((entry, i) => {
    const detailsJson = stableJson(entry.details ?? null);
    const text = `${head}${json(ids[i])}${actorPart}${json(entry.action)},${json(entry.targetType)},${json(entry.targetId)},${json(entry.beforeHash ?? null)},${json(entry.afterHash ?? null)},${detailsJson},${json(prev)}]`;
    prevHashes.push(prev);
    prev = createHash('sha256').update(text).digest('hex');
    rowHashes.push(prev);
    details.push(entry.details == null ? null : detailsJson);
  });
  return { prevHashes, rowHashes, details };
}

@Injectable()
export class AuditService {
  async append(sql: SqlExecutor, actor: Actor, entries: AuditRecordInput[]): Promise<void> {
    if (entries.length === 0) return;
    // The lock is a statement of its own: under READ COMMITTED a statement's snapshot is taken when it starts, so
    // a head read in the statement that waited for the lock would miss the previous holder's commit.
    await sql.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
    // The chain head and the ids in one round trip (the lock is held, and every other append waits, meanwhile).
    // The ids are part of the hash, so they are drawn first: one block of the sequence, taken by moving it past
    // the block (a nextval per id cost ~4 ms per 1,000). Every writer of audit_log appends here, under the lock,
    // so no other nextval can land inside the block, and the ids follow the chain's order.
    const [head] = await sql.query<{ row_hash: string | null; last_id: string }>(
      `SELECT (SELECT row_hash FROM audit_log ORDER BY id DESC LIMIT 1) AS row_hash,
              setval(pg_get_serial_sequence('audit_log', 'id'), nextval(pg_get_serial_sequence('audit_log', 'id')) + $1::int - 1)::text AS last_id`,
      [entries.length],
    );
    const first = BigInt(head.last_id) - BigInt(entries.length - 1);
    const ids = entries.map((_, i) => String(first + BigInt(i)));
    // One timestamp for the batch, in microseconds as PostgreSQL stores it, so the hash can be recomputed.
    const occurredAt = new Date().toISOString();
    const chain = chainBatch(head.row_hash ?? GENESIS_HASH, ids, occurredAt, actor, entries);
    // One statement for the whole batch, in array order so ids follow the chain: the actor and time once, then
    // a JSON array per column, zipped by ROWS FROM. JSON text rather than SQL arrays, because append also runs
    // through the MikroORM executor, which passes array parameters as JSON.
    const column = (values: (string | null)[]) => JSON.stringify(values);
    await sql.query(
      `INSERT INTO audit_log (id, occurred_at, actor_type, actor_id, actor_name, action, target_type, target_id,
                              before_hash, after_hash, details, prev_hash, row_hash, hash_version)
       SELECT t.id::bigint, $1::timestamptz, $2, $3, $4, t.action, t.target_type, t.target_id, t.before_hash, t.after_hash,
              nullif(t.details, 'null'::jsonb), t.prev_hash, t.row_hash, $14::smallint
         FROM ROWS FROM (jsonb_array_elements_text($13::jsonb), jsonb_array_elements_text($5::jsonb), jsonb_array_elements_text($6::jsonb),
                         jsonb_array_elements_text($7::jsonb), jsonb_array_elements_text($8::jsonb), jsonb_array_elements_text($9::jsonb),
                         jsonb_array_elements($10::jsonb), jsonb_array_elements_text($11::jsonb), jsonb_array_elements_text($12::jsonb))
                WITH ORDINALITY AS t(id, action, target_type, target_id, before_hash, after_hash, details, prev_hash, row_hash, ord)
        ORDER BY t.ord`,
      [
        occurredAt, actor.type, actor.id, actor.name,
        column(entries.map((e) => e.action)), column(entries.map((e) => e.targetType)), column(entries.map((e) => e.targetId)),
        column(entries.map((e) => e.beforeHash ?? null)), column(entries.map((e) => e.afterHash ?? null)),
        `[${chain.details.map((d) => d ?? 'null').join(',')}]`, column(chain.prevHashes), column(chain.rowHashes), column(ids), AUDIT_HASH_VERSION,
      ],
    );
  }
}

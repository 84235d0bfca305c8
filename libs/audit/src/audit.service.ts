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

/** The hash that chains row n to row n−1; `audit:verify` recomputes exactly this. */
export function auditRowHash(prevHash: string, row: { occurredAt: string; actorType: string; actorId: string | null; action: string; targetType: string; targetId: string; beforeHash: string | null; afterHash: string | null; details: unknown }): string {
  return createHash('sha256')
    .update(stableJson([prevHash, row.occurredAt, row.actorType, row.actorId, row.action, row.targetType, row.targetId, row.beforeHash, row.afterHash, row.details ?? null]))
    .digest('hex');
}

/**
 * auditRowHash for a batch of rows of one actor and time, without the generic walk: the JSON text is put
 * together from the same pieces stableJson would produce (the actor part once for the batch), so the hash is
 * identical (the unit test compares them on varied rows) at a third of the cost. Returns each row's details as
 * stable JSON too, which is what gets stored.
 */
export function chainBatch(prevHash: string, occurredAt: string, actor: Actor, entries: AuditRecordInput[]): { prevHashes: string[]; rowHashes: string[]; details: (string | null)[] } {
  const json = (value: string | null) => (value === null ? 'null' : JSON.stringify(value));
  const middle = `,${JSON.stringify(occurredAt)},${JSON.stringify(actor.type)},${json(actor.id)},`;
  const prevHashes: string[] = [];
  const rowHashes: string[] = [];
  const details: (string | null)[] = [];
  let prev = prevHash;
  for (const entry of entries) {
    const detailsJson = stableJson(entry.details ?? null);
    const text = `[${json(prev)}${middle}${json(entry.action)},${json(entry.targetType)},${json(entry.targetId)},${json(entry.beforeHash ?? null)},${json(entry.afterHash ?? null)},${detailsJson}]`;
    prevHashes.push(prev);
    prev = createHash('sha256').update(text).digest('hex');
    rowHashes.push(prev);
    details.push(entry.details == null ? null : detailsJson);
  }
  return { prevHashes, rowHashes, details };
}

@Injectable()
export class AuditService {
  async append(sql: SqlExecutor, actor: Actor, entries: AuditRecordInput[]): Promise<void> {
    if (entries.length === 0) return;
    await sql.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
    const [last] = await sql.query<{ row_hash: string }>('SELECT row_hash FROM audit_log ORDER BY id DESC LIMIT 1');
    // One timestamp for the batch, in microseconds as PostgreSQL stores it, so the hash can be recomputed.
    const occurredAt = new Date().toISOString();
    const chain = chainBatch(last?.row_hash ?? GENESIS_HASH, occurredAt, actor, entries);
    // One statement for the whole batch, in array order so ids follow the chain: the actor and time once, then
    // a JSON array per column, zipped by ROWS FROM. JSON text rather than SQL arrays, because append also runs
    // through the MikroORM executor, which passes array parameters as JSON.
    const column = (values: (string | null)[]) => JSON.stringify(values);
    await sql.query(
      `INSERT INTO audit_log (occurred_at, actor_type, actor_id, actor_name, action, target_type, target_id,
                              before_hash, after_hash, details, prev_hash, row_hash)
       SELECT $1::timestamptz, $2, $3, $4, t.action, t.target_type, t.target_id, t.before_hash, t.after_hash,
              nullif(t.details, 'null'::jsonb), t.prev_hash, t.row_hash
         FROM ROWS FROM (jsonb_array_elements_text($5::jsonb), jsonb_array_elements_text($6::jsonb), jsonb_array_elements_text($7::jsonb),
                         jsonb_array_elements_text($8::jsonb), jsonb_array_elements_text($9::jsonb), jsonb_array_elements($10::jsonb),
                         jsonb_array_elements_text($11::jsonb), jsonb_array_elements_text($12::jsonb))
                WITH ORDINALITY AS t(action, target_type, target_id, before_hash, after_hash, details, prev_hash, row_hash, ord)
        ORDER BY t.ord`,
      [
        occurredAt, actor.type, actor.id, actor.name,
        column(entries.map((e) => e.action)), column(entries.map((e) => e.targetType)), column(entries.map((e) => e.targetId)),
        column(entries.map((e) => e.beforeHash ?? null)), column(entries.map((e) => e.afterHash ?? null)),
        `[${chain.details.map((d) => d ?? 'null').join(',')}]`, column(chain.prevHashes), column(chain.rowHashes),
      ],
    );
  }
}

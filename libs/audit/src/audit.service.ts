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

@Injectable()
export class AuditService {
  async append(sql: SqlExecutor, actor: Actor, entries: AuditRecordInput[]): Promise<void> {
    if (entries.length === 0) return;
    await sql.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
    const [last] = await sql.query<{ row_hash: string }>('SELECT row_hash FROM audit_log ORDER BY id DESC LIMIT 1');
    // One timestamp for the batch, in microseconds as PostgreSQL stores it, so the hash can be recomputed.
    const occurredAt = new Date().toISOString();
    let prev = last?.row_hash ?? GENESIS_HASH;
    const rows = entries.map((entry) => {
      const row = {
        occurredAt,
        actorType: actor.type,
        actorId: actor.id,
        actorName: actor.name,
        action: entry.action,
        targetType: entry.targetType,
        targetId: entry.targetId,
        beforeHash: entry.beforeHash ?? null,
        afterHash: entry.afterHash ?? null,
        details: entry.details ?? null,
      };
      const rowHash = auditRowHash(prev, row);
      const out = { ...row, prevHash: prev, rowHash };
      prev = rowHash;
      return out;
    });
    // One statement for the whole batch, in array order so ids follow the chain; a single JSON parameter.
    await sql.query(
      `INSERT INTO audit_log (occurred_at, actor_type, actor_id, actor_name, action, target_type, target_id,
                              before_hash, after_hash, details, prev_hash, row_hash)
       SELECT (e->>'occurredAt')::timestamptz, e->>'actorType', e->>'actorId', e->>'actorName', e->>'action',
              e->>'targetType', e->>'targetId', e->>'beforeHash', e->>'afterHash', e->'details',
              e->>'prevHash', e->>'rowHash'
         FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(e, ord)
        ORDER BY ord`,
      [JSON.stringify(rows)],
    );
  }
}

// A penalty record's audited changes, read back per record: pushes are audited one entry per batch (their items
// in arrays), revocations and repairs one entry per record; auditors ask about one record (audit:record).
import { Injectable } from '@nestjs/common';
import { Database } from '@credit/db';
import { PENALTY_BATCH_ACTION } from './penalty-batch.audit';

export interface PenaltyRecordAuditEvent {
  auditId: string;
  occurredAt: Date;
  actorType: string;
  actorName: string | null;
  action: string;
  recordId: string;
  version: number | null;
  beforeHash: string | null;
  afterHash: string | null;
}

/** A batch entry's array of one field, or NULL (no rows) for another entry or a batch naming none of the ids. */
const batchArray = (field: string) =>
  `jsonb_array_elements_text(CASE WHEN a.action = '${PENALTY_BATCH_ACTION}' AND a.details->'recordIds' ?| $1::text[] THEN a.details->'${field}' END)`;

/**
 * One row per record and audited change, in chain order: the items of batch entries and the entries written one
 * per record (revocations, repairs, and pushes audited before batches). It reads the whole log (no index reaches
 * into the batches' arrays; a GIN index on details would, at a cost on every append): right for an auditor's
 * question, not for an application screen. The arrays are unpacked only for batches that name one of the ids.
 */
const EVENTS_SQL = `
  SELECT a.id AS audit_id, a.occurred_at, a.actor_type, a.actor_name,
         coalesce(e.action, a.action) AS action, coalesce(e.record_id, a.target_id) AS record_id,
         coalesce(e.version, a.details->>'version')::int AS version,
         CASE WHEN e.ord IS NULL THEN a.before_hash ELSE e.before_hash END AS before_hash,
         coalesce(e.after_hash, a.after_hash) AS after_hash
    FROM audit_log a
    LEFT JOIN LATERAL ROWS FROM (${['actions', 'recordIds', 'versions', 'beforeHashes', 'afterHashes'].map(batchArray).join(', ')})
              WITH ORDINALITY AS e(action, record_id, version, before_hash, after_hash, ord) ON true
   WHERE e.record_id = ANY($1::text[]) OR (a.target_type = 'PENALTY_RECORD' AND a.target_id = ANY($1::text[]))
   ORDER BY a.id, e.ord`;

@Injectable()
export class PenaltyAuditTrailRepository {
  constructor(private readonly db: Database) {}

  /** Every audited change of these records, in the chain's order (EVENTS_SQL). */
  async events(recordIds: string[]): Promise<PenaltyRecordAuditEvent[]> {
    const rows = await this.db.query<{
      audit_id: string; occurred_at: Date; actor_type: string; actor_name: string | null; action: string; record_id: string;
      version: number | null; before_hash: string | null; after_hash: string | null;
    }>(EVENTS_SQL, [recordIds]);
    return rows.map((row) => ({
      auditId: row.audit_id, occurredAt: row.occurred_at, actorType: row.actor_type, actorName: row.actor_name, action: row.action,
      recordId: row.record_id, version: row.version, beforeHash: row.before_hash, afterHash: row.after_hash,
    }));
  }

  /** The ids of the records with this decision number (unique per department, so one per department at most). */
  async recordIdsOf(decisionNumber: string): Promise<{ id: string; departmentCode: string }[]> {
    return this.db.query<{ id: string; departmentCode: string }>(
      `SELECT r.id::text AS id, d.code AS "departmentCode" FROM penalty_records r JOIN departments d ON d.id = r.department_id
        WHERE r.decision_number = $1 ORDER BY r.id`,
      [decisionNumber],
    );
  }
}

// A penalty record's audited changes, read back per record: pushes are audited one entry per batch (their items
// in arrays), revocations and repairs one entry per record; auditors ask about one record (audit:record).
import { Injectable } from '@nestjs/common';
import { Database } from '@credit/db';
import { PENALTY_RECORD_AUDIT_EVENTS_SQL } from './penalty-batch.audit';

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

@Injectable()
export class PenaltyAuditTrailRepository {
  constructor(private readonly db: Database) {}

  /** Every audited change of these records, in the chain's order. Reads the whole log (see the SQL's comment). */
  async events(recordIds: string[]): Promise<PenaltyRecordAuditEvent[]> {
    const rows = await this.db.query<{
      audit_id: string; occurred_at: Date; actor_type: string; actor_name: string | null; action: string; record_id: string;
      version: number | null; before_hash: string | null; after_hash: string | null;
    }>(PENALTY_RECORD_AUDIT_EVENTS_SQL, [recordIds]);
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

// SQL of credit repair (信用修复): the department's own record locked with what the repair rule reads, and the
// approval written in the caller's transaction.
import { Injectable } from '@nestjs/common';
import { SqlExecutor } from '@credit/db';

export interface OwnRecord {
  id: string;
  status: string;
  subject_id: string;
  content_hash: string;
  repaired_on: string | null;
  party_type: string;
  severity: string;
  penalty_categories: string[];
  decision_date: string;
  public_until: string | null;
  party_birth_date: string | null;
  act_date: string | null;
  party_adult_confirmed: boolean;
  publish_minor: boolean;
  not_repairable: boolean;
}

@Injectable()
export class CreditRepairRepository {
  /** The department's record under this decision number, locked (FOR UPDATE); null when it has none. */
  async lockOwn(sql: SqlExecutor, departmentId: string, decisionNumber: string): Promise<OwnRecord | null> {
    const [own] = await sql.query<OwnRecord>(
      `SELECT id, status, subject_id, content_hash, repaired_on, party_type, severity, penalty_categories, decision_date, public_until, party_birth_date,
              act_date, party_adult_confirmed, publish_minor, not_repairable
         FROM penalty_records WHERE department_id = $1 AND decision_number = $2 FOR UPDATE`,
      [departmentId, decisionNumber],
    );
    return own ?? null;
  }

  /** Marks the record repaired on `approvedOn` and keeps the commitment (信用承诺) with its approver. */
  async approve(sql: SqlExecutor, recordId: string, approvedOn: string, commitment: string, departmentId: string): Promise<void> {
    await sql.query('UPDATE penalty_records SET repaired_on = $2::date, updated_at = now() WHERE id = $1', [recordId, approvedOn]);
    await sql.query(
      `INSERT INTO credit_repairs (record_id, approved_on, commitment, approved_by_id) VALUES ($1, $2::date, $3, $4)`,
      [recordId, approvedOn, commitment, departmentId],
    );
  }
}

// The name-change review queue (subject_name_changes rows in PENDING) as explicit SQL: listed within the
// reviewer's region subtree, decided under a row lock so two reviewers never both decide one proposal.
import { Injectable } from '@nestjs/common';
import type { SqlExecutor } from '@credit/db';

export interface PendingNameChangeRow {
  id: string;
  subject_id: string;
  uscc: string | null;
  region_code: string | null;
  current_name: string;
  new_name: string;
  decision_number: string | null;
  department_code: string | null;
  department_name: string | null;
  proposed_at: Date;
}

export interface LockedNameChange {
  id: string;
  subject_id: string;
  status: string;
  new_name: string;
  current_name: string;
  region_code: string | null;
}

/** `regionPrefix` null: every subject (national reviewers); else region_code LIKE 'prefix%'. */
const IN_SCOPE = `($1::text IS NULL OR s.region_code LIKE $1::text || '%')`;

@Injectable()
export class SubjectNameReviewRepository {
  /** Pending proposals in the scope, oldest first, after the id `afterId`. */
  async listPending(sql: SqlExecutor, regionPrefix: string | null, afterId: string | null, limit: number): Promise<PendingNameChangeRow[]> {
    return sql.query<PendingNameChangeRow>(
      `SELECT c.id::text AS id, c.subject_id::text AS subject_id, s.uscc, s.region_code, s.name AS current_name, c.new_name,
              c.decision_number, d.code AS department_code, d.name AS department_name, c.proposed_at
         FROM subject_name_changes c
         JOIN credit_subjects s ON s.id = c.subject_id
         LEFT JOIN departments d ON d.id = c.proposed_by_department_id
        WHERE c.status = 'PENDING' AND ${IN_SCOPE} AND ($2::bigint IS NULL OR c.id > $2::bigint)
        ORDER BY c.id LIMIT $3`,
      [regionPrefix, afterId, limit],
    );
  }

  async countPending(sql: SqlExecutor, regionPrefix: string | null): Promise<number> {
    const [row] = await sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM subject_name_changes c JOIN credit_subjects s ON s.id = c.subject_id WHERE c.status = 'PENDING' AND ${IN_SCOPE}`,
      [regionPrefix],
    );
    return row.n;
  }

  /** The proposal and its subject, both locked until the transaction ends; null when there is no such id. */
  async lock(sql: SqlExecutor, id: string): Promise<LockedNameChange | null> {
    const [row] = await sql.query<LockedNameChange>(
      `SELECT c.id::text AS id, c.subject_id::text AS subject_id, c.status, c.new_name, s.name AS current_name, s.region_code
         FROM subject_name_changes c JOIN credit_subjects s ON s.id = c.subject_id
        WHERE c.id = $1::bigint FOR UPDATE OF c, s`,
      [id],
    );
    return row ?? null;
  }

  /** Renames the subject; the proposal becomes its history row, with the name it really replaced. */
  async approve(sql: SqlExecutor, change: LockedNameChange): Promise<void> {
    await sql.query(`UPDATE credit_subjects SET name = $2, updated_at = now() WHERE id = $1::bigint`, [change.subject_id, change.new_name]);
    await sql.query(
      `UPDATE subject_name_changes SET status = 'APPROVED', previous_name = $2, changed_at = now() WHERE id = $1::bigint`,
      [change.id, change.current_name],
    );
  }

  async reject(sql: SqlExecutor, id: string): Promise<void> {
    await sql.query(`UPDATE subject_name_changes SET status = 'REJECTED', changed_at = now() WHERE id = $1::bigint`, [id]);
  }
}

// Reads of penalty records for the API: one record by id, and pages of many subjects' records at once.
import { Injectable } from '@nestjs/common';
import { Database, SqlExecutor } from '@credit/db';
import type { IsoDate } from '@credit/domain';
import { visibleToViewerSql } from './penalty-sharing.sql';

const VISIBLE = visibleToViewerSql('$5', '$6');

const RECORD_COLUMNS = `r.id, r.decision_number, r.party_name, r.party_type, r.uscc, r.registration_number, r.legal_representative,
  r.id_type, r.id_number_masked, r.violation_type, r.violation_facts, r.legal_basis, r.penalty_categories, r.penalty_content,
  r.fine_amount, r.confiscated_amount, r.license_info, r.decision_date, r.valid_until, r.public_until, r.authority_name,
  r.authority_uscc, r.data_source_name, r.data_source_uscc, r.severity, r.severity_derived, r.remarks, r.status,
  r.revoke_reason, r.revoked_at, r.version, r.created_at, r.updated_at, r.subject_id, d.code AS department_code, d.name AS department_name`;

/** A department's own record, locked for revocation. */
export interface OwnRecordLock {
  id: string;
  status: string;
  subject_id: string;
  content_hash: string;
}

export type RecordRow = Record<string, unknown> & { id: string; decision_date: string };

/** One subject's slice of a batched page: up to `first + 1` rows, newest first, and its total. */
export interface SubjectRecordsSlice {
  rows: RecordRow[];
  total: number;
}

@Injectable()
export class PenaltyRecordsRepository {
  constructor(private readonly db: Database) {}

  /** The department's record under this decision number, locked (FOR UPDATE); null when it has none. */
  async lockOwn(sql: SqlExecutor, departmentId: string, decisionNumber: string): Promise<OwnRecordLock | null> {
    const [own] = await sql.query<OwnRecordLock>(
      'SELECT id, status, subject_id, content_hash FROM penalty_records WHERE department_id = $1 AND decision_number = $2 FOR UPDATE',
      [departmentId, decisionNumber],
    );
    return own ?? null;
  }

  /** Whether any department holds a record under this decision number. */
  async decisionNumberExists(sql: SqlExecutor, decisionNumber: string): Promise<boolean> {
    const [other] = await sql.query('SELECT 1 FROM penalty_records WHERE decision_number = $1 LIMIT 1', [decisionNumber]);
    return other !== undefined;
  }

  async markRevoked(sql: SqlExecutor, id: string, reason: string): Promise<void> {
    await sql.query(
      `UPDATE penalty_records SET status = 'REVOKED', revoked_at = now(), revoke_reason = $2, updated_at = now() WHERE id = $1`,
      [id, reason],
    );
  }

  async findById(id: string): Promise<RecordRow | null> {
    const [row] = await this.db.query<RecordRow>(`SELECT ${RECORD_COLUMNS} FROM penalty_records r JOIN departments d ON d.id = r.department_id WHERE r.id = $1`, [id]);
    return row ?? null;
  }

  /**
   * A page of each subject's records after the same cursor, with each subject's total, in ONE statement for
   * all subjects: a list of 200 subjects asking for their records costs one query, not 400. The LATERAL
   * subqueries keep the per-subject LIMIT (a window over all their records would read them all) and use the
   * (subject_id, decision_date) index; a subject without records still yields its zero count.
   */
  /**
   * Repaired, revoked and expired records are no longer shared (penalty-sharing.sql.ts): only the deciding
   * department (`viewerDepartmentId`) still sees its own; every other viewer does not see them at all.
   */
  async pageForSubjects(
    subjectIds: readonly string[],
    limit: number,
    after: readonly [string, string] | null,
    viewerDepartmentId: string | null,
    today: IsoDate,
  ): Promise<Map<string, SubjectRecordsSlice>> {
    const rows = await this.db.query<RecordRow & { for_subject: string; total: number }>(
      `SELECT s.id::text AS for_subject, c.total, p.*
         FROM unnest($1::bigint[]) AS s(id)
        CROSS JOIN LATERAL (SELECT count(*)::int AS total FROM penalty_records r WHERE r.subject_id = s.id AND ${VISIBLE}) c
         LEFT JOIN LATERAL (
           SELECT ${RECORD_COLUMNS} FROM penalty_records r JOIN departments d ON d.id = r.department_id
            WHERE r.subject_id = s.id AND ($2::date IS NULL OR (r.decision_date, r.id) < ($2::date, $3::bigint)) AND ${VISIBLE}
            ORDER BY r.decision_date DESC, r.id DESC LIMIT $4
         ) p ON true`,
      [subjectIds, after?.[0] ?? null, after?.[1] ?? null, limit, viewerDepartmentId, today],
    );
    const slices = new Map<string, SubjectRecordsSlice>(subjectIds.map((id) => [id, { rows: [], total: 0 }]));
    for (const { for_subject: subjectId, total, ...row } of rows) {
      const slice = slices.get(subjectId) ?? { rows: [], total };
      slice.total = total;
      if (row.id !== null) slice.rows.push(row as RecordRow);
      slices.set(subjectId, slice);
    }
    return slices;
  }
}

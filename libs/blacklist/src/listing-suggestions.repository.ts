// SQL of suggested proposals (拟列入建议): one set-based statement per pushed batch, in the batch's transaction.
import { Injectable } from '@nestjs/common';
import { Database, SqlExecutor } from '@credit/db';

export interface SuggestionRow {
  id: string;
  subject_id: string;
  list_type_id: string;
  penalty_record_id: string;
  decision_number: string;
  decision_date: string;
  department_code: string;
  department_name: string;
  status: string;
  listing_id: string | null;
  created_at: Date;
}

/** Who sees which suggestions: a department those addressed to it, a regulator those of subjects under its prefix. */
export interface SuggestionScope {
  departmentId: string | null;
  regionPrefix: string | null;
}

const SCOPE = `($1::bigint IS NULL OR g.department_id = $1)
    AND ($2::text IS NULL OR EXISTS (SELECT 1 FROM credit_subjects s WHERE s.id = g.subject_id AND s.region_code LIKE $2 || '%'))`;

@Injectable()
export class ListingSuggestionsRepository {
  constructor(private readonly db: Database) {}

  /**
   * Suggests a listing for each ACTIVE record of `severity` with one of `categories`, to every list type its
   * department designates under. An update that moves a record to another subject keeps its earlier suggestion
   * (unique per record and list type); the listing proposal checks the subject again, so nothing wrong can be
   * listed from it. A subject already on its way onto that list (a listing not yet ended) gets the suggestion
   * as answered.
   */
  async suggest(sql: SqlExecutor, recordIds: string[], severity: string, categories: readonly string[]): Promise<void> {
    await sql.query(
      `INSERT INTO listing_suggestions (subject_id, penalty_record_id, list_type_id, department_id, status, listing_id)
       SELECT r.subject_id, r.id, lt.id, r.department_id, CASE WHEN l.id IS NULL THEN 'OPEN' ELSE 'PROPOSED' END, l.id
         FROM penalty_records r
         JOIN departments d ON d.id = r.department_id
         JOIN list_types lt ON d.code = ANY (lt.designating_department_codes)
         LEFT JOIN listings l ON l.subject_id = r.subject_id AND l.list_type_id = lt.id AND l.status NOT IN ('REMOVED', 'NOT_LISTED')
        WHERE r.id = ANY($1::bigint[]) AND r.status = 'ACTIVE' AND r.severity = $2
          AND r.penalty_categories && $3::text[]
       ON CONFLICT (penalty_record_id, list_type_id) DO NOTHING`,
      [recordIds, severity, categories],
    );
  }

  /** Open suggestions based on revoked records are withdrawn. */
  async withdraw(sql: SqlExecutor, revokedRecordIds: string[]): Promise<void> {
    await sql.query(
      `UPDATE listing_suggestions SET status = 'WITHDRAWN' WHERE penalty_record_id = ANY($1::bigint[]) AND status = 'OPEN'`,
      [revokedRecordIds],
    );
  }

  /** A proposal answers the open suggestions for this subject and list type. */
  async markProposed(sql: SqlExecutor, subjectId: string, listTypeId: string, listingId: string): Promise<void> {
    await sql.query(
      `UPDATE listing_suggestions SET status = 'PROPOSED', listing_id = $3 WHERE subject_id = $1 AND list_type_id = $2 AND status = 'OPEN'`,
      [subjectId, listTypeId, listingId],
    );
  }

  /** A page newest first, ids below `beforeId`, `limit` rows. */
  page(scope: SuggestionScope, beforeId: string | null, limit: number): Promise<SuggestionRow[]> {
    return this.db.query<SuggestionRow>(
      `SELECT g.id, g.subject_id, g.list_type_id, g.penalty_record_id, r.decision_number, r.decision_date,
              d.code AS department_code, d.name AS department_name, g.status, g.listing_id, g.created_at
         FROM listing_suggestions g
         JOIN penalty_records r ON r.id = g.penalty_record_id
         JOIN departments d ON d.id = g.department_id
        WHERE ${SCOPE} AND ($3::bigint IS NULL OR g.id < $3::bigint)
        ORDER BY g.id DESC LIMIT $4`,
      [scope.departmentId, scope.regionPrefix, beforeId, limit],
    );
  }

  async count(scope: SuggestionScope): Promise<number> {
    const [{ count }] = await this.db.query<{ count: string }>(`SELECT count(*) FROM listing_suggestions g WHERE ${SCOPE}`, [scope.departmentId, scope.regionPrefix]);
    return Number(count);
  }
}

// SQL of joint punishment (联合惩戒): the check and its answer, feedback per measure, statistics per checking
// department. Writes run in the caller's transaction, which also appends the audit entry.
import { Injectable } from '@nestjs/common';
import { Database, SqlExecutor } from '@credit/db';

export interface MeasureHit {
  code: string;
  description: string;
  legal_basis: string;
  list_type_code: string;
  scenarios: string[];
  listing_id: string;
}

export interface NewCheck {
  departmentId: string;
  uscc: string;
  subjectId: string | null;
  scenario: string;
  listingIds: string[];
  measureCodes: string[];
  checkedOn: string;
}

export interface CheckForFeedback {
  department_id: string;
  measure_codes: string[];
  listing_ids: string[];
}

export interface CheckStatsRow {
  code: string;
  name: string;
  checks: string;
  listed_checks: string;
  measures_returned: string;
  applied: string;
  not_applied: string;
}

@Injectable()
export class JointPunishmentRepository {
  constructor(private readonly db: Database) {}

  /** Active on `today` exactly as isActiveListing defines it: LISTED and listedOn ≤ today < expiresOn. */
  async activeListingIds(sql: SqlExecutor, uscc: string, today: string): Promise<string[]> {
    const rows = await sql.query<{ id: string; subject_id: string }>(
      `SELECT l.id, l.subject_id FROM credit_subjects s JOIN listings l ON l.subject_id = s.id
        WHERE s.subject_key = $1 AND l.status = 'LISTED' AND l.listed_on <= $2::date AND l.expires_on > $2::date
        ORDER BY l.id`,
      [uscc, today],
    );
    return rows.map((row) => row.id);
  }

  /** The measures of these listings that bind this executing department in this scenario. */
  async measuresFor(sql: SqlExecutor, listingIds: string[], departmentCode: string, scenario: string): Promise<MeasureHit[]> {
    if (listingIds.length === 0) return [];
    return sql.query<MeasureHit>(
      `SELECT m.code, m.description, m.legal_basis, lt.code AS list_type_code, m.scenarios, l.id AS listing_id
         FROM listings l JOIN list_types lt ON lt.id = l.list_type_id JOIN punishment_measures m ON m.list_type_id = l.list_type_id
        WHERE l.id = ANY($1::bigint[]) AND $2 = ANY (m.executing_department_codes) AND $3 = ANY (m.scenarios)
        ORDER BY m.code`,
      [listingIds, departmentCode, scenario],
    );
  }

  async insertCheck(sql: SqlExecutor, check: NewCheck): Promise<{ id: string; checked_at: Date }> {
    const [row] = await sql.query<{ id: string; checked_at: Date }>(
      `INSERT INTO joint_punishment_checks (department_id, uscc, subject_id, scenario, listed, listing_ids, measure_codes, checked_on)
       VALUES ($1, $2, $3, $4, $5, $6::bigint[], $7::text[], $8) RETURNING id, checked_at`,
      [check.departmentId, check.uscc, check.subjectId, check.scenario, check.listingIds.length > 0, check.listingIds, check.measureCodes, check.checkedOn],
    );
    return row;
  }

  async lockCheck(sql: SqlExecutor, checkId: string): Promise<CheckForFeedback | null> {
    const [check] = await sql.query<CheckForFeedback>(
      'SELECT department_id, measure_codes, listing_ids::text[] AS listing_ids FROM joint_punishment_checks WHERE id = $1 FOR UPDATE',
      [checkId],
    );
    return check ?? null;
  }

  /** The measure and the first of the check's listings it belongs to. */
  async measureOfCheck(sql: SqlExecutor, measureCode: string, listingIds: string[]): Promise<{ measure_id: string; listing_id: string }> {
    const [measure] = await sql.query<{ measure_id: string; listing_id: string }>(
      `SELECT m.id AS measure_id, l.id AS listing_id FROM punishment_measures m JOIN listings l ON l.list_type_id = m.list_type_id
        WHERE m.code = $1 AND l.id = ANY($2::bigint[]) ORDER BY l.id LIMIT 1`,
      [measureCode, listingIds],
    );
    return measure;
  }

  async feedbackExists(sql: SqlExecutor, checkId: string, measureId: string): Promise<boolean> {
    const [existing] = await sql.query('SELECT 1 FROM measure_feedback WHERE check_id = $1 AND measure_id = $2', [checkId, measureId]);
    return existing !== undefined;
  }

  async insertFeedback(sql: SqlExecutor, checkId: string, measureId: string, listingId: string, applied: boolean, note: string | null): Promise<{ id: string; recorded_at: Date }> {
    const [row] = await sql.query<{ id: string; recorded_at: Date }>(
      `INSERT INTO measure_feedback (check_id, measure_id, listing_id, applied, note) VALUES ($1, $2, $3, $4, $5) RETURNING id, recorded_at`,
      [checkId, measureId, listingId, applied, note],
    );
    return row;
  }

  /** Checks and feedback per checking department over [from, to], departments under `regionPrefix` (null: all). */
  statsByDepartment(from: string, to: string, regionPrefix: string | null): Promise<CheckStatsRow[]> {
    return this.db.query<CheckStatsRow>(
      `SELECT d.code, d.name, count(*) AS checks, count(*) FILTER (WHERE c.listed) AS listed_checks,
              coalesce(sum(cardinality(c.measure_codes)), 0) AS measures_returned,
              coalesce(sum(f.applied), 0) AS applied, coalesce(sum(f.not_applied), 0) AS not_applied
         FROM joint_punishment_checks c
         JOIN departments d ON d.id = c.department_id
         LEFT JOIN LATERAL (
           SELECT count(*) FILTER (WHERE mf.applied) AS applied, count(*) FILTER (WHERE NOT mf.applied) AS not_applied
             FROM measure_feedback mf WHERE mf.check_id = c.id) f ON true
        WHERE c.checked_on BETWEEN $1::date AND $2::date AND ($3::text IS NULL OR d.region_code LIKE $3 || '%')
        GROUP BY d.code, d.name ORDER BY d.code`,
      [from, to, regionPrefix],
    );
  }
}

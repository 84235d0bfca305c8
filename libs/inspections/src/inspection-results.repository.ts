// SQL of inspectors (执法检查人员库), assignments, results and their publication (一公开). Assignments and
// publication are set-based (unnest, INSERT … SELECT); the public search reads only inspection_published_results.
import { Injectable } from '@nestjs/common';
import { SqlExecutor } from '@credit/db';
import { PoolInspector } from '@credit/domain';

export interface InspectorRow extends PoolInspector {
  name: string;
  departmentId: string;
  departmentCode: string;
  regionCode: string;
}

export interface ResultRow {
  id: string;
  planId: string;
  uscc: string;
  subjectName: string;
  category: string;
  findings: string;
  inspectedOn: string;
  inspectorIds: string[];
  publicationDue: string;
}

/** A result ready to be published, with what the publication rules need. */
export interface PublishableRow {
  id: string;
  planId: string;
  planName: string;
  planYear: number;
  regionCode: string | null;
  departmentIds: string[];
  departmentNames: string;
  uscc: string;
  subjectName: string;
  subjectType: string;
  category: string;
  findings: string;
  inspectedOn: string;
}

export interface PublishedRow extends Omit<PublishableRow, 'departmentIds'> {
  publishedOn: string;
}

export interface PublishedFilter {
  regionPrefix: string | null;
  departmentId: string | null;
  year: number | null;
  category: string | null;
  uscc: string | null;
  tokens: string[] | null;
}

const INSPECTOR_COLUMNS = `i.id::text, i.name, i.certificate_number AS "certificateNumber", i.department_id::text AS "departmentId",
  d.code AS "departmentCode", i.region_code AS "regionCode", i.conflict_usccs AS "conflictUsccs", i.conflict_region_codes AS "conflictRegionCodes"`;

@Injectable()
export class InspectionResultsRepository {
  async insertInspector(
    sql: SqlExecutor,
    values: { name: string; certificateNumber: string; departmentId: string; regionCode: string; conflictUsccs: string[]; conflictRegionCodes: string[] },
  ): Promise<InspectorRow | null> {
    const rows = await sql.query<InspectorRow>(
      `WITH i AS (
         INSERT INTO inspectors (name, certificate_number, department_id, region_code, conflict_usccs, conflict_region_codes)
         VALUES ($1, $2, $3::bigint, $4, $5::text[], $6::text[]) ON CONFLICT (certificate_number) DO NOTHING RETURNING *)
       SELECT ${INSPECTOR_COLUMNS} FROM i JOIN departments d ON d.id = i.department_id`,
      [values.name, values.certificateNumber, values.departmentId, values.regionCode, values.conflictUsccs, values.conflictRegionCodes],
    );
    return rows[0] ?? null;
  }

  /** The active pool of the given departments. */
  async pool(sql: SqlExecutor, departmentIds: string[]): Promise<InspectorRow[]> {
    return sql.query<InspectorRow>(
      `SELECT ${INSPECTOR_COLUMNS} FROM inspectors i JOIN departments d ON d.id = i.department_id
        WHERE i.active AND i.department_id = ANY($1::bigint[]) ORDER BY i.id`,
      [departmentIds],
    );
  }

  /** Writes every assignment of a plan in one statement and marks the plan ASSIGNED. */
  async insertAssignments(sql: SqlExecutor, planId: string, subjectIds: string[], inspectorIds: string[]): Promise<void> {
    await sql.query(
      `INSERT INTO inspection_assignments (plan_id, subject_id, inspector_id)
       SELECT $1::bigint, s, i FROM unnest($2::bigint[], $3::bigint[]) AS a(s, i)`,
      [planId, subjectIds, inspectorIds],
    );
    await sql.query(`UPDATE inspection_plans SET status = 'ASSIGNED', updated_at = now() WHERE id = $1::bigint`, [planId]);
  }

  /** Inspector ids assigned to one subject of a plan. */
  /** The inspectors assigned to a selected subject, with the department each belongs to. */
  async assignedTo(sql: SqlExecutor, planId: string, subjectId: string): Promise<{ id: string; departmentId: string }[]> {
    return sql.query<{ id: string; departmentId: string }>(
      `SELECT a.inspector_id::text AS id, i.department_id::text AS "departmentId"
         FROM inspection_assignments a JOIN inspectors i ON i.id = a.inspector_id
        WHERE a.plan_id = $1::bigint AND a.subject_id = $2::bigint ORDER BY a.inspector_id`,
      [planId, subjectId],
    );
  }

  /** Inserts a result; null when the subject already has one in this plan. */
  async insertResult(
    sql: SqlExecutor,
    values: { planId: string; subjectId: string; category: string; findings: string; inspectedOn: string; inspectorIds: string[]; departmentId: string; publicationDue: string },
  ): Promise<ResultRow | null> {
    const rows = await sql.query<ResultRow>(
      `WITH r AS (
         INSERT INTO inspection_results (plan_id, subject_id, category, findings, inspected_on, inspector_ids, recorded_by_id, publication_due)
         VALUES ($1::bigint, $2::bigint, $3, $4, $5::date, $6::text[], $7::bigint, $8::date)
         ON CONFLICT (plan_id, subject_id) DO NOTHING RETURNING *)
       SELECT r.id::text, r.plan_id::text AS "planId", s.uscc, s.name AS "subjectName", r.category, r.findings,
              to_char(r.inspected_on, 'YYYY-MM-DD') AS "inspectedOn", r.inspector_ids AS "inspectorIds", to_char(r.publication_due, 'YYYY-MM-DD') AS "publicationDue"
         FROM r JOIN credit_subjects s ON s.id = r.subject_id`,
      [values.planId, values.subjectId, values.category, values.findings, values.inspectedOn, values.inspectorIds, values.departmentId, values.publicationDue],
    );
    return rows[0] ?? null;
  }

  /** Selected subjects of the plan still without a result. */
  async missingResults(sql: SqlExecutor, planId: string): Promise<number> {
    const [row] = await sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM inspection_selections x
        WHERE x.plan_id = $1::bigint AND NOT EXISTS (SELECT 1 FROM inspection_results r WHERE r.plan_id = x.plan_id AND r.subject_id = x.subject_id)`,
      [planId],
    );
    return row.n;
  }

  async completePlan(sql: SqlExecutor, planId: string, completedOn: string, publicationDue: string): Promise<void> {
    await sql.query(`UPDATE inspection_plans SET status = 'COMPLETED', completed_on = $2::date, publication_due = $3::date, updated_at = now() WHERE id = $1::bigint`, [
      planId,
      completedOn,
      publicationDue,
    ]);
  }

  /**
   * Results not yet published, of one plan (planId) or due by `dueBy` in any plan, locked so two publishers never
   * publish one twice. At most `limit`. Without `naturalPersons`, natural persons' results are left out here (they
   * are never published then): selected and skipped, they would fill every batch and the caller would loop forever.
   */
  async publishable(sql: SqlExecutor, scope: { planId: string } | { dueBy: string }, limit: number, naturalPersons: boolean): Promise<PublishableRow[]> {
    const byPlan = 'planId' in scope;
    return sql.query<PublishableRow>(
      `SELECT r.id::text, p.id::text AS "planId", p.name AS "planName", p.year AS "planYear", s.region_code AS "regionCode",
              p.department_ids AS "departmentIds",
              (SELECT string_agg(d.name, '、' ORDER BY d.code) FROM departments d WHERE d.id = ANY(p.department_ids::bigint[])) AS "departmentNames",
              s.uscc, s.name AS "subjectName", s.subject_type AS "subjectType", r.category, r.findings, to_char(r.inspected_on, 'YYYY-MM-DD') AS "inspectedOn"
         FROM inspection_results r
         JOIN inspection_plans p ON p.id = r.plan_id
         JOIN credit_subjects s ON s.id = r.subject_id
        WHERE ${byPlan ? 'r.plan_id = $1::bigint' : 'r.publication_due <= $1::date'}
          AND NOT EXISTS (SELECT 1 FROM inspection_published_results x WHERE x.id = r.id)
          AND ($3::boolean OR s.subject_type <> 'NATURAL_PERSON')
        ORDER BY r.id LIMIT $2
          FOR UPDATE OF r SKIP LOCKED`,
      [byPlan ? scope.planId : scope.dueBy, limit, naturalPersons],
    );
  }

  /** Publishes prepared rows in one statement (the service applied the personal-data rules). */
  async insertPublished(sql: SqlExecutor, rows: (PublishableRow & { publishedOn: string; tokens: string[] })[]): Promise<number> {
    if (rows.length === 0) return 0;
    const result = await sql.query<{ n: number }>(
      `WITH ins AS (
         INSERT INTO inspection_published_results (id, plan_id, plan_name, plan_year, region_code, department_ids, department_names, uscc,
                                                   subject_name, subject_type, category, findings, inspected_on, published_on, tokens)
         SELECT (e->>'id')::bigint, (e->>'planId')::bigint, e->>'planName', (e->>'planYear')::int, e->>'regionCode',
                ARRAY(SELECT jsonb_array_elements_text(e->'departmentIds')), coalesce(e->>'departmentNames', ''), e->>'uscc', e->>'subjectName',
                e->>'subjectType', e->>'category', e->>'findings', (e->>'inspectedOn')::date, (e->>'publishedOn')::date,
                ARRAY(SELECT jsonb_array_elements_text(e->'tokens'))
           FROM jsonb_array_elements($1::jsonb) e
         ON CONFLICT (id) DO NOTHING RETURNING 1)
       SELECT count(*)::int AS n FROM ins`,
      [JSON.stringify(rows)],
    );
    return result[0].n;
  }

  /** A page of published results, newest first (inspected_on, id), after the cursor; total capped at 10,000. */
  async searchPublished(sql: SqlExecutor, filter: PublishedFilter, after: { date: string; id: string } | null, limit: number): Promise<{ rows: PublishedRow[]; total: number }> {
    const where = `($1::text IS NULL OR x.region_code LIKE $1::text || '%') AND ($2::text IS NULL OR $2::text = ANY(x.department_ids))
      AND ($3::int IS NULL OR x.plan_year = $3::int) AND ($4::text IS NULL OR x.category = $4::text) AND ($5::text IS NULL OR x.uscc = $5::text)
      AND ($6::text[] IS NULL OR x.tokens @> $6::text[])`;
    const params = [filter.regionPrefix, filter.departmentId, filter.year, filter.category, filter.uscc, filter.tokens];
    const [rows, [count]] = await Promise.all([
      sql.query<PublishedRow>(
        `SELECT x.id::text, x.plan_id::text AS "planId", x.plan_name AS "planName", x.plan_year AS "planYear", x.region_code AS "regionCode",
                x.department_names AS "departmentNames", x.uscc, x.subject_name AS "subjectName", x.subject_type AS "subjectType", x.category,
                x.findings, to_char(x.inspected_on, 'YYYY-MM-DD') AS "inspectedOn", to_char(x.published_on, 'YYYY-MM-DD') AS "publishedOn"
           FROM inspection_published_results x
          WHERE ${where} AND ($7::date IS NULL OR (x.inspected_on, x.id) < ($7::date, $8::bigint))
          ORDER BY x.inspected_on DESC, x.id DESC LIMIT $9`,
        [...params, after?.date ?? null, after?.id ?? '0', limit],
      ),
      sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM (SELECT 1 FROM inspection_published_results x WHERE ${where} LIMIT 10000) c`, params),
    ]);
    return { rows, total: count.n };
  }
}

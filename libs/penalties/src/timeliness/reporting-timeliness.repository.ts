// SQL of the reporting-timeliness report. The delay of a decision depends only on its decision date and the day
// it reached the platform, so the records are counted per (department, decision date, received date): the
// service works on those pairs (a few per department and day) rather than on every record.
import { Injectable } from '@nestjs/common';
import { SqlExecutor } from '@credit/db';

/**
 * The day a decision reached the platform: the China date of its row's created_at, which the ingest sets on
 * the first push and never changes (the upsert's UPDATE leaves created_at alone; re-pushes bump updated_at).
 */
const RECEIVED_ON = `(r.created_at AT TIME ZONE 'Asia/Shanghai')::date`;

export interface ReportedPair {
  department_id: string;
  department_code: string;
  department_name: string;
  region_code: string;
  decision_date: string;
  received_on: string;
  records: number;
}

export interface LateRecordRow {
  department_id: string;
  id: string;
  decision_number: string;
  decision_date: string;
  received_on: string;
}

@Injectable()
export class ReportingTimelinessRepository {
  /** Decisions dated from … to (inclusive) of departments within the region prefix (null: all), as pairs. */
  async pairs(sql: SqlExecutor, regionPrefix: string | null, from: string, to: string): Promise<ReportedPair[]> {
    return sql.query<ReportedPair>(
      `SELECT d.id AS department_id, d.code AS department_code, d.name AS department_name, d.region_code,
              to_char(r.decision_date, 'YYYY-MM-DD') AS decision_date, to_char(${RECEIVED_ON}, 'YYYY-MM-DD') AS received_on,
              count(*)::int AS records
         FROM penalty_records r JOIN departments d ON d.id = r.department_id
        WHERE ($1::text IS NULL OR d.region_code LIKE $1 || '%') AND r.decision_date BETWEEN $2::date AND $3::date
        GROUP BY d.id, d.code, d.name, d.region_code, r.decision_date, ${RECEIVED_ON}
        ORDER BY d.code, r.decision_date`,
      [regionPrefix, from, to],
    );
  }

  /** The first `perDepartment` records (oldest decision first) of the given late (department, decision, received) pairs. */
  async lateRecords(sql: SqlExecutor, late: { departmentId: string; decisionDate: string; receivedOn: string }[], perDepartment: number): Promise<LateRecordRow[]> {
    if (late.length === 0) return [];
    return sql.query<LateRecordRow>(
      `SELECT department_id, id, decision_number, decision_date, received_on FROM (
         SELECT r.department_id::text AS department_id, r.id::text AS id, r.decision_number,
                to_char(r.decision_date, 'YYYY-MM-DD') AS decision_date, to_char(${RECEIVED_ON}, 'YYYY-MM-DD') AS received_on,
                row_number() OVER (PARTITION BY r.department_id ORDER BY r.decision_date, r.id) AS n
           FROM unnest($1::bigint[], $2::date[], $3::date[]) AS p(department_id, decision_date, received_on)
           JOIN penalty_records r ON r.department_id = p.department_id AND r.decision_date = p.decision_date AND ${RECEIVED_ON} = p.received_on
       ) ranked WHERE n <= $4 ORDER BY department_id, decision_date, id`,
      [late.map((p) => p.departmentId), late.map((p) => p.decisionDate), late.map((p) => p.receivedOn), perDepartment],
    );
  }
}

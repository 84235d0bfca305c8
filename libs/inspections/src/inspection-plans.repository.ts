// SQL of the inspection-item catalogue and of plans (create, edit, publish, read). Small tables, plain queries.
import { Injectable } from '@nestjs/common';
import { SqlExecutor } from '@credit/db';
import { StratumDraw, StratumRule } from '@credit/domain';

export interface InspectionItemRow {
  id: string;
  code: string;
  name: string;
  legalBasis: string;
  createdAt: Date;
}

/** What a plan is made of; the service has checked every value. */
export interface PlanValues {
  name: string;
  year: number;
  regionCode: string;
  subjectTypes: string[];
  industryCodes: string[];
  departmentIds: string[];
  itemIds: string[];
  strata: StratumRule[];
  exclusionMonths: number;
  plannedStart: string;
  plannedEnd: string;
}

/** A stored plan: what it is made of, and what publishing, drawing and completing it recorded. */
export interface PlanRow extends PlanValues {
  id: string;
  status: string;
  createdBy: string;
  seedCommitment: string | null;
  publishedAt: Date | null;
  seed: string | null;
  drawnAt: Date | null;
  drawDay: string | null;
  candidateListHash: string | null;
  candidateCount: number | null;
  drawStrata: StratumDraw[] | null;
  completedOn: string | null;
  publicationDue: string | null;
  createdAt: Date;
}

export interface DepartmentRef {
  id: string;
  code: string;
  name: string;
  regionCode: string;
}

const PLAN_COLUMNS = `p.id::text, p.name, p.year, p.region_code AS "regionCode", p.subject_types AS "subjectTypes",
  p.industry_codes AS "industryCodes", p.department_ids AS "departmentIds", p.item_ids AS "itemIds", p.strata,
  p.exclusion_months AS "exclusionMonths", to_char(p.planned_start, 'YYYY-MM-DD') AS "plannedStart",
  to_char(p.planned_end, 'YYYY-MM-DD') AS "plannedEnd", p.status, p.created_by AS "createdBy",
  p.seed_commitment AS "seedCommitment", p.published_at AS "publishedAt", p.seed, p.drawn_at AS "drawnAt",
  to_char(p.draw_day, 'YYYY-MM-DD') AS "drawDay", p.candidate_list_hash AS "candidateListHash",
  p.candidate_count AS "candidateCount", p.draw_strata AS "drawStrata", to_char(p.completed_on, 'YYYY-MM-DD') AS "completedOn",
  to_char(p.publication_due, 'YYYY-MM-DD') AS "publicationDue", p.created_at AS "createdAt"`;

@Injectable()
export class InspectionPlansRepository {
  async insertItem(sql: SqlExecutor, item: { code: string; name: string; legalBasis: string }, createdBy: string): Promise<InspectionItemRow | null> {
    const [row] = await sql.query<InspectionItemRow>(
      `INSERT INTO inspection_items (code, name, legal_basis, created_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (code) DO NOTHING
       RETURNING id::text, code, name, legal_basis AS "legalBasis", created_at AS "createdAt"`,
      [item.code, item.name, item.legalBasis, createdBy],
    );
    return row ?? null;
  }

  async listItems(sql: SqlExecutor): Promise<InspectionItemRow[]> {
    return sql.query<InspectionItemRow>(`SELECT id::text, code, name, legal_basis AS "legalBasis", created_at AS "createdAt" FROM inspection_items ORDER BY code LIMIT 1000`);
  }

  async itemsByCode(sql: SqlExecutor, codes: string[]): Promise<InspectionItemRow[]> {
    return sql.query<InspectionItemRow>(
      `SELECT id::text, code, name, legal_basis AS "legalBasis", created_at AS "createdAt" FROM inspection_items WHERE code = ANY($1::text[]) ORDER BY code`,
      [codes],
    );
  }

  async itemsById(sql: SqlExecutor, ids: string[]): Promise<InspectionItemRow[]> {
    return sql.query<InspectionItemRow>(
      `SELECT id::text, code, name, legal_basis AS "legalBasis", created_at AS "createdAt" FROM inspection_items WHERE id = ANY($1::bigint[]) ORDER BY code`,
      [ids],
    );
  }

  async departmentsByCode(sql: SqlExecutor, codes: string[]): Promise<DepartmentRef[]> {
    return sql.query<DepartmentRef>(`SELECT id::text, code, name, region_code AS "regionCode" FROM departments WHERE code = ANY($1::text[]) ORDER BY code`, [codes]);
  }

  async departmentsById(sql: SqlExecutor, ids: string[]): Promise<DepartmentRef[]> {
    return sql.query<DepartmentRef>(`SELECT id::text, code, name, region_code AS "regionCode" FROM departments WHERE id = ANY($1::bigint[]) ORDER BY code`, [ids]);
  }

  async insertPlan(sql: SqlExecutor, values: PlanValues, createdBy: string): Promise<PlanRow> {
    const [row] = await sql.query<PlanRow>(
      `INSERT INTO inspection_plans AS p (name, year, region_code, subject_types, industry_codes, department_ids, item_ids, strata,
                                          exclusion_months, planned_start, planned_end, status, created_by)
       VALUES ($1, $2, $3, $4::text[], $5::text[], $6::text[], $7::text[], $8::jsonb, $9, $10::date, $11::date, 'DRAFT', $12)
       RETURNING ${PLAN_COLUMNS}`,
      [...planParams(values), createdBy],
    );
    return row;
  }

  async updatePlan(sql: SqlExecutor, id: string, values: PlanValues): Promise<PlanRow> {
    const [row] = await sql.query<PlanRow>(
      `UPDATE inspection_plans AS p SET name = $1, year = $2, region_code = $3, subject_types = $4::text[], industry_codes = $5::text[],
              department_ids = $6::text[], item_ids = $7::text[], strata = $8::jsonb, exclusion_months = $9, planned_start = $10::date,
              planned_end = $11::date, updated_at = now()
        WHERE p.id = $12::bigint AND p.status = 'DRAFT'
       RETURNING ${PLAN_COLUMNS}`,
      [...planParams(values), id],
    );
    return row;
  }

  /** The plan, locked for the rest of the transaction when `lock`. */
  async findPlan(sql: SqlExecutor, id: string, lock = false): Promise<PlanRow | null> {
    const [row] = await sql.query<PlanRow>(`SELECT ${PLAN_COLUMNS} FROM inspection_plans p WHERE p.id = $1::bigint${lock ? ' FOR UPDATE' : ''}`, [id]);
    return row ?? null;
  }

  /** Records the commitment and keeps the seed apart (inspection_plan_seeds), in the caller's transaction. */
  async publish(sql: SqlExecutor, id: string, seed: string, commitment: string): Promise<PlanRow> {
    await sql.query(`INSERT INTO inspection_plan_seeds (plan_id, seed) VALUES ($1::bigint, $2)`, [id, seed]);
    const [row] = await sql.query<PlanRow>(
      `UPDATE inspection_plans AS p SET status = 'PUBLISHED', seed_commitment = $2, published_at = now(), updated_at = now()
        WHERE p.id = $1::bigint RETURNING ${PLAN_COLUMNS}`,
      [id, commitment],
    );
    return row;
  }

  /** Plans of a year in a region subtree (LIKE prefix, null: everywhere), for the statistics. */
  async plansIn(sql: SqlExecutor, prefix: string | null, year: number): Promise<PlanRow[]> {
    return sql.query<PlanRow>(
      `SELECT ${PLAN_COLUMNS} FROM inspection_plans p
        WHERE p.year = $2 AND ($1::text IS NULL OR p.region_code LIKE $1::text || '%') ORDER BY p.id LIMIT 10000`,
      [prefix, year],
    );
  }
}

function planParams(values: PlanValues): unknown[] {
  return [
    values.name, values.year, values.regionCode, values.subjectTypes, values.industryCodes, values.departmentIds, values.itemIds,
    JSON.stringify(values.strata), values.exclusionMonths, values.plannedStart, values.plannedEnd,
  ];
}

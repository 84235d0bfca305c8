// SQL of the list-type and measure catalogue: small, rarely written tables, written in the caller's transaction
// (with its audit entry) and read whole.
import { Injectable } from '@nestjs/common';
import { Database, SqlExecutor } from '@credit/db';
import { ListTypeTerms } from '@credit/domain';

export interface ListTypeRow {
  id: string;
  code: string;
  name: string;
  legal_basis: string;
  designating_department_codes: string[];
  term_months: number;
  earliest_removal_months: number;
  objection_days: number;
  objection_day_unit: string;
  objection_answer_days: number | null;
  created_at: Date;
}

export interface MeasureRow {
  id: string;
  code: string;
  list_type_code: string;
  description: string;
  legal_basis: string;
  executing_department_codes: string[];
  scenarios: string[];
  created_at: Date;
}

export interface NewListType {
  code: string;
  name: string;
  legalBasis: string;
  designatingDepartmentCodes: string[];
  terms: ListTypeTerms;
}

export interface NewMeasure {
  code: string;
  listTypeId: string;
  description: string;
  legalBasis: string;
  executingDepartmentCodes: string[];
  scenarios: string[];
}

const LIST_TYPE_COLUMNS = `lt.id, lt.code, lt.name, lt.legal_basis, lt.designating_department_codes, lt.term_months,
  lt.earliest_removal_months, lt.objection_days, lt.objection_day_unit, lt.objection_answer_days, lt.created_at`;
const MEASURE_COLUMNS = `m.id, m.code, lt.code AS list_type_code, m.description, m.legal_basis, m.executing_department_codes,
  m.scenarios, m.created_at`;

@Injectable()
export class CatalogueRepository {
  constructor(private readonly db: Database) {}

  async listTypeRow(sql: SqlExecutor, code: string): Promise<ListTypeRow | null> {
    const [row] = await sql.query<ListTypeRow>(`SELECT ${LIST_TYPE_COLUMNS} FROM list_types lt WHERE lt.code = $1`, [code]);
    return row ?? null;
  }

  async insertListType(sql: SqlExecutor, input: NewListType): Promise<ListTypeRow> {
    const { terms } = input;
    const [row] = await sql.query<ListTypeRow>(
      `INSERT INTO list_types (code, name, legal_basis, designating_department_codes, term_months, earliest_removal_months, objection_days,
                               objection_day_unit, objection_answer_days)
       VALUES ($1, $2, $3, $4::text[], $5, $6, $7, $8, $9)
       RETURNING ${LIST_TYPE_COLUMNS.replace(/lt\./g, '')}`,
      [input.code, input.name, input.legalBasis, input.designatingDepartmentCodes, terms.termMonths, terms.earliestRemovalMonths, terms.objectionDays, terms.objectionDayUnit, terms.objectionAnswerDays],
    );
    return row;
  }

  async measureCodeTaken(sql: SqlExecutor, code: string): Promise<boolean> {
    const [taken] = await sql.query('SELECT 1 FROM punishment_measures WHERE code = $1', [code]);
    return taken !== undefined;
  }

  /** Inserts the measure and reads it back with its list type's code. */
  async insertMeasure(sql: SqlExecutor, input: NewMeasure): Promise<MeasureRow> {
    const [{ id }] = await sql.query<{ id: string }>(
      `INSERT INTO punishment_measures (code, list_type_id, description, legal_basis, executing_department_codes, scenarios)
       VALUES ($1, $2, $3, $4, $5::text[], $6::text[]) RETURNING id`,
      [input.code, input.listTypeId, input.description, input.legalBasis, input.executingDepartmentCodes, input.scenarios],
    );
    const [row] = await sql.query<MeasureRow>(
      `SELECT ${MEASURE_COLUMNS} FROM punishment_measures m JOIN list_types lt ON lt.id = m.list_type_id WHERE m.id = $1`,
      [id],
    );
    return row;
  }

  listTypes(): Promise<ListTypeRow[]> {
    return this.db.query<ListTypeRow>(`SELECT ${LIST_TYPE_COLUMNS} FROM list_types lt ORDER BY lt.code`);
  }

  measures(listTypeCode: string | null): Promise<MeasureRow[]> {
    return this.db.query<MeasureRow>(
      `SELECT ${MEASURE_COLUMNS} FROM punishment_measures m JOIN list_types lt ON lt.id = m.list_type_id
        WHERE $1::text IS NULL OR lt.code = $1 ORDER BY lt.code, m.code`,
      [listTypeCode],
    );
  }

  listTypesByIds(ids: readonly string[]): Promise<ListTypeRow[]> {
    return this.db.query<ListTypeRow>(`SELECT ${LIST_TYPE_COLUMNS} FROM list_types lt WHERE lt.id = ANY($1::bigint[])`, [ids]);
  }
}

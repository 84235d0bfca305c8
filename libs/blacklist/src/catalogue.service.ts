// The list-type and measure catalogue (ADMIN). Small, rarely written tables: plain SQL in one transaction with
// its audit entry. A list type without a legal basis cannot exist (here, and by a CHECK in the table).
import { Injectable } from '@nestjs/common';
import { Actor, AuditService, contentHash } from '@credit/audit';
import { badInput, conflict, ErrorDetail, notFound } from '@credit/common';
import { Database, SqlExecutor } from '@credit/db';
import { checkListTypeTerms, DayUnit, ListTypeTerms } from '@credit/domain';
import { Scenario } from './dto/blacklist.enums';
import { CreateListTypeInput, CreateMeasureInput } from './dto/catalogue.inputs';
import { ListTypeModel, MeasureModel } from './dto/catalogue.models';

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

interface MeasureRow {
  id: string;
  code: string;
  list_type_code: string;
  description: string;
  legal_basis: string;
  executing_department_codes: string[];
  scenarios: string[];
  created_at: Date;
}

const LIST_TYPE_COLUMNS = `lt.id, lt.code, lt.name, lt.legal_basis, lt.designating_department_codes, lt.term_months,
  lt.earliest_removal_months, lt.objection_days, lt.objection_day_unit, lt.objection_answer_days, lt.created_at`;
const MEASURE_COLUMNS = `m.id, m.code, lt.code AS list_type_code, m.description, m.legal_basis, m.executing_department_codes,
  m.scenarios, m.created_at`;

export function toListTypeModel(row: ListTypeRow): ListTypeModel {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    legalBasis: row.legal_basis,
    designatingDepartmentCodes: row.designating_department_codes,
    termMonths: row.term_months,
    earliestRemovalMonths: row.earliest_removal_months,
    objectionDays: row.objection_days,
    objectionWindow: { days: row.objection_days, unit: row.objection_day_unit as DayUnit },
    objectionAnswerDays: row.objection_answer_days,
    createdAt: row.created_at,
  };
}

type TermColumns = Pick<ListTypeRow, 'term_months' | 'earliest_removal_months' | 'objection_days'> &
  Partial<Pick<ListTypeRow, 'objection_day_unit' | 'objection_answer_days'>>;

export function termsOf(row: TermColumns): ListTypeTerms {
  return {
    termMonths: row.term_months,
    earliestRemovalMonths: row.earliest_removal_months,
    objectionDays: row.objection_days,
    objectionDayUnit: (row.objection_day_unit as DayUnit | undefined) ?? DayUnit.CALENDAR,
    objectionAnswerDays: row.objection_answer_days ?? null,
  };
}

function toMeasureModel(row: MeasureRow): MeasureModel {
  return {
    id: row.id,
    code: row.code,
    listTypeCode: row.list_type_code,
    description: row.description,
    legalBasis: row.legal_basis,
    executingDepartmentCodes: row.executing_department_codes,
    scenarios: row.scenarios as Scenario[],
    createdAt: row.created_at,
  };
}

/** Trimmed text, or a coded error naming the field when it is blank. */
function required(value: string, field: string, zh: string): string {
  const trimmed = value.trim();
  if (!trimmed) throw badInput(`${zh}不能为空（${field} is required and must not be blank）`, `input.${field}`);
  return trimmed;
}

@Injectable()
export class CatalogueService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditService,
  ) {}

  async createListType(input: CreateListTypeInput, actor: Actor): Promise<ListTypeModel> {
    const name = required(input.name, 'name', '名单名称');
    const legalBasis = required(input.legalBasis, 'legalBasis', '设列依据');
    const terms: ListTypeTerms = {
      termMonths: input.termMonths,
      earliestRemovalMonths: input.earliestRemovalMonths,
      objectionDays: input.objectionDays,
      objectionDayUnit: input.objectionDayUnit ?? DayUnit.CALENDAR,
      objectionAnswerDays: input.objectionAnswerDays ?? null,
    };
    const issues = checkListTypeTerms(terms);
    if (issues.length > 0) {
      const details: ErrorDetail[] = issues.map((issue) => ({ ...issue, field: `input.${issue.field}` }));
      throw badInput(issues.map((issue) => issue.message).join('; '), details[0].field, details);
    }
    return this.db.transaction(async (sql) => {
      if (await this.listTypeRow(sql, input.code)) throw conflict(`名单类型 ${input.code} 已存在（list type ${input.code} already exists）`, 'input.code');
      const [row] = await sql.query<ListTypeRow>(
        `INSERT INTO list_types (code, name, legal_basis, designating_department_codes, term_months, earliest_removal_months, objection_days,
                                 objection_day_unit, objection_answer_days)
         VALUES ($1, $2, $3, $4::text[], $5, $6, $7, $8, $9)
         RETURNING ${LIST_TYPE_COLUMNS.replace(/lt\./g, '')}`,
        [input.code, name, legalBasis, input.designatingDepartmentCodes, terms.termMonths, terms.earliestRemovalMonths, terms.objectionDays, terms.objectionDayUnit, terms.objectionAnswerDays],
      );
      const model = toListTypeModel(row);
      await this.audit.append(sql, actor, [
        { action: 'LIST_TYPE_CREATED', targetType: 'LIST_TYPE', targetId: row.id, afterHash: contentHash({ ...model, createdAt: undefined }), details: { code: row.code } },
      ]);
      return model;
    });
  }

  async createMeasure(input: CreateMeasureInput, actor: Actor): Promise<MeasureModel> {
    const description = required(input.description, 'description', '惩戒措施内容');
    const legalBasis = required(input.legalBasis, 'legalBasis', '措施依据');
    return this.db.transaction(async (sql) => {
      const listType = await this.listTypeRow(sql, input.listTypeCode);
      if (!listType) throw notFound(`List type ${input.listTypeCode}`);
      const [taken] = await sql.query('SELECT 1 FROM punishment_measures WHERE code = $1', [input.code]);
      if (taken) throw conflict(`惩戒措施 ${input.code} 已存在（measure ${input.code} already exists）`, 'input.code');
      const [{ id }] = await sql.query<{ id: string }>(
        `INSERT INTO punishment_measures (code, list_type_id, description, legal_basis, executing_department_codes, scenarios)
         VALUES ($1, $2, $3, $4, $5::text[], $6::text[]) RETURNING id`,
        [input.code, listType.id, description, legalBasis, input.executingDepartmentCodes, input.scenarios],
      );
      const [row] = await sql.query<MeasureRow>(
        `SELECT ${MEASURE_COLUMNS} FROM punishment_measures m JOIN list_types lt ON lt.id = m.list_type_id WHERE m.id = $1`,
        [id],
      );
      const model = toMeasureModel(row);
      await this.audit.append(sql, actor, [
        { action: 'MEASURE_CREATED', targetType: 'PUNISHMENT_MEASURE', targetId: id, afterHash: contentHash({ ...model, createdAt: undefined }), details: { code: row.code, listType: row.list_type_code } },
      ]);
      return model;
    });
  }

  async listTypes(): Promise<ListTypeModel[]> {
    const rows = await this.db.query<ListTypeRow>(`SELECT ${LIST_TYPE_COLUMNS} FROM list_types lt ORDER BY lt.code`);
    return rows.map(toListTypeModel);
  }

  async measures(listTypeCode?: string | null): Promise<MeasureModel[]> {
    const rows = await this.db.query<MeasureRow>(
      `SELECT ${MEASURE_COLUMNS} FROM punishment_measures m JOIN list_types lt ON lt.id = m.list_type_id
        WHERE $1::text IS NULL OR lt.code = $1 ORDER BY lt.code, m.code`,
      [listTypeCode ?? null],
    );
    return rows.map(toMeasureModel);
  }

  async findListTypes(ids: readonly string[]): Promise<Map<string, ListTypeModel>> {
    const rows = await this.db.query<ListTypeRow>(`SELECT ${LIST_TYPE_COLUMNS} FROM list_types lt WHERE lt.id = ANY($1::bigint[])`, [ids]);
    return new Map(rows.map((row) => [row.id, toListTypeModel(row)]));
  }

  async listTypeRow(sql: SqlExecutor, code: string): Promise<ListTypeRow | null> {
    const [row] = await sql.query<ListTypeRow>(`SELECT ${LIST_TYPE_COLUMNS} FROM list_types lt WHERE lt.code = $1`, [code]);
    return row ?? null;
  }
}

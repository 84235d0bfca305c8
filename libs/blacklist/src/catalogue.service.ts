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
import { CatalogueRepository, ListTypeRow, MeasureRow } from './catalogue.repository';

export type { ListTypeRow } from './catalogue.repository';

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
    private readonly catalogue: CatalogueRepository,
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
      if (await this.catalogue.listTypeRow(sql, input.code)) throw conflict(`名单类型 ${input.code} 已存在（list type ${input.code} already exists）`, 'input.code');
      const row = await this.catalogue.insertListType(sql, { code: input.code, name, legalBasis, designatingDepartmentCodes: input.designatingDepartmentCodes, terms });
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
      const listType = await this.catalogue.listTypeRow(sql, input.listTypeCode);
      if (!listType) throw notFound(`List type ${input.listTypeCode}`);
      if (await this.catalogue.measureCodeTaken(sql, input.code)) throw conflict(`惩戒措施 ${input.code} 已存在（measure ${input.code} already exists）`, 'input.code');
      const row = await this.catalogue.insertMeasure(sql, {
        code: input.code,
        listTypeId: listType.id,
        description,
        legalBasis,
        executingDepartmentCodes: input.executingDepartmentCodes,
        scenarios: input.scenarios,
      });
      const id = row.id;
      const model = toMeasureModel(row);
      await this.audit.append(sql, actor, [
        { action: 'MEASURE_CREATED', targetType: 'PUNISHMENT_MEASURE', targetId: id, afterHash: contentHash({ ...model, createdAt: undefined }), details: { code: row.code, listType: row.list_type_code } },
      ]);
      return model;
    });
  }

  async listTypes(): Promise<ListTypeModel[]> {
    return (await this.catalogue.listTypes()).map(toListTypeModel);
  }

  async measures(listTypeCode?: string | null): Promise<MeasureModel[]> {
    return (await this.catalogue.measures(listTypeCode ?? null)).map(toMeasureModel);
  }

  async findListTypes(ids: readonly string[]): Promise<Map<string, ListTypeModel>> {
    const rows = await this.catalogue.listTypesByIds(ids);
    return new Map(rows.map((row) => [row.id, toListTypeModel(row)]));
  }

  /** The list type with its terms, read in the caller's transaction. */
  listTypeRow(sql: SqlExecutor, code: string): Promise<ListTypeRow | null> {
    return this.catalogue.listTypeRow(sql, code);
  }
}

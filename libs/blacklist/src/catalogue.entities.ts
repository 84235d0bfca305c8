import { Check, Entity, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '@credit/db';

/**
 * 名单类型: a kind of serious-dishonesty list, admin-managed. A list type without a legal basis cannot exist:
 * the service refuses it and the CHECK below keeps it out even from hand-written SQL.
 */
@Entity({ tableName: 'list_types' })
@Check({ name: 'list_types_legal_basis_not_blank', expression: "btrim(legal_basis) <> ''" })
@Check({ name: 'list_types_designating_not_empty', expression: 'cardinality(designating_department_codes) >= 1' })
@Check({
  name: 'list_types_terms_valid',
  expression: 'term_months >= 1 and objection_days >= 1 and earliest_removal_months >= 0 and earliest_removal_months <= term_months',
})
@Check({ name: 'list_types_objection_unit_valid', expression: "objection_day_unit = 'WORKING' or objection_day_unit = 'CALENDAR'" })
@Check({ name: 'list_types_objection_answer_days_valid', expression: 'objection_answer_days is null or objection_answer_days >= 1' })
export class ListType extends BaseEntity {
  @Property({ length: 64 })
  @Unique()
  code!: string;

  @Property({ length: 200 })
  name!: string;

  /** 设列依据: the law or regulation that creates the list. */
  @Property({ type: 'text' })
  legalBasis!: string;

  /** 认定部门: codes of the departments that may designate subjects onto this list. */
  @Property({ type: 'text[]' })
  designatingDepartmentCodes!: string[];

  /** 列入期限 */
  @Property()
  termMonths!: number;

  /** 最短列入期 before credit repair may remove a subject early. */
  @Property()
  earliestRemovalMonths!: number;

  /** 异议期 from the notice date, counted in objectionDayUnit. */
  @Property()
  objectionDays!: number;

  /** WORKING (工作日) | CALENDAR (自然日): the unit the list type's rule states the window in. */
  @Property({ length: 16, default: 'CALENDAR' })
  objectionDayUnit!: string;

  /** 异议答复期限 in working days from the day an objection is filed; null = none set. */
  @Property({ type: 'integer', nullable: true })
  objectionAnswerDays!: number | null;
}

/** 联合惩戒措施: what other departments must do about a subject on a list type, per scenario. */
@Entity({ tableName: 'punishment_measures' })
@Check({ name: 'punishment_measures_legal_basis_not_blank', expression: "btrim(legal_basis) <> ''" })
@Check({ name: 'punishment_measures_executing_not_empty', expression: 'cardinality(executing_department_codes) >= 1' })
@Check({ name: 'punishment_measures_scenarios_not_empty', expression: 'cardinality(scenarios) >= 1' })
export class PunishmentMeasure extends BaseEntity {
  @Property({ length: 64 })
  @Unique()
  code!: string;

  @ManyToOne(() => ListType, { deleteRule: 'restrict' })
  @Index()
  listType!: ListType;

  @Property({ type: 'text' })
  description!: string;

  @Property({ type: 'text' })
  legalBasis!: string;

  /** 实施部门: the departments this measure binds. */
  @Property({ type: 'text[]' })
  executingDepartmentCodes!: string[];

  /** Scenario values (LICENSING, PROCUREMENT …) in which the measure applies. */
  @Property({ type: 'text[]' })
  scenarios!: string[];
}

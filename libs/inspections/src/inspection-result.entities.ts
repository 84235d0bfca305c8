// Inspectors (执法检查人员库), their assignments, the results departments record and the published copy of them.
import { BigIntType, Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '@credit/db';
import { Department } from '@credit/departments';
import { CreditSubject } from '@credit/subjects';
import { InspectionPlan } from './inspection-plan.entities';

/** An inspector of a department's pool: a person, not a login. Conflicts (回避) are declared subjects and regions. */
@Entity({ tableName: 'inspectors' })
export class Inspector extends BaseEntity {
  @Property({ length: 100 }) name!: string;
  /** 执法证号 */
  @Property({ length: 64 })
  @Unique()
  certificateNumber!: string;

  @ManyToOne(() => Department, { deleteRule: 'restrict' })
  @Index()
  department!: Department;

  @Property({ length: 6 }) regionCode!: string;
  @Property({ type: 'text[]' }) conflictUsccs!: string[];
  @Property({ type: 'text[]' }) conflictRegionCodes!: string[];
  @Property({ default: true }) active: boolean = true;
}

/** 随机选派: the inspectors drawn for one selected subject of a plan. */
@Entity({ tableName: 'inspection_assignments' })
export class InspectionAssignment {
  @ManyToOne(() => InspectionPlan, { primary: true, deleteRule: 'cascade', fieldName: 'plan_id' })
  plan!: InspectionPlan;

  @PrimaryKey({ type: new BigIntType('string'), fieldName: 'subject_id' })
  subjectId!: string;

  @ManyToOne(() => Inspector, { primary: true, deleteRule: 'restrict', fieldName: 'inspector_id' })
  @Index()
  inspector!: Inspector;
}

/** 抽查检查结果 recorded by an executing department for one selected subject. */
@Entity({ tableName: 'inspection_results' })
@Unique({ properties: ['plan', 'subject'] })
export class InspectionResult extends BaseEntity {
  @ManyToOne(() => InspectionPlan, { deleteRule: 'cascade' })
  plan!: InspectionPlan;

  @ManyToOne(() => CreditSubject, { deleteRule: 'cascade' })
  @Index()
  subject!: CreditSubject;

  @Property({ length: 32 }) category!: string;
  @Property({ length: 4000 }) findings!: string;
  @Property({ type: 'date' }) inspectedOn!: string;
  @Property({ type: 'text[]' }) inspectorIds!: string[];
  /** Recorded day + 20 working days: published by then at the latest, even if the plan is not complete. */
  @Property({ type: 'date' }) publicationDue!: string;

  @ManyToOne(() => Department, { deleteRule: 'restrict' })
  recordedBy!: Department;
}

/**
 * The public copy of a result (一公开), written when the plan's results are published: the only table the
 * public search reads. Natural persons' names are masked here (never an ID number); `tokens` are the search
 * tokens of @credit/search (tokenize) over the subject name, the plan name and the findings.
 */
@Entity({ tableName: 'inspection_published_results' })
@Index({ properties: ['planYear', 'regionCode'] })
@Index({ name: 'inspection_published_results_tokens_index', expression: 'create index "inspection_published_results_tokens_index" on "inspection_published_results" using gin ("tokens")' })
export class InspectionPublishedResult {
  /** The id of the inspection_results row. */
  @PrimaryKey({ type: new BigIntType('string'), autoincrement: false })
  id!: string;

  @ManyToOne(() => InspectionPlan, { deleteRule: 'cascade' })
  @Index()
  plan!: InspectionPlan;

  @Property({ length: 200 }) planName!: string;
  @Property() planYear!: number;
  @Property({ length: 6, nullable: true }) regionCode!: string | null;
  @Property({ type: 'text[]' }) departmentIds!: string[];
  @Property({ length: 500 }) departmentNames!: string;
  @Property({ length: 18, nullable: true })
  @Index()
  uscc!: string | null;
  @Property({ length: 200 }) subjectName!: string;
  @Property({ length: 24 }) subjectType!: string;
  @Property({ length: 32 }) category!: string;
  @Property({ length: 4000 }) findings!: string;
  @Property({ type: 'date' }) inspectedOn!: string;
  @Property({ type: 'date' }) publishedOn!: string;
  @Property({ type: 'text[]' }) tokens!: string[];
}

// Tables of 双随机、一公开 plans and draws. The draw tables are written only by the set-based SQL of
// InspectionDrawRepository; the entities document the tables and drive the migrations.
import { Check, Entity, Index, ManyToOne, OneToOne, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '@credit/db';
import { CreditSubject } from '@credit/subjects';

/** 检查事项: the catalogue an admin maintains, each item with its legal basis (检查依据). */
@Entity({ tableName: 'inspection_items' })
export class InspectionItem extends BaseEntity {
  @Property({ length: 64 })
  @Unique()
  code!: string;

  @Property({ length: 200 })
  name!: string;

  @Property({ length: 2000 })
  legalBasis!: string;

  @Property({ length: 200 })
  createdBy!: string;
}

/**
 * 抽查计划. DRAFT (editable) → PUBLISHED (seedCommitment recorded, read-only) → DRAWN (seed revealed, candidates
 * frozen) → ASSIGNED (inspectors drawn) → COMPLETED (every drawn subject has a result; publication due).
 */
@Entity({ tableName: 'inspection_plans' })
@Check({ name: 'inspection_plans_status_valid', expression: "status = 'DRAFT' or status = 'PUBLISHED' or status = 'DRAWN' or status = 'ASSIGNED' or status = 'COMPLETED'" })
@Check({ name: 'inspection_plans_dates_valid', expression: 'planned_start <= planned_end and exclusion_months >= 0 and exclusion_months <= 120' })
@Index({ properties: ['regionCode', 'year'] })
export class InspectionPlan extends BaseEntity {
  @Property({ length: 200 }) name!: string;
  @Property() year!: number;
  /** Scope: the region subtree whose subjects are candidates. */
  @Property({ length: 6 }) regionCode!: string;
  /** PartyType values in scope. */
  @Property({ type: 'text[]' }) subjectTypes!: string[];
  /** Optional industry codes (国民经济行业分类), recorded for the plan; subjects carry no industry yet. */
  @Property({ type: 'text[]' }) industryCodes!: string[];
  @Property({ type: 'text[]' }) departmentIds!: string[];
  @Property({ type: 'text[]' }) itemIds!: string[];
  /** StratumRule[] of @credit/domain: [{ tier, ratioBasisPoints, minCount, maxCount }]. */
  @Property({ type: 'jsonb' }) strata!: unknown;
  @Property() exclusionMonths!: number;
  @Property({ type: 'date' }) plannedStart!: string;
  @Property({ type: 'date' }) plannedEnd!: string;
  @Property({ length: 16 }) status!: string;
  /** Who made the plan (actor name); a department that made it is also one of departmentIds. */
  @Property({ length: 200 }) createdBy!: string;
  @Property({ length: 64, nullable: true }) seedCommitment!: string | null;
  @Property({ type: 'timestamptz', nullable: true }) publishedAt!: Date | null;
  /** The seed, copied here from inspection_plan_seeds only when the draw reveals it. */
  @Property({ length: 64, nullable: true }) seed!: string | null;
  @Property({ type: 'timestamptz', nullable: true }) drawnAt!: Date | null;
  @Property({ type: 'date', nullable: true }) drawDay!: string | null;
  @Property({ length: 64, nullable: true }) candidateListHash!: string | null;
  @Property({ type: 'integer', nullable: true }) candidateCount!: number | null;
  /** StratumDraw[]: candidates, count and shortfall per tier. */
  @Property({ type: 'jsonb', nullable: true }) drawStrata!: unknown;
  @Property({ type: 'date', nullable: true }) completedOn!: string | null;
  /** completedOn + 20 working days: the results must be public by then. */
  @Property({ type: 'date', nullable: true }) publicationDue!: string | null;
}

/**
 * The secret seed of a published plan, apart from the plan row so that no query serving the plan can read it
 * by accident: nothing but the draw reads this table, and the draw copies the seed into the plan (reveal).
 */
@Entity({ tableName: 'inspection_plan_seeds' })
export class InspectionPlanSeed {
  @OneToOne(() => InspectionPlan, { primary: true, deleteRule: 'cascade', fieldName: 'plan_id' })
  plan!: InspectionPlan;

  @Property({ length: 64 }) seed!: string;
}

// The frozen candidate list of a draw (inspection_candidates: plan_id, subject_id, uscc, tier) is not an entity:
// it is written only by the draw's INSERT … SELECT (InspectionDrawRepository.freezeCandidates) and read by the export and
// the verifier. It has no primary key and no foreign keys, only a BRIN index on plan_id (a plan's rows are
// appended together): at a million rows a draw, the b-tree of a key cost more than the rest of the insert. Rows
// are unique by construction: one draw per plan (status checked under the plan's row lock), one row per subject.
// Created by Migration20261204100000.

/** The subjects a draw selected (随机抽取的检查对象), with their rank in their tier stratum. */
@Entity({ tableName: 'inspection_selections' })
@Index({ properties: ['subject', 'drawDay'] })
export class InspectionSelection {
  @ManyToOne(() => InspectionPlan, { primary: true, deleteRule: 'cascade', fieldName: 'plan_id' })
  plan!: InspectionPlan;

  @ManyToOne(() => CreditSubject, { primary: true, deleteRule: 'cascade', fieldName: 'subject_id' })
  subject!: CreditSubject;

  @Property({ length: 18 }) uscc!: string;
  @Property({ length: 1 }) tier!: string;
  @Property() rank!: number;
  /** hex SHA-256(seed ‖ USCC). */
  @Property({ length: 64 }) digest!: string;
  @Property({ type: 'date' }) drawDay!: string;
}

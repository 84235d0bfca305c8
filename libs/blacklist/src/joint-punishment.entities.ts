import { BigIntType, Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Department } from '@credit/departments';
import { CreditSubject } from '@credit/subjects';
import { PunishmentMeasure } from './catalogue.entities';
import { Listing } from './listing.entities';

/**
 * 联合惩戒核查 (发起 → 响应): every check a department makes before acting, with what it was told, so regulators
 * see who checks and who applies measures. The result is kept as it was answered, not recomputed.
 */
@Entity({ tableName: 'joint_punishment_checks' })
@Index({ properties: ['checkedOn', 'department'] })
export class JointPunishmentCheck {
  @PrimaryKey({ type: new BigIntType('string'), autoincrement: true })
  id!: string;

  @ManyToOne(() => Department, { deleteRule: 'restrict' })
  department!: Department;

  /** As asked; the subject may be unknown to the registry (then subject is null and listed false). */
  @Property({ length: 18 }) uscc!: string;

  @ManyToOne(() => CreditSubject, { nullable: true, deleteRule: 'restrict' })
  subject!: CreditSubject | null;

  /** Scenario */
  @Property({ length: 16 }) scenario!: string;
  @Property() listed!: boolean;
  @Property({ type: 'text[]', columnType: 'bigint[]' }) listingIds!: string[];
  @Property({ type: 'text[]' }) measureCodes!: string[];
  /** China calendar day of the check (the statistics' period). */
  @Property({ type: 'date' }) checkedOn!: string;
  @Property({ type: 'timestamptz', defaultRaw: 'now()' }) checkedAt!: Date;
}

/** 反馈: which measure the checking department applied (or not), once per measure per check. */
@Entity({ tableName: 'measure_feedback' })
@Unique({ properties: ['check', 'measure'] })
export class MeasureFeedback {
  @PrimaryKey({ type: new BigIntType('string'), autoincrement: true })
  id!: string;

  @ManyToOne(() => JointPunishmentCheck, { deleteRule: 'cascade' })
  check!: JointPunishmentCheck;

  @ManyToOne(() => PunishmentMeasure, { deleteRule: 'restrict' })
  @Index()
  measure!: PunishmentMeasure;

  @ManyToOne(() => Listing, { deleteRule: 'restrict' })
  listing!: Listing;

  @Property() applied!: boolean;
  @Property({ length: 1000, nullable: true }) note!: string | null;
  @Property({ type: 'timestamptz', defaultRaw: 'now()' }) recordedAt!: Date;
}

import { BigIntType, Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { CreditTier } from '@credit/domain';
import { CreditSubject } from '@credit/subjects';

/**
 * Every change of a subject's assessment (分类变更历史): a row is written only when level, score, reasons or
 * rule version change, so `tierAsOf(date)` is the latest row that started before the end of that day. A subject
 * with no row before a date was A / 100 with no counted records on it.
 */
@Entity({ tableName: 'subject_tier_history' })
@Index({ properties: ['subject', 'validFrom'] })
export class SubjectTierHistory {
  @PrimaryKey({ type: new BigIntType('string'), autoincrement: true })
  id!: string;

  // Checked against credit_subjects per statement, as subject_tiers is (Migration20261205020000), not by a foreign key.
  @ManyToOne(() => CreditSubject, { createForeignKeyConstraint: false })
  subject!: CreditSubject;

  @Enum({ items: () => CreditTier, nativeEnumName: undefined })
  level!: CreditTier;

  @Property({ type: 'smallint' })
  score!: number;

  @Property({ length: 16 })
  ruleVersion!: string;

  /** Null while the row is open (valid_to null): the reasons in force are subject_tiers.reasons, copied here on closing. */
  @Property({ type: 'json', columnType: 'json', nullable: true })
  reasons!: unknown[] | null;

  /** Why it was recomputed: PENALTY_CREATED, PENALTY_UPDATED, PENALTY_REVOKED, PENALTY_REPAIRED, SWEEP, RECOMPUTE_ALL, LISTING … */
  @Property({ length: 32 })
  cause!: string;

  @Property({ type: 'timestamptz' })
  validFrom!: Date;

  /** Set when the next change is written; null for the assessment in force. */
  @Property({ type: 'timestamptz', nullable: true })
  validTo!: Date | null;
}

import { Entity, Enum, Index, OneToOne, Property } from '@mikro-orm/core';
import { CreditTier } from '@credit/domain';
import { CreditSubject } from '@credit/subjects';

/**
 * The current tier assessment (当前信用风险分类) of one subject. Written only by the set-based recomputation SQL
 * (TierRecomputeRepository); the entity documents the table and drives the migrations.
 *
 * `regionCode` and `subjectType` are copied from credit_subjects (which never changes them after insert) so a
 * filtered page of creditSubjects is served by one index of this table, without a join before the LIMIT.
 */
@Entity({ tableName: 'subject_tiers' })
@Index({ name: 'subject_tiers_level_subject_id_index', properties: ['level', 'subject'] })
@Index({ name: 'subject_tiers_changed_at_subject_id_index', properties: ['changedAt', 'subject'] })
// LIKE 'prefix%' on the region needs pattern_ops whatever the database collation is.
@Index({
  name: 'subject_tiers_region_pattern_index',
  expression: 'create index "subject_tiers_region_pattern_index" on "subject_tiers" ("region_code" varchar_pattern_ops, "level", "subject_id")',
})
// The sweep only looks at subjects with a date; most subjects have none.
@Index({
  name: 'subject_tiers_next_review_on_index',
  expression: 'create index "subject_tiers_next_review_on_index" on "subject_tiers" ("next_review_on") where "next_review_on" is not null',
})
export class SubjectTier {
  // No foreign key: statement-level triggers check and lock the subjects of each INSERT as one set, and cascade a
  // subject's deletion (Migration20261205020000). Per-row checks were a quarter of a first full recomputation.
  @OneToOne(() => CreditSubject, { primary: true, createForeignKeyConstraint: false, fieldName: 'subject_id' })
  subject!: CreditSubject;

  @Enum({ items: () => CreditTier, nativeEnumName: undefined })
  level!: CreditTier;

  @Property({ type: 'smallint' })
  score!: number;

  @Property({ length: 16 })
  ruleVersion!: string;

  /**
   * TierReason[] exactly as evaluateTier returns them (code, description, points, recordId, decisionNumber, listingId).
   * `json`, not `jsonb`: the recomputation builds the text and the column keeps it as written (validated, not
   * re-encoded). Parsing into jsonb was a fifth of a first full recomputation's time (bench/tiers), and nothing
   * queries inside the reasons; they are read whole.
   */
  @Property({ type: 'json', columnType: 'json' })
  reasons!: unknown[];

  /** When this row was last written by a recomputation (recomputations skip rows that would not change). */
  @Property({ type: 'timestamptz' })
  computedAt!: Date;

  /** 下次复核日期: earliest date on which time alone can change the result; the daily sweep picks these up. */
  @Property({ type: 'date', nullable: true })
  nextReviewOn!: string | null;

  /** When level, score, reasons or rule version last changed (the creditSubjects changedSince filter). */
  @Property({ type: 'timestamptz' })
  changedAt!: Date;

  @Property({ length: 6, nullable: true })
  regionCode!: string | null;

  @Property({ length: 24 })
  subjectType!: string;
}

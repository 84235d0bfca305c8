import { BigIntType, Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/**
 * A subject's names (名称变更). A department pushing a known USCC under another name only PROPOSES the change
 * (its record keeps the name it used); a regulator or admin approves it, and the row then keeps the earlier name
 * so a renamed company stays findable. One pending proposal per subject and name.
 */
@Entity({ tableName: 'subject_name_changes' })
@Index({ properties: ['subjectId', 'changedAt'] })
@Unique({ name: 'subject_name_changes_pending_unique', expression: `create unique index "subject_name_changes_pending_unique" on "subject_name_changes" ("subject_id", "new_name") where "status" = 'PENDING'` })
export class SubjectNameChange {
  @PrimaryKey({ type: new BigIntType('string'), autoincrement: true })
  id!: string;

  @Property({ type: new BigIntType('string') })
  subjectId!: string;

  /** The registered name when the change was proposed (re-read when it is approved). */
  @Property({ length: 200 })
  previousName!: string;

  @Property({ length: 200 })
  newName!: string;

  /** PENDING → APPROVED (the subject renamed) or REJECTED. */
  @Property({ length: 16, default: 'APPROVED' })
  status!: string;

  /** The department whose push carried the new name; null when proposed otherwise. */
  @Property({ type: new BigIntType('string'), nullable: true })
  proposedByDepartmentId!: string | null;

  /** 决定书文号 of the record that carried the new name, for the reviewer. */
  @Property({ length: 128, nullable: true })
  decisionNumber!: string | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  proposedAt!: Date;

  /** When the review decided; for APPROVED rows also when the name changed. */
  @Property({ type: 'timestamptz', nullable: true })
  changedAt!: Date | null;
}

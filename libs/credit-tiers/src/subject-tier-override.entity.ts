import { BigIntType, Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { CreditSubject } from '@credit/subjects';

/**
 * Hard overrides of the tier that other capabilities own, e.g. a designation on the serious-dishonesty list
 * (严重失信主体名单, source LISTING). Written through TierOverridesService; every active row is a "listing"
 * fact for the evaluator (→ D). `code` is shown as the 认定决定书文号, `description` as the list type name.
 */
@Entity({ tableName: 'subject_tier_overrides' })
@Unique({ properties: ['source', 'sourceId'] })
export class SubjectTierOverride {
  @PrimaryKey({ type: new BigIntType('string'), autoincrement: true })
  id!: string;

  @ManyToOne(() => CreditSubject, { deleteRule: 'cascade', updateRule: 'cascade' })
  @Index()
  subject!: CreditSubject;

  @Property({ length: 32 })
  source!: string;

  @Property({ length: 64 })
  sourceId!: string;

  @Property({ length: 128 })
  code!: string;

  @Property({ length: 500 })
  description!: string;

  /** First day the override applies (inclusive). */
  @Property({ type: 'date' })
  activeFrom!: string;

  /** First day it no longer applies (exclusive), or null while open. */
  @Property({ type: 'date', nullable: true })
  activeTo!: string | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt!: Date;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  updatedAt!: Date;
}

import { BigIntType, Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/** A superseded version of a penalty record, kept when a re-push changes its content. */
@Entity({ tableName: 'penalty_record_versions' })
@Unique({ properties: ['recordId', 'version'] })
export class PenaltyRecordVersion {
  @PrimaryKey({ type: new BigIntType('string'), autoincrement: true })
  id!: string;

  @Property({ type: new BigIntType('string') })
  recordId!: string;

  @Property()
  version!: number;

  /** Every content column of the record as it was (the encrypted ID number stays encrypted). */
  @Property({ type: 'jsonb' })
  content!: Record<string, unknown>;

  @Property({ length: 64 })
  contentHash!: string;

  @Property({ type: 'timestamptz' })
  validFrom!: Date;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  supersededAt!: Date;
}

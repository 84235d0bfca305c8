import { BigIntType, Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** Every name a subject has been pushed under, so a renamed company stays findable (名称变更). */
@Entity({ tableName: 'subject_name_changes' })
@Index({ properties: ['subjectId', 'changedAt'] })
export class SubjectNameChange {
  @PrimaryKey({ type: new BigIntType('string'), autoincrement: true })
  id!: string;

  @Property({ type: new BigIntType('string') })
  subjectId!: string;

  @Property({ length: 200 })
  previousName!: string;

  @Property({ length: 200 })
  newName!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  changedAt!: Date;
}

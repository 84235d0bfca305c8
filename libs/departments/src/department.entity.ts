import { Entity, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '@credit/db';

/** A government department that pushes records (市场监管局, 税务局 …). */
@Entity({ tableName: 'departments' })
export class Department extends BaseEntity {
  @Property({ length: 64 })
  @Unique()
  code!: string;

  @Property({ length: 200 })
  name!: string;

  /** The department's own 统一社会信用代码. */
  @Property({ length: 18 })
  uscc!: string;

  @Property({ length: 6 })
  regionCode!: string;
}

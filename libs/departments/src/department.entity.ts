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

  /**
   * 异议与信用修复联系方式: where the public objects to a published decision or applies for credit repair (office,
   * telephone, address, mailbox), shown on the public portal beside the department's records. Set by an admin.
   */
  @Property({ length: 500, nullable: true })
  publicContact: string | null = null;
}

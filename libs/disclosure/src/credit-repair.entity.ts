import { Entity, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '@credit/db';
import { Department } from '@credit/departments';
import { PenaltyRecord } from '@credit/penalties';

/** An approved credit repair (信用修复): the party's public credit commitment (信用承诺) and who approved it. */
@Entity({ tableName: 'credit_repairs' })
export class CreditRepair extends BaseEntity {
  @ManyToOne(() => PenaltyRecord, { deleteRule: 'restrict' })
  @Unique()
  record!: PenaltyRecord;

  @Property({ type: 'date' }) approvedOn!: string;
  @Property({ type: 'text' }) commitment!: string;

  /** The deciding department, which alone may approve. */
  @ManyToOne(() => Department, { deleteRule: 'restrict' })
  approvedBy!: Department;
}

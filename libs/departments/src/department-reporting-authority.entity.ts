import { Entity, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '@credit/db';
import { Department } from './department.entity';

/**
 * Another deciding authority (处罚机关) a department may publish decisions for, granted by an admin: a county
 * bureau whose decisions the city bureau reports, say. Without a grant a department publishes only as itself.
 */
@Entity({ tableName: 'department_reporting_authorities' })
@Unique({ name: 'department_reporting_authorities_grant_unique', properties: ['department', 'authorityUscc'] })
export class DepartmentReportingAuthority extends BaseEntity {
  @ManyToOne(() => Department, { deleteRule: 'cascade' })
  department!: Department;

  /** 处罚机关统一社会信用代码. */
  @Property({ length: 18 })
  authorityUscc!: string;

  /** 处罚机关 as it must appear on the decisions. */
  @Property({ length: 200 })
  authorityName!: string;
}

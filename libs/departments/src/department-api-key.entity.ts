import { Entity, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '@credit/db';
import { Department } from './department.entity';

/**
 * An API key is shown once; only its SHA-256 is kept (the secret has 256 bits of entropy, so a fast hash is
 * enough), found by the non-secret prefix and compared in constant time.
 */
@Entity({ tableName: 'department_api_keys' })
@Index({ properties: ['department'] })
export class DepartmentApiKey extends BaseEntity<'expiresAt' | 'revokedAt' | 'lastUsedAt'> {
  @ManyToOne(() => Department, { deleteRule: 'cascade' })
  department!: Department;

  @Property({ length: 32 })
  @Unique()
  prefix!: string;

  @Property({ length: 64 })
  secretHash!: string;

  @Property({ type: 'timestamptz', nullable: true })
  expiresAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null = null;
}

import { BigIntType, Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * Append-only, hash-chained audit log: each row's hash covers its content and the previous row's hash, so a
 * changed or deleted row breaks the chain at a findable place; signed checkpoints of the head (AuditCheckpoint)
 * catch a tail cut off. Written only by AuditService (raw SQL).
 */
@Entity({ tableName: 'audit_log' })
@Index({ properties: ['targetType', 'targetId'] })
export class AuditEntry {
  @PrimaryKey({ type: new BigIntType('string'), autoincrement: true })
  id!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  occurredAt!: Date;

  @Property({ length: 16 })
  actorType!: string;

  @Property({ length: 64, nullable: true })
  actorId!: string | null;

  @Property({ length: 200, nullable: true })
  actorName!: string | null;

  @Property({ length: 64 })
  action!: string;

  @Property({ length: 32 })
  targetType!: string;

  @Property({ length: 128 })
  targetId!: string;

  @Property({ length: 64, nullable: true })
  beforeHash!: string | null;

  @Property({ length: 64, nullable: true })
  afterHash!: string | null;

  @Property({ type: 'jsonb', nullable: true })
  details!: Record<string, unknown> | null;

  @Property({ length: 64 })
  prevHash!: string;

  @Property({ length: 64 })
  rowHash!: string;

  /** 1: rows written before every column was hashed (actor name and id not covered); 2: every column. */
  @Property({ type: 'smallint', default: 1 })
  hashVersion!: number;
}

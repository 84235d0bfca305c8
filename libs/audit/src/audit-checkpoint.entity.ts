import { BigIntType, Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A signed statement "the audit chain had row_count rows up to last_id, ending in head_hash", written by the
 * job runner (AuditCheckpointWriter). Whoever rewrites or cuts the log cannot forge the HMAC without the key
 * kept outside the database. Append-only, like audit_log.
 */
@Entity({ tableName: 'audit_checkpoints' })
export class AuditCheckpoint {
  @PrimaryKey({ type: new BigIntType('string'), autoincrement: true })
  id!: string;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;

  @Property({ type: new BigIntType('string') })
  lastId!: string;

  @Property({ type: new BigIntType('string') })
  rowCount!: string;

  @Property({ length: 64 })
  headHash!: string;

  @Property({ length: 64 })
  mac!: string;
}

import { Entity, Index, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '@credit/db';

/**
 * The registry of credit subjects (信用主体). `subjectKey` is the natural key: the USCC for organisations and
 * individual businesses, `REG:<registration number>` for individual businesses reported with the sentinel
 * USCC, and `P:<keyed hash of the ID>` for natural persons. Written by set-based SQL on ingest.
 */
@Entity({ tableName: 'credit_subjects' })
@Index({ properties: ['regionCode', 'id'] })
export class CreditSubject extends BaseEntity {
  @Property({ length: 80 })
  @Unique()
  subjectKey!: string;

  @Property({ length: 18, nullable: true })
  @Index()
  uscc!: string | null;

  @Property({ length: 200 })
  name!: string;

  /** PartyType of the subject. */
  @Property({ length: 24 })
  subjectType!: string;

  /** GB/T 2260 code: USCC positions 3–8 for organisations; the ID's first six digits for persons. */
  @Property({ length: 6, nullable: true })
  regionCode!: string | null;

  /** USCC positions 1–2 (registering authority and institution category), e.g. "91" 企业. */
  @Property({ length: 2, nullable: true })
  category!: string | null;
}

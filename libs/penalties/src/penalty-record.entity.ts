import { Entity, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '@credit/db';
import { Department } from '@credit/departments';
import { CreditSubject } from '@credit/subjects';

/**
 * One administrative penalty decision (行政处罚决定) as pushed by its department. Written only by the set-based
 * ingest SQL in PenaltyIngestRepository; the entity documents the table and drives the migrations.
 * Amounts are numeric(18,6) in 万元 (exact); dates are SQL dates.
 */
@Entity({ tableName: 'penalty_records' })
@Unique({ properties: ['department', 'decisionNumber'] })
@Index({ properties: ['subject', 'decisionDate'] })
export class PenaltyRecord extends BaseEntity {
  @ManyToOne(() => Department, { deleteRule: 'restrict' })
  department!: Department;

  /** 行政处罚决定书文号, unique within the department. */
  @Property({ length: 128 })
  decisionNumber!: string;

  @ManyToOne(() => CreditSubject, { deleteRule: 'restrict' })
  subject!: CreditSubject;

  @Property({ length: 200 }) partyName!: string;
  @Property({ length: 24 }) partyType!: string;
  @Property({ length: 18, nullable: true }) uscc!: string | null;
  @Property({ length: 64, nullable: true }) registrationNumber!: string | null;
  @Property({ length: 200, nullable: true }) legalRepresentative!: string | null;
  @Property({ length: 32, nullable: true }) idType!: string | null;
  /** AES-256-GCM ciphertext `keyId:iv:tag:data` (base64); never shown, see idNumberMasked. */
  @Property({ type: 'text', nullable: true }) idNumberEncrypted!: string | null;
  /**
   * HMAC-SHA256 of the ID number. Not indexed: a person's records are found through their subject, whose key
   * carries the same hash under a unique index, and an index here would cost every insert a btree entry.
   */
  @Property({ length: 64, nullable: true }) idNumberHash!: string | null;
  @Property({ length: 64, nullable: true }) idNumberMasked!: string | null;
  /** Natural persons only: to keep minors out of publication without decrypting. */
  @Property({ type: 'date', nullable: true }) partyBirthDate!: string | null;
  /** 违法行为发生日期, when given: a natural person's age is judged on it. */
  @Property({ type: 'date', nullable: true }) actDate!: string | null;
  /** The department states the party was an adult (a natural person whose birth date is unknown). */
  @Property({ default: false }) partyAdultConfirmed!: boolean;
  /** The department asks for a 轻微 penalty to be published (at most 3 months under the 2026 rule). */
  @Property({ default: false }) publishMinor!: boolean;
  /** The department states the penalty may not be repaired early (特定严重失信 / excluded by law). */
  @Property({ default: false }) notRepairable!: boolean;
  @Property({ length: 200 }) violationType!: string;
  @Property({ type: 'text' }) violationFacts!: string;
  @Property({ type: 'text' }) legalBasis!: string;
  @Property({ type: 'text[]' }) penaltyCategories!: string[];
  @Property({ type: 'text' }) penaltyContent!: string;
  @Property({ type: 'decimal', precision: 18, scale: 6, nullable: true }) fineAmount!: string | null;
  @Property({ type: 'decimal', precision: 18, scale: 6, nullable: true }) confiscatedAmount!: string | null;
  @Property({ length: 500, nullable: true }) licenseInfo!: string | null;
  @Property({ type: 'date' }) decisionDate!: string;
  @Property({ type: 'date', nullable: true }) validUntil!: string | null;
  @Property({ type: 'date', nullable: true }) publicUntil!: string | null;
  @Property({ length: 200 }) authorityName!: string;
  @Property({ length: 18 }) authorityUscc!: string;
  @Property({ length: 200, nullable: true }) dataSourceName!: string | null;
  @Property({ length: 18, nullable: true }) dataSourceUscc!: string | null;
  @Property({ length: 16 }) severity!: string;
  @Property({ default: false }) severityDerived!: boolean;
  @Property({ length: 1000, nullable: true }) remarks!: string | null;
  /** ACTIVE | REVOKED */
  @Property({ length: 16, default: 'ACTIVE' }) status!: string;
  @Property({ default: 1 }) version!: number;
  /** SHA-256 (hex) of the canonical content: decides UNCHANGED vs UPDATED on a re-push. */
  @Property({ length: 64 }) contentHash!: string;
  @Property({ type: 'timestamptz', nullable: true }) revokedAt!: Date | null;
  @Property({ length: 1000, nullable: true }) revokeReason!: string | null;
  /** 信用修复 approved on this date: publication stops and the record no longer counts for tiers. */
  @Property({ type: 'date', nullable: true }) repairedOn!: string | null;
}

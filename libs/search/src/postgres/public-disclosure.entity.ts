import { BigIntType, Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The PostgreSQL search index (公示检索表): the public projection only (never an ID number), one row per penalty
 * record, written by PostgresSearchIndex with version-guarded upserts. A withdrawn record stays as a tombstone
 * (withdrawn = true, content NULL, no tokens) that keeps its version, so a replayed older write cannot bring it
 * back. `tokens` holds the 53-bit hashes (tokenKey) of the CJK bigrams of name, violation type and facts and of
 * prefixed exact keys (u:USCC, d:decision number, x:full name, r:region prefixes, g:department, c:category,
 * s:severity); its GIN index serves every text query and most filters in one index scan. A department, severity
 * or county filter can instead walk its own newest-first index and test the other keys on that filter's rows.
 * A walk tests `token_signature` (three bits a key) before `tokens`.
 */
@Entity({ tableName: 'public_disclosures' })
@Index({ name: 'public_disclosures_tokens_gin', expression: 'create index "public_disclosures_tokens_gin" on "public_disclosures" using gin ("tokens")' })
@Index({
  name: 'public_disclosures_newest_idx',
  expression: 'create index "public_disclosures_newest_idx" on "public_disclosures" ("decision_date" desc, "record_id" desc) include ("published_from", "published_until", "token_signature") where not "withdrawn"',
})
@Index({
  name: 'public_disclosures_until_idx',
  expression: 'create index "public_disclosures_until_idx" on "public_disclosures" ("published_until") where not "withdrawn"',
})
// A search filtered by department, severity or county walks that filter's rows newest first (buildSearchSql). Every
// newest-first index carries the token signature and the publication dates, so a walk tests them on the index alone.
@Index({
  name: 'public_disclosures_department_newest_idx',
  expression: 'create index "public_disclosures_department_newest_idx" on "public_disclosures" ("department_code", "decision_date" desc, "record_id" desc) include ("published_from", "published_until", "token_signature") where not "withdrawn"',
})
@Index({
  name: 'public_disclosures_severity_newest_idx',
  expression: 'create index "public_disclosures_severity_newest_idx" on "public_disclosures" ("severity", "decision_date" desc, "record_id" desc) include ("published_from", "published_until", "token_signature") where not "withdrawn"',
})
@Index({
  name: 'public_disclosures_region_newest_idx',
  expression: 'create index "public_disclosures_region_newest_idx" on "public_disclosures" ("region_code", "decision_date" desc, "record_id" desc) include ("published_from", "published_until", "token_signature") where not "withdrawn"',
})
export class PublicDisclosure {
  @PrimaryKey({ type: new BigIntType('string'), autoincrement: false })
  recordId!: string;

  /** External version of the last applied write (the outbox sequence value). */
  @Property({ type: new BigIntType('string') }) version!: string;
  @Property({ default: false }) withdrawn!: boolean;
  @Property({ length: 24, nullable: true }) partyType!: string | null;
  @Property({ length: 200, nullable: true }) partyName!: string | null;
  @Property({ length: 18, nullable: true }) uscc!: string | null;
  @Property({ length: 200, nullable: true }) legalRepresentative!: string | null;
  @Property({ length: 128, nullable: true }) decisionNumber!: string | null;
  @Property({ length: 200, nullable: true }) violationType!: string | null;
  @Property({ type: 'text', nullable: true }) violationFacts!: string | null;
  @Property({ type: 'text', nullable: true }) legalBasis!: string | null;
  @Property({ type: 'text[]', nullable: true }) penaltyCategories!: string[] | null;
  @Property({ type: 'text', nullable: true }) penaltyContent!: string | null;
  @Property({ type: 'decimal', precision: 18, scale: 6, nullable: true }) fineAmount!: string | null;
  @Property({ type: 'decimal', precision: 18, scale: 6, nullable: true }) confiscatedAmount!: string | null;
  @Property({ type: 'date', nullable: true }) decisionDate!: string | null;
  @Property({ type: 'date', nullable: true }) publishedFrom!: string | null;
  @Property({ type: 'date', nullable: true }) publishedUntil!: string | null;
  @Property({ length: 200, nullable: true }) authorityName!: string | null;
  @Property({ length: 64, nullable: true }) departmentCode!: string | null;
  @Property({ length: 200, nullable: true }) departmentName!: string | null;
  @Property({ length: 6, nullable: true }) regionCode!: string | null;
  @Property({ length: 16, nullable: true }) severity!: string | null;
  /** A withdrawal notice (撤回说明): the day the decision was revoked and the stated reason; null otherwise. */
  @Property({ type: 'date', nullable: true }) withdrawnOn!: string | null;
  @Property({ length: 1000, nullable: true }) withdrawalReason!: string | null;
  @Property({ columnType: 'bigint[]', defaultRaw: `'{}'` }) tokens!: number[];
  /**
   * Three bits set for every key of `tokens` (token-signature.ts signatureBits): a walk tests it before the array.
   * Computed by a trigger on every write of `tokens` (Migration20261205210000; three bits since
   * Migration20261206120000, which signed every row), never written by the application; a NULL one (a row written
   * before the column, until re-signed) is tested by the array alone.
   */
  @Property({ columnType: 'bit(1024)', nullable: true }) tokenSignature!: string | null;
  @Property({ type: 'timestamptz', defaultRaw: 'now()' }) indexedAt!: Date;
}

import { Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { BigIntType } from '@mikro-orm/core';
import { BaseEntity } from '@credit/db';
import { Department } from '@credit/departments';
import { PenaltyRecord } from '@credit/penalties';
import { CreditSubject } from '@credit/subjects';
import { ListType } from './catalogue.entities';

/**
 * 严重失信主体名单 entry: one subject on one list type, from proposal to removal. The columns are the pure
 * ListingState of @credit/domain plus the written decision (认定决定书); only ListingRepository writes them.
 */
@Entity({ tableName: 'listings' })
@Unique({ properties: ['proposingDepartment', 'decisionDocumentNumber'] })
@Index({ properties: ['subject', 'status'] })
// At most one listing per subject and list type that has not ended: a second proposal is a conflict.
@Index({
  name: 'listings_one_open_per_subject_type',
  expression: `create unique index "listings_one_open_per_subject_type" on "listings" ("subject_id", "list_type_id") where "status" not in ('REMOVED', 'NOT_LISTED')`,
})
// The expiry sweep and the public list read only LISTED rows.
@Index({
  name: 'listings_listed_expires_on_index',
  expression: `create index "listings_listed_expires_on_index" on "listings" ("expires_on") where "status" = 'LISTED'`,
})
@Index({
  name: 'listings_listed_listed_on_index',
  expression: `create index "listings_listed_listed_on_index" on "listings" ("listed_on" desc, "id" desc) where "status" = 'LISTED'`,
})
export class Listing extends BaseEntity {
  @ManyToOne(() => CreditSubject, { deleteRule: 'restrict' })
  subject!: CreditSubject;

  @ManyToOne(() => ListType, { deleteRule: 'restrict' })
  @Index()
  listType!: ListType;

  @ManyToOne(() => Department, { deleteRule: 'restrict' })
  proposingDepartment!: Department;

  /** 认定决定书文号 */
  @Property({ length: 128 }) decisionDocumentNumber!: string;
  /** 列入理由 */
  @Property({ type: 'text' }) reasons!: string;
  /** 认定依据 */
  @Property({ type: 'text' }) legalBasis!: string;

  /** 惩戒措施提示 (国办发〔2020〕49号): what joint punishment follows from the listing. */
  @Property({ type: 'text', nullable: true }) punishmentNotice!: string | null;
  /** 移出条件和程序: when and how the subject comes off the list. */
  @Property({ type: 'text', nullable: true }) removalConditions!: string | null;
  /** 救济措施: how the party may challenge the decision. */
  @Property({ type: 'text', nullable: true }) remedies!: string | null;

  /** ListingStatus: PROPOSED | NOTIFIED | LISTED | REMOVED | NOT_LISTED */
  @Property({ length: 16 }) status!: string;
  @Property({ type: 'date' }) proposedOn!: string;
  @Property({ type: 'date', nullable: true }) noticeDate!: string | null;
  @Property({ type: 'date', nullable: true }) objectionDeadline!: string | null;
  @Property({ type: 'date', nullable: true }) listedOn!: string | null;
  @Property({ type: 'date', nullable: true }) expiresOn!: string | null;
  @Property({ type: 'date', nullable: true }) removedOn!: string | null;
  /** RemovalReason */
  @Property({ length: 24, nullable: true }) removalReason!: string | null;
  @Property({ length: 1000, nullable: true }) removalNote!: string | null;
  @Property({ default: 0 }) openObjections!: number;
  /** Set when the objection deadline was counted by weekends only (a year without working calendar data). */
  @Property({ length: 500, nullable: true }) objectionDeadlineWarning!: string | null;
}

/** The penalty decisions a listing rests on (must belong to the listed subject). */
@Entity({ tableName: 'listing_penalty_records' })
export class ListingPenaltyRecord {
  @ManyToOne(() => Listing, { primary: true, deleteRule: 'cascade' })
  listing!: Listing;

  @ManyToOne(() => PenaltyRecord, { primary: true, deleteRule: 'restrict' })
  @Index()
  penaltyRecord!: PenaltyRecord;
}

/** 异议: filed by the designating department on the party's behalf, or by a regulator; answered once. */
@Entity({ tableName: 'listing_objections' })
export class ListingObjection {
  @PrimaryKey({ type: new BigIntType('string'), autoincrement: true })
  id!: string;

  @ManyToOne(() => Listing, { deleteRule: 'cascade' })
  @Index()
  listing!: Listing;

  @Property({ type: 'text' }) content!: string;
  /** OPEN | UPHELD | REJECTED */
  @Property({ length: 16 }) status!: string;
  @Property({ type: 'date' }) filedOn!: string;
  @Property({ length: 200 }) filedBy!: string;
  @Property({ type: 'text', nullable: true }) reply!: string | null;
  @Property({ type: 'date', nullable: true }) resolvedOn!: string | null;
  @Property({ length: 200, nullable: true }) resolvedBy!: string | null;
  /** 异议答复期限: the last day it should be answered (list type's objectionAnswerDays working days), if set. */
  @Property({ type: 'date', nullable: true }) answerDue!: string | null;
  @Property({ length: 500, nullable: true }) answerDueWarning!: string | null;
  @Property({ type: 'timestamptz', defaultRaw: 'now()' }) createdAt!: Date;
}

/**
 * 拟列入建议: a SERIOUS penalty with 吊销 / 责令关闭 / 限制从业 suggests a listing to the designating department.
 * Never a listing by itself; the department decides and proposes.
 */
@Entity({ tableName: 'listing_suggestions' })
@Unique({ properties: ['penaltyRecord', 'listType'] })
@Index({ properties: ['department', 'id'] })
export class ListingSuggestion {
  @PrimaryKey({ type: new BigIntType('string'), autoincrement: true })
  id!: string;

  @ManyToOne(() => CreditSubject, { deleteRule: 'restrict' })
  subject!: CreditSubject;

  @ManyToOne(() => PenaltyRecord, { deleteRule: 'restrict' })
  penaltyRecord!: PenaltyRecord;

  @ManyToOne(() => ListType, { deleteRule: 'restrict' })
  listType!: ListType;

  /** The designating department the suggestion is for (the one that decided the penalty). */
  @ManyToOne(() => Department, { deleteRule: 'restrict' })
  department!: Department;

  /** OPEN | PROPOSED (a listing now rests on the record) | WITHDRAWN (the record was revoked) */
  @Property({ length: 16, default: 'OPEN' }) status!: string;

  @ManyToOne(() => Listing, { nullable: true, deleteRule: 'set null' })
  listing!: Listing | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' }) createdAt!: Date;
}

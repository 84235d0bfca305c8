import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection, DateScalar, DateTimeScalar } from '@credit/common';
import { ListingStatus, RemovalReason } from '@credit/domain';
import { DepartmentRefModel } from '@credit/penalties';
import { ObjectionStatus } from './blacklist.enums';

@ObjectType('ListingObjection', { description: '异议 and its answer.' })
export class ListingObjectionModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) listingId!: string;
  @Field() content!: string;
  @Field(() => ObjectionStatus) status!: ObjectionStatus;
  @Field(() => DateScalar) filedOn!: string;
  @Field({ description: 'Who recorded it (department code or user name).' }) filedBy!: string;
  @Field(() => String, { nullable: true }) reply!: string | null;
  @Field(() => DateScalar, { nullable: true }) resolvedOn!: string | null;
  @Field(() => String, { nullable: true }) resolvedBy!: string | null;
  @Field(() => DateScalar, { nullable: true, description: '异议答复期限: last day to answer (the list type’s objectionAnswerDays working days after filing).' })
  answerDue!: string | null;
  @Field(() => String, { nullable: true, description: 'Set when answerDue was counted by weekends only (no working calendar for that year).' })
  answerDueWarning!: string | null;
}

/** A listing; `subject`, `listType` and `objections` are resolved per request in batches. */
@ObjectType('Listing', { description: '严重失信主体名单 entry, from proposal (拟列入) to removal (移出).' })
export class ListingModel {
  @Field(() => ID) id!: string;
  subjectId!: string;
  listTypeId!: string;
  @Field(() => ListingStatus) status!: ListingStatus;
  @Field(() => DepartmentRefModel, { description: 'The designating department that proposed it.' }) proposingDepartment!: DepartmentRefModel;
  @Field({ description: '认定决定书文号' }) decisionDocumentNumber!: string;
  @Field({ description: '列入理由' }) reasons!: string;
  @Field({ description: '认定依据' }) legalBasis!: string;
  @Field(() => String, { nullable: true, description: '失信惩戒措施提示 (国办发〔2020〕49号)' }) punishmentNotice!: string | null;
  @Field(() => String, { nullable: true, description: '移出条件和程序' }) removalConditions!: string | null;
  @Field(() => String, { nullable: true, description: '救济措施' }) remedies!: string | null;
  @Field(() => [ID]) penaltyRecordIds!: string[];
  @Field(() => DateScalar) proposedAt!: string;
  @Field(() => DateScalar, { nullable: true, description: '告知日期' }) noticeDate!: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Last day (inclusive) objections are accepted.' }) objectionDeadline!: string | null;
  @Field(() => DateScalar, { nullable: true }) listedAt!: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'First day off the list (listedAt + termMonths).' }) expiresAt!: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'While LISTED: first day credit repair may remove it.' })
  earliestRepairRemovalDate!: string | null;
  @Field(() => DateScalar, { nullable: true }) removedAt!: string | null;
  @Field(() => RemovalReason, { nullable: true }) removalReason!: RemovalReason | null;
  @Field(() => String, { nullable: true }) removalNote!: string | null;
  @Field(() => Int, { description: 'Objections filed and not yet answered.' }) openObjectionCount!: number;
  @Field(() => String, { nullable: true, description: 'Set when objectionDeadline was counted by weekends only (a year without working calendar data): check it against the holidays.' })
  objectionDeadlineWarning!: string | null;
  @Field(() => DateScalar, { nullable: true, description: '异议答复期限: the earliest answer day among open objections.' })
  objectionAnswerDue!: string | null;
  @Field(() => DateTimeScalar) createdAt!: Date;
  @Field(() => DateTimeScalar) updatedAt!: Date;
}

@ObjectType({ description: 'A page of serious-dishonesty listings (Relay connection).' })
export class ListingConnection extends Connection(ListingModel) {}

@ObjectType('PublicListing', { description: 'A subject on the public serious-dishonesty list (公示). No personal identifiers.' })
export class PublicListingModel {
  @Field(() => ID) id!: string;
  @Field({ description: 'Name; a natural person’s is masked.' }) name!: string;
  @Field(() => String, { nullable: true, description: '统一社会信用代码 (never shown for natural persons).' }) uscc!: string | null;
  @Field() listTypeCode!: string;
  @Field() listTypeName!: string;
  @Field() designatingDepartment!: string;
  @Field() reasons!: string;
  @Field() legalBasis!: string;
  @Field() decisionDocumentNumber!: string;
  @Field(() => String, { nullable: true, description: '失信惩戒措施提示 (国办发〔2020〕49号)' }) punishmentNotice!: string | null;
  @Field(() => String, { nullable: true, description: '移出条件和程序' }) removalConditions!: string | null;
  @Field(() => String, { nullable: true, description: '救济措施' }) remedies!: string | null;
  @Field(() => DateScalar) listedAt!: string;
  @Field(() => DateScalar) expiresAt!: string;
}

@ObjectType({ description: 'A page of the public serious-dishonesty list (Relay connection).' })
export class PublicListingConnection extends Connection(PublicListingModel) {}

import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connection, DateScalar, DateTimeScalar, DecimalScalar } from '@credit/common';
import { IdType, PartyType, PenaltyCategory, PenaltyRecordStatus, Severity } from '@credit/domain';

export enum SubmitStatus {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  UNCHANGED = 'UNCHANGED',
  REJECTED = 'REJECTED',
}
registerEnumType(SubmitStatus, { name: 'SubmitStatus', description: 'CREATED, UPDATED (new version), UNCHANGED (identical re-push) or REJECTED (see errors).' });

@ObjectType('FieldError', { description: 'One problem with one field of one item: path, stable code, plain words.' })
export class FieldErrorModel {
  @Field() field!: string;
  @Field() code!: string;
  @Field() message!: string;
}

@ObjectType('SubmitResult', { description: 'What happened to one pushed record: its status, id and version, or its field errors.' })
export class SubmitResultModel {
  @Field(() => Int, { description: 'Position of the item in the submitted list (0-based).' }) index!: number;
  @Field(() => String, { nullable: true }) decisionNumber!: string | null;
  @Field(() => SubmitStatus) status!: SubmitStatus;
  @Field(() => ID, { nullable: true }) recordId!: string | null;
  @Field(() => [FieldErrorModel]) errors!: FieldErrorModel[];
  @Field(() => [FieldErrorModel]) warnings!: FieldErrorModel[];
}

@ObjectType('SubmitPenaltyRecordsPayload', { description: 'The answer to a batch push: counts per outcome and one result per item, in order.' })
export class SubmitPenaltyRecordsPayload {
  @Field(() => Int) created!: number;
  @Field(() => Int) updated!: number;
  @Field(() => Int) unchanged!: number;
  @Field(() => Int) rejected!: number;
  @Field(() => [SubmitResultModel]) results!: SubmitResultModel[];
}

@ObjectType('DepartmentRef', { description: 'The department that pushed a record (code and name).' })
export class DepartmentRefModel {
  @Field() code!: string;
  @Field() name!: string;
}

@ObjectType('PenaltyRecord', { description: 'A stored penalty decision with its version, status and the department that pushed it.' })
export class PenaltyRecordModel {
  @Field(() => ID) id!: string;
  @Field(() => DepartmentRefModel) department!: DepartmentRefModel;
  @Field() decisionNumber!: string;
  @Field() partyName!: string;
  @Field(() => PartyType) partyType!: PartyType;
  @Field(() => String, { nullable: true }) uscc!: string | null;
  @Field(() => String, { nullable: true }) registrationNumber!: string | null;
  @Field(() => String, { nullable: true }) legalRepresentative!: string | null;
  @Field(() => IdType, { nullable: true }) idType!: IdType | null;
  @Field(() => String, { nullable: true, description: 'Always masked, e.g. 3411**********123X.' }) idNumber!: string | null;
  @Field() violationType!: string;
  @Field() violationFacts!: string;
  @Field() legalBasis!: string;
  @Field(() => [PenaltyCategory]) penaltyCategories!: PenaltyCategory[];
  @Field() penaltyContent!: string;
  @Field(() => DecimalScalar, { nullable: true }) fineAmount!: string | null;
  @Field(() => DecimalScalar, { nullable: true }) confiscatedAmount!: string | null;
  @Field(() => String, { nullable: true }) licenseInfo!: string | null;
  @Field(() => DateScalar) decisionDate!: string;
  @Field(() => DateScalar, { nullable: true }) validUntil!: string | null;
  @Field(() => DateScalar, { nullable: true }) publicUntil!: string | null;
  @Field() authorityName!: string;
  @Field() authorityUscc!: string;
  @Field(() => String, { nullable: true }) dataSourceName!: string | null;
  @Field(() => String, { nullable: true }) dataSourceUscc!: string | null;
  @Field(() => Severity) severity!: Severity;
  @Field({ description: 'True when severity was derived by the platform rule rather than sent.' }) severityDerived!: boolean;
  @Field(() => String, { nullable: true }) remarks!: string | null;
  @Field(() => PenaltyRecordStatus) status!: PenaltyRecordStatus;
  @Field(() => String, { nullable: true }) revokeReason!: string | null;
  @Field(() => DateTimeScalar, { nullable: true }) revokedAt!: Date | null;
  @Field(() => Int) version!: number;
  @Field(() => DateTimeScalar) createdAt!: Date;
  @Field(() => DateTimeScalar) updatedAt!: Date;
}

@ObjectType({ description: 'A page of penalty records, newest decision first (Relay connection).' })
export class PenaltyRecordConnection extends Connection(PenaltyRecordModel) {}

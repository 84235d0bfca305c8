import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '@credit/common';
import { PartyType } from '@credit/domain';

/** A credit subject (信用主体). Capabilities add their own fields to it (penalty records, tier, listings). */
@ObjectType('CreditSubject', { description: 'A credit subject (legal entity, individual business or natural person) keyed by its USCC.' })
export class CreditSubjectModel {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true, description: '统一社会信用代码 (null for natural persons and sentinel-coded individual businesses).' })
  uscc!: string | null;
  @Field({ description: 'Current name; earlier names are in nameHistory.' }) name!: string;
  @Field(() => PartyType) subjectType!: PartyType;
  @Field(() => String, { nullable: true, description: 'GB/T 2260 division code.' }) regionCode!: string | null;
  @Field(() => String, { nullable: true }) regionName!: string | null;
  @Field(() => DateTimeScalar) createdAt!: Date;
  @Field(() => DateTimeScalar) updatedAt!: Date;
}

@ObjectType('SubjectNameChange', { description: 'A registered name a subject had, and when it changed.' })
export class SubjectNameChangeModel {
  @Field() previousName!: string;
  @Field() newName!: string;
  @Field(() => DateTimeScalar) changedAt!: Date;
}

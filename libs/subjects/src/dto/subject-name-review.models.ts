import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Connection, DateTimeScalar } from '@credit/common';

@ObjectType('PendingNameChange', { description: 'A name a department pushed for a registered subject, waiting for review (名称变更).' })
export class PendingNameChangeModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) subjectId!: string;
  @Field(() => String, { nullable: true }) uscc!: string | null;
  @Field(() => String, { nullable: true }) regionCode!: string | null;
  @Field({ description: 'The registered name now.' }) currentName!: string;
  @Field({ description: 'The name the department used.' }) proposedName!: string;
  @Field(() => String, { nullable: true, description: '决定书文号 of the record that used it.' }) decisionNumber!: string | null;
  @Field(() => String, { nullable: true }) departmentCode!: string | null;
  @Field(() => String, { nullable: true }) departmentName!: string | null;
  @Field(() => DateTimeScalar) proposedAt!: Date;
}

@ObjectType({ description: 'A page of name changes waiting for review (Relay connection).' })
export class PendingNameChangeConnection extends Connection(PendingNameChangeModel) {}

@ObjectType('NameChangeDecision', { description: 'The outcome of a name-change review.' })
export class NameChangeDecisionModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) subjectId!: string;
  @Field({ description: 'APPROVED or REJECTED.' }) status!: string;
  @Field({ description: "The subject's registered name after the decision." }) subjectName!: string;
  @Field() proposedName!: string;
}

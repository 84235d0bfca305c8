import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Connection, DateScalar, DateTimeScalar } from '@credit/common';
import { DepartmentRefModel } from '@credit/penalties';
import { SuggestionStatus } from './blacklist.enums';

/** `subject` and `listType` are resolved per request in batches. */
@ObjectType('ListingSuggestion', {
  description: '拟列入建议: a SERIOUS penalty with 吊销许可证件, 责令关闭 or 限制从业 suggests a listing to the designating department. Never a listing by itself.',
})
export class ListingSuggestionModel {
  @Field(() => ID) id!: string;
  subjectId!: string;
  listTypeId!: string;
  @Field(() => ID) penaltyRecordId!: string;
  @Field({ description: '行政处罚决定书文号 of the penalty.' }) penaltyDecisionNumber!: string;
  @Field(() => DateScalar) penaltyDecisionDate!: string;
  @Field(() => DepartmentRefModel, { description: 'The designating department the suggestion is for.' }) department!: DepartmentRefModel;
  @Field(() => SuggestionStatus) status!: SuggestionStatus;
  @Field(() => ID, { nullable: true, description: 'The listing proposed for this subject and list type, once there is one.' })
  listingId!: string | null;
  @Field(() => DateTimeScalar) createdAt!: Date;
}

@ObjectType({ description: 'A page of listing suggestions raised by serious penalties (Relay connection).' })
export class ListingSuggestionConnection extends Connection(ListingSuggestionModel) {}

import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '@credit/common';
import { DayUnit } from '@credit/domain';
import { Scenario } from './blacklist.enums';

@ObjectType('ObjectionWindow', { description: '异议期 as the list type’s rule states it.' })
export class ObjectionWindowModel {
  @Field(() => Int) days!: number;
  @Field(() => DayUnit) unit!: DayUnit;
}

@ObjectType('ListType', { description: '名单类型 (admin-managed catalogue).' })
export class ListTypeModel {
  @Field(() => ID) id!: string;
  @Field() code!: string;
  @Field() name!: string;
  @Field({ description: '设列依据' }) legalBasis!: string;
  @Field(() => [String]) designatingDepartmentCodes!: string[];
  @Field(() => Int) termMonths!: number;
  @Field(() => Int) earliestRemovalMonths!: number;
  @Field(() => Int, { description: 'objectionWindow.days (kept for clients written before window units; read objectionWindow.unit with it).' })
  objectionDays!: number;
  @Field(() => ObjectionWindowModel) objectionWindow!: ObjectionWindowModel;
  @Field(() => Int, { nullable: true, description: '异议答复期限 in working days from filing; null = none set.' }) objectionAnswerDays!: number | null;
  @Field(() => DateTimeScalar) createdAt!: Date;
}

@ObjectType('Measure', { description: '联合惩戒措施 (admin-managed catalogue).' })
export class MeasureModel {
  @Field(() => ID) id!: string;
  @Field() code!: string;
  @Field() listTypeCode!: string;
  @Field() description!: string;
  @Field({ description: '措施依据' }) legalBasis!: string;
  @Field(() => [String]) executingDepartmentCodes!: string[];
  @Field(() => [Scenario]) scenarios!: Scenario[];
  @Field(() => DateTimeScalar) createdAt!: Date;
}

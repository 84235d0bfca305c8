import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection, DateScalar } from '@credit/common';
import { CreditTier, InspectionResultCategory, PartyType } from '@credit/domain';

@ObjectType('Inspector', { description: '执法检查人员 of a department\'s pool (a person, not a login), with declared conflicts (回避).' })
export class InspectorModel {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field({ description: '执法证号' }) certificateNumber!: string;
  @Field() departmentCode!: string;
  @Field() regionCode!: string;
  @Field(() => [String]) conflictUsccs!: string[];
  @Field(() => [String]) conflictRegionCodes!: string[];
}

@ObjectType('InspectorLoad', { description: 'How many selected subjects an inspector of the pool was assigned.' })
export class InspectorLoadModel {
  @Field(() => InspectorModel) inspector!: InspectorModel;
  @Field(() => Int) subjects!: number;
}

@ObjectType('InspectionAssignmentSummary', { description: '随机选派 of a plan: two inspectors per selected subject, load spread evenly (max − min ≤ 1 where 回避 allows).' })
export class InspectionAssignmentSummaryModel {
  @Field(() => ID) planId!: string;
  @Field(() => Int) subjects!: number;
  @Field(() => Int, { description: 'Inspectors in the executing departments\' pools.' }) pool!: number;
  @Field(() => Int) minLoad!: number;
  @Field(() => Int) maxLoad!: number;
  @Field(() => [InspectorLoadModel]) loads!: InspectorLoadModel[];
}

@ObjectType('InspectionResult', { description: '抽查检查结果 as recorded by the executing department.' })
export class InspectionResultModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) planId!: string;
  @Field() uscc!: string;
  @Field() subjectName!: string;
  @Field(() => InspectionResultCategory) category!: InspectionResultCategory;
  @Field() findings!: string;
  @Field(() => DateScalar) inspectedOn!: string;
  @Field(() => [String]) inspectorIds!: string[];
  @Field(() => DateScalar, { description: 'Published by this day at the latest (20 working days after recording), or with the plan\'s completion.' }) publicationDue!: string;
}

@ObjectType('PublicInspectionResult', { description: '一公开: a published inspection result. Natural persons are masked (never an ID number).' })
export class PublicInspectionResultModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) planId!: string;
  @Field() planName!: string;
  @Field(() => Int) planYear!: number;
  @Field(() => String, { nullable: true }) regionCode!: string | null;
  @Field({ description: 'Executing departments.' }) departmentNames!: string;
  @Field(() => String, { nullable: true, description: 'Null for natural persons.' }) uscc!: string | null;
  @Field() subjectName!: string;
  @Field(() => PartyType) subjectType!: PartyType;
  @Field(() => InspectionResultCategory) category!: InspectionResultCategory;
  @Field({ description: 'Category in Chinese.' }) categoryLabel!: string;
  @Field() findings!: string;
  @Field(() => DateScalar) inspectedOn!: string;
  @Field(() => DateScalar) publishedOn!: string;
}

@ObjectType('PublicInspectionResultConnection', { description: 'A page of published inspection results, newest inspection first.' })
export class PublicInspectionResultConnection extends Connection(PublicInspectionResultModel, 'PublicInspectionResult') {}

@ObjectType('InspectionTierCount', { description: 'Subjects drawn in one tier stratum.' })
export class InspectionTierCountModel {
  @Field(() => CreditTier) tier!: CreditTier;
  @Field(() => Int) candidates!: number;
  @Field(() => Int) drawn!: number;
}

@ObjectType('InspectionCategoryCount', { description: 'Results of one category.' })
export class InspectionCategoryCountModel {
  @Field(() => InspectionResultCategory) category!: InspectionResultCategory;
  @Field(() => Int) count!: number;
}

@ObjectType('InspectionStats', { description: '双随机、一公开 statistics of a region and year, for regulators.' })
export class InspectionStatsModel {
  @Field(() => String, { nullable: true, description: 'The region answered for (null: national).' }) regionCode!: string | null;
  @Field(() => Int) year!: number;
  @Field(() => Int) plans!: number;
  @Field(() => Int, { description: 'Plans by status DRAFT.' }) draftPlans!: number;
  @Field(() => Int) completedPlans!: number;
  @Field(() => [InspectionTierCountModel]) drawnByTier!: InspectionTierCountModel[];
  @Field(() => Int) subjectsDrawn!: number;
  @Field(() => Int) resultsRecorded!: number;
  @Field(() => [InspectionCategoryCountModel]) resultsByCategory!: InspectionCategoryCountModel[];
  @Field(() => Int, { description: 'Selected subjects without a result in plans past their planned end.' }) overdueResults!: number;
  @Field(() => Int, { description: 'Results past their publication day still unpublished.' }) overduePublications!: number;
}

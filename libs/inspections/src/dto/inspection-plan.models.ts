import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection, DateScalar, DateTimeScalar } from '@credit/common';
import { CreditTier, PartyType } from '@credit/domain';
import { InspectionPlanStatus } from './inspection.enums';

@ObjectType('InspectionItem', { description: '检查事项 of the catalogue, with its legal basis.' })
export class InspectionItemModel {
  @Field(() => ID) id!: string;
  @Field({ description: 'Stable code.' }) code!: string;
  @Field({ description: '检查事项名称' }) name!: string;
  @Field({ description: '检查依据' }) legalBasis!: string;
}

@ObjectType('InspectionDepartment', { description: 'An executing department of a plan.' })
export class InspectionDepartmentModel {
  @Field() code!: string;
  @Field() name!: string;
}

@ObjectType('InspectionStratumRule', { description: '抽查比例 of one tier stratum.' })
export class InspectionStratumRuleModel {
  @Field(() => CreditTier) tier!: CreditTier;
  @Field({ description: 'Percentage, e.g. "3" or "12.5".' }) ratioPercent!: string;
  @Field(() => Int, { nullable: true }) minCount!: number | null;
  @Field(() => Int, { nullable: true }) maxCount!: number | null;
}

@ObjectType('InspectionPlan', { description: '抽查计划. Once published it is read-only and its seed commitment is fixed; the seed itself stays secret until the draw.' })
export class InspectionPlanModel {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => Int) year!: number;
  @Field() regionCode!: string;
  @Field(() => [PartyType]) subjectTypes!: PartyType[];
  @Field(() => [String]) industryCodes!: string[];
  @Field(() => [InspectionDepartmentModel]) departments!: InspectionDepartmentModel[];
  @Field(() => [InspectionItemModel]) items!: InspectionItemModel[];
  @Field(() => [InspectionStratumRuleModel]) strata!: InspectionStratumRuleModel[];
  @Field(() => Int) exclusionMonths!: number;
  @Field(() => DateScalar) plannedStart!: string;
  @Field(() => DateScalar) plannedEnd!: string;
  @Field(() => InspectionPlanStatus) status!: InspectionPlanStatus;
  @Field(() => String, { nullable: true, description: 'hex SHA-256 of the secret seed, recorded when the plan is published (commit–reveal).' }) seedCommitment!: string | null;
  @Field(() => DateTimeScalar, { nullable: true }) publishedAt!: Date | null;
  @Field(() => DateScalar, { nullable: true, description: 'Day every selected subject had a result.' }) completedOn!: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'completedOn + 20 working days: results public by then.' }) publicationDue!: string | null;
}

@ObjectType('InspectionStratumDraw', { description: 'One tier stratum of a draw: its frozen candidates and how many were drawn.' })
export class InspectionStratumDrawModel {
  @Field(() => CreditTier) tier!: CreditTier;
  @Field(() => Int) candidates!: number;
  @Field(() => Int) count!: number;
  @Field(() => Int, { description: 'How many the minimum asked for beyond the stratum (all of it was drawn).' }) shortfall!: number;
}

@ObjectType('AssignedInspector', { description: 'An inspector assigned (随机选派) to a selected subject.' })
export class AssignedInspectorModel {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field({ description: '执法证号' }) certificateNumber!: string;
}

@ObjectType('InspectionSelection', { description: 'A subject the draw selected, with its rank in its stratum and its digest SHA-256(seed ‖ USCC).' })
export class InspectionSelectionModel {
  @Field() uscc!: string;
  @Field() name!: string;
  @Field(() => CreditTier) tier!: CreditTier;
  @Field(() => Int) rank!: number;
  @Field({ description: 'hex SHA-256(seed ‖ USCC).' }) digest!: string;
  @Field(() => [AssignedInspectorModel], { description: 'The two inspectors assigned, once assignInspectors ran (read in the same query as the page).' }) inspectors!: AssignedInspectorModel[];
}

@ObjectType('InspectionSelectionConnection', { description: 'A page of selected subjects.' })
export class InspectionSelectionConnection extends Connection(InspectionSelectionModel, 'InspectionSelection') {}

@ObjectType('InspectionDraw', {
  description:
    '随机抽取 of a plan, verifiable: seedCommitment was public before the draw; the seed is revealed by it. Re-run it with `npm run cli -- inspections:verify-draw <planId>` or from the candidate CSV (GET /inspections/plans/{id}/candidates.csv).',
})
export class InspectionDrawModel {
  @Field(() => ID) planId!: string;
  @Field(() => InspectionPlanStatus) status!: InspectionPlanStatus;
  @Field(() => String, { nullable: true }) seedCommitment!: string | null;
  @Field(() => String, { nullable: true, description: 'The seed (64 hex characters), null until the draw reveals it.' }) seed!: string | null;
  @Field(() => String, { nullable: true, description: 'hex SHA-256 of the sorted "USCC,tier\\n" lines of the frozen candidates.' }) candidateListHash!: string | null;
  @Field(() => Int, { nullable: true }) candidateCount!: number | null;
  @Field(() => DateScalar, { nullable: true }) drawDay!: string | null;
  @Field(() => [InspectionStratumDrawModel]) strata!: InspectionStratumDrawModel[];
}

import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar } from '@credit/common';
import { DepartmentRefModel } from '../dto/penalty-record.models';

@ObjectType('ReportingRule', { description: '报送时限: working days from the decision by which it must reach the platform.' })
export class ReportingRuleModel {
  @Field() code!: string;
  @Field(() => Int) workingDays!: number;
  @Field({ description: 'The rule and its article.' }) source!: string;
  @Field(() => DateScalar, { description: 'Decisions dated from this day on fall under it.' }) effectiveFrom!: string;
}

@ObjectType('LateReport', { description: 'A decision that reached the platform after its deadline.' })
export class LateReportModel {
  @Field(() => ID) recordId!: string;
  @Field({ description: '行政处罚决定书文号' }) decisionNumber!: string;
  @Field(() => DateScalar) decisionDate!: string;
  @Field(() => DateScalar, { description: 'China date of the first push (not of later updates).' }) receivedOn!: string;
  @Field(() => Int) delayWorkingDays!: number;
  @Field(() => Int) allowedWorkingDays!: number;
}

@ObjectType('DepartmentTimeliness', { description: '报送时效 of one department over the decision dates asked for.' })
export class DepartmentTimelinessModel {
  @Field(() => DepartmentRefModel) department!: DepartmentRefModel;
  @Field() regionCode!: string;
  @Field(() => Int, { description: 'Decisions dated in the period (any status).' }) records!: number;
  @Field(() => Int, { description: 'Of those, decisions a reporting rule applied to.' }) assessed!: number;
  @Field(() => Int) reportedLate!: number;
  @Field(() => Float, { nullable: true, description: 'Median working days from decision to first push, over the records.' })
  medianDelayWorkingDays!: number | null;
  @Field(() => [LateReportModel], { description: 'The oldest late decisions (by decision date), at most 5.' }) oldestLate!: LateReportModel[];
  @Field(() => [ReportingRuleModel], { description: 'The rules the assessed decisions fell under.' }) rules!: ReportingRuleModel[];
  @Field(() => String, { nullable: true, description: 'Set when a delay was counted by weekends only (a year without working calendar data).' })
  calendarWarning!: string | null;
}

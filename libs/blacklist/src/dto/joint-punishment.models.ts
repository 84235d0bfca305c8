import { ArgsType, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { DateScalar, DateTimeScalar } from '@credit/common';
import { DepartmentRefModel } from '@credit/penalties';
import { Scenario } from './blacklist.enums';
import { ListingModel } from './listing.models';

/** A measure that binds the calling department in the asked scenario; `listing` is resolved in batches. */
@ObjectType('ApplicableMeasure', { description: 'A joint-punishment measure that binds the caller, with its legal basis and the listing it comes from.' })
export class ApplicableMeasureModel {
  @Field() code!: string;
  @Field() description!: string;
  @Field({ description: '措施依据' }) legalBasis!: string;
  @Field() listTypeCode!: string;
  @Field(() => [Scenario]) scenarios!: Scenario[];
  @Field(() => ID) listingId!: string;
}

@ObjectType('JointPunishmentCheck', { description: '联合惩戒核查 result, recorded (who asked, for whom, scenario, result, when).' })
export class JointPunishmentCheckModel {
  @Field(() => ID) checkId!: string;
  @Field() uscc!: string;
  @Field(() => Scenario) scenario!: Scenario;
  @Field(() => DateTimeScalar) checkedAt!: Date;
  @Field({ description: 'True when the subject is on a serious-dishonesty list today.' }) listed!: boolean;
  @Field(() => [ListingModel]) listings!: ListingModel[];
  @Field(() => [ApplicableMeasureModel], { description: 'Only measures that bind the calling department in this scenario.' })
  measures!: ApplicableMeasureModel[];
}

@ObjectType('MeasureFeedback', { description: '反馈: whether the checking department applied a measure.' })
export class MeasureFeedbackModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) checkId!: string;
  @Field() measureCode!: string;
  @Field(() => ID) listingId!: string;
  @Field() applied!: boolean;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => DateTimeScalar) recordedAt!: Date;
}

@ObjectType('DepartmentCheckStats', { description: 'Joint-punishment checks and feedback of one department over a period.' })
export class DepartmentCheckStatsModel {
  @Field(() => DepartmentRefModel) department!: DepartmentRefModel;
  @Field(() => Int, { description: 'Checks made.' }) checks!: number;
  @Field(() => Int, { description: 'Checks that found the subject listed.' }) listedChecks!: number;
  @Field(() => Int, { description: 'Binding measures returned by those checks.' }) measuresReturned!: number;
  @Field(() => Int) feedbackApplied!: number;
  @Field(() => Int) feedbackNotApplied!: number;
  @Field(() => Int, { description: 'Measures returned without feedback yet.' }) feedbackPending!: number;
}

@ObjectType('JointPunishmentStats', { description: 'Who checks and who applies measures, by department, over [from, to] (China calendar days).' })
export class JointPunishmentStatsModel {
  @Field(() => String, { nullable: true }) regionCode!: string | null;
  @Field(() => DateScalar) from!: string;
  @Field(() => DateScalar) to!: string;
  @Field(() => Int) totalChecks!: number;
  @Field(() => [DepartmentCheckStatsModel]) departments!: DepartmentCheckStatsModel[];
}

@ArgsType()
export class JointPunishmentStatsArgs {
  @Field(() => String, { nullable: true, description: "The checking departments' region (GB/T 2260); 341100 includes its districts." })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'regionCode must be a six-digit GB/T 2260 code' })
  regionCode?: string | null;

  @Field(() => DateScalar)
  @IsString()
  @MaxLength(10)
  from!: string;

  @Field(() => DateScalar)
  @IsString()
  @MaxLength(10)
  to!: string;
}

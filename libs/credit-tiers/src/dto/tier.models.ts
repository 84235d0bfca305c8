import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connection, DateTimeScalar } from '@credit/common';
import { CreditTier } from '@credit/domain';
import { CreditSubjectModel } from '@credit/subjects';

registerEnumType(CreditTier, {
  name: 'CreditTier',
  description: '信用风险分类 (SAMR 2022): drives how often a subject is drawn for 双随机一公开 inspections.',
  valuesMap: {
    A: { description: '信用风险低 low risk' },
    B: { description: '信用风险一般 general risk' },
    C: { description: '信用风险较高 higher risk' },
    D: { description: '信用风险高 high risk' },
  },
});

@ObjectType('TierReason', { description: 'One rule that applied: which record or listing, how many points.' })
export class TierReasonModel {
  @Field({ description: 'e.g. PENALTY_SERIOUS, CATEGORY_REVOKE_LICENSE, FINE_BAND_10, REPEAT_OFFENCE, CAP_SERIOUS_12M, OVERRIDE_LISTED' })
  code!: string;
  @Field({ description: 'Plain Chinese, naming the decision, e.g. 严重处罚 京市监罚〔2026〕12号 扣30分' }) description!: string;
  @Field(() => Int, { description: 'Points deducted; 0 for caps and overrides.' }) points!: number;
  @Field(() => ID, { nullable: true }) recordId!: string | null;
  @Field(() => String, { nullable: true, description: '行政处罚决定书文号' }) decisionNumber!: string | null;
  @Field(() => ID, { nullable: true, description: 'The serious-dishonesty listing behind an OVERRIDE_LISTED reason.' }) listingId!: string | null;
}

@ObjectType('TierAssessment', { description: 'A subject\'s credit-risk tier (A–D) with its score, rule version, computation time and reasons.' })
export class TierAssessmentModel {
  @Field(() => CreditTier) level!: CreditTier;
  @Field(() => Int, { description: '100 minus the points of counted records (never below 0).' }) score!: number;
  @Field({ description: 'Rule set that produced it, e.g. v1.' }) ruleVersion!: string;
  @Field(() => DateTimeScalar, { description: 'When a recomputation last wrote this assessment; one that finds nothing to change leaves it (and the time) as it was.' }) computedAt!: Date;
  @Field(() => [TierReasonModel]) reasons!: TierReasonModel[];
}

@ObjectType('TierChange', { description: 'One assessment in the history of a subject, in force from validFrom until validTo.' })
export class TierChangeModel {
  @Field(() => CreditTier) level!: CreditTier;
  @Field(() => Int) score!: number;
  @Field() ruleVersion!: string;
  @Field(() => [TierReasonModel]) reasons!: TierReasonModel[];
  @Field({ description: 'PENALTY_CREATED, PENALTY_UPDATED, PENALTY_REVOKED, SWEEP, RECOMPUTE_ALL, LISTING …' }) cause!: string;
  @Field(() => DateTimeScalar) validFrom!: Date;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Null for the assessment in force.' }) validTo!: Date | null;
}

@ObjectType({ description: 'A page of a subject\'s tier history, newest first (Relay connection).' })
export class TierChangeConnection extends Connection(TierChangeModel) {}

/** totalCount is exact up to 10,000; 10,001 means more (an exact count of a broad filter scans the whole index). */
@ObjectType({ description: 'A page of credit subjects with their tiers (Relay connection).' })
export class CreditSubjectConnection extends Connection(CreditSubjectModel) {}

@ObjectType('TierCount', { description: 'How many subjects hold one tier.' })
export class TierCountModel {
  @Field(() => CreditTier) level!: CreditTier;
  @Field(() => Int) count!: number;
}

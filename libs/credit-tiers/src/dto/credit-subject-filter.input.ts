import { Field, InputType } from '@nestjs/graphql';
import { IsDate, IsEnum, IsOptional, Matches } from 'class-validator';
import { DateTimeScalar } from '@credit/common';
import { CreditTier, PartyType } from '@credit/domain';

@InputType({ description: 'Narrows credit subjects by tier, region or party type (a regulator stays within its region).' })
export class CreditSubjectFilter {
  @Field(() => CreditTier, { nullable: true })
  @IsOptional()
  @IsEnum(CreditTier)
  tier?: CreditTier | null;

  @Field(() => String, { nullable: true, description: 'GB/T 2260 code; includes the divisions within it (341100 includes 341102).' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'regionCode must be a six-digit GB/T 2260 code' })
  regionCode?: string | null;

  @Field(() => PartyType, { nullable: true })
  @IsOptional()
  @IsEnum(PartyType)
  subjectType?: PartyType | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Only subjects whose assessment changed at or after this time.' })
  @IsOptional()
  @IsDate()
  changedSince?: Date | null;
}

import { ArgsType, Field } from '@nestjs/graphql';
import { IsOptional, Matches } from 'class-validator';

@ArgsType()
export class TierDistributionArgs {
  @Field(() => String, { nullable: true, description: 'GB/T 2260 code; includes the divisions within it (341100 includes 341102).' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'regionCode must be a six-digit GB/T 2260 code' })
  regionCode?: string | null;
}

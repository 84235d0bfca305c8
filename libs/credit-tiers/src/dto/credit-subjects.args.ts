import { ArgsType, Field } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import { PageArgs } from '@credit/common';
import { CreditSubjectFilter } from './credit-subject-filter.input';

/** One args class (the global ValidationPipe rejects arguments that no class declares). */
@ArgsType()
export class CreditSubjectsArgs extends PageArgs {
  @Field(() => CreditSubjectFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => CreditSubjectFilter)
  filter?: CreditSubjectFilter | null;
}

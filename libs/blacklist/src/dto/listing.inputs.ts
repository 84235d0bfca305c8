import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsEnum, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { PageArgs } from '@credit/common';
import { ListingStatus } from '@credit/domain';

@InputType({ description: 'A designation proposal: the subject, the list type and the written decision it rests on.' })
export class ProposeListingInput {
  @Field({ description: '统一社会信用代码 of the subject.' })
  @IsString()
  @MaxLength(18)
  uscc!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The subject name, needed only when the subject is not yet in the registry (it is then registered).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  subjectName?: string | null;

  @Field()
  @IsString()
  @MaxLength(64)
  listTypeCode!: string;

  @Field({ description: '认定决定书文号, unique per department.' })
  @IsString()
  @MaxLength(128)
  decisionDocumentNumber!: string;

  @Field({ description: '列入理由 (the facts).' })
  @IsString()
  @MaxLength(4000)
  reasons!: string;

  @Field({ description: '认定依据 (the provision applied).' })
  @IsString()
  @MaxLength(2000)
  legalBasis!: string;

  @Field(() => String, { nullable: true, description: '失信惩戒措施提示 (国办发〔2020〕49号). Stated from the list type when omitted.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  punishmentNotice?: string | null;

  @Field(() => String, { nullable: true, description: '移出条件和程序 (国办发〔2020〕49号). Stated from the list type\'s terms when omitted.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  removalConditions?: string | null;

  @Field(() => String, { nullable: true, description: '救济措施 (国办发〔2020〕49号): 行政复议 / 行政诉讼 when omitted.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  remedies?: string | null;

  @Field(() => [ID], { description: 'Penalty records the decision rests on; each must be an active record of this subject. When all are revoked (or corrected away from this subject) the listing ends as BASIS_REVOKED.' })
  @ArrayMaxSize(100)
  @ArrayUnique()
  @Matches(/^\d{1,18}$/, { each: true, message: 'each penaltyRecordId must be a record id' })
  penaltyRecordIds!: string[];
}

@InputType({ description: 'Narrows listings by status, list type, subject USCC or region (a regulator stays within its region).' })
export class ListingFilter {
  @Field(() => ListingStatus, { nullable: true })
  @IsOptional()
  @IsEnum(ListingStatus)
  status?: ListingStatus | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  listTypeCode?: string | null;

  @Field(() => String, { nullable: true, description: "GB/T 2260 code of the subject's region; 341100 includes its districts." })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'regionCode must be a six-digit GB/T 2260 code' })
  regionCode?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(18)
  uscc?: string | null;
}

@ArgsType()
export class ListingsArgs extends PageArgs {
  @Field(() => ListingFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ListingFilter)
  filter?: ListingFilter | null;
}

@ArgsType()
export class PublicListArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Part of the name, or a whole USCC.' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  query?: string | null;
}

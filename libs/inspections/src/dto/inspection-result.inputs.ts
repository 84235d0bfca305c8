import { ArgsType, Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsEnum, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { DateScalar, PageArgs } from '@credit/common';
import { InspectionResultCategory } from '@credit/domain';

@InputType({ description: 'A person of the calling department\'s inspector pool (执法检查人员), with declared conflicts (回避).' })
export class CreateInspectorInput {
  @Field({ description: '姓名' })
  @IsString()
  @MaxLength(100)
  name!: string;

  @Field({ description: '执法证号, unique on the platform.' })
  @IsString()
  @MaxLength(64)
  certificateNumber!: string;

  @Field(() => String, { nullable: true, description: 'GB/T 2260 code within the department\'s region; the department\'s own when omitted.' })
  @IsOptional()
  @IsString()
  @MaxLength(6)
  regionCode?: string | null;

  @Field(() => [String], { nullable: true, description: 'USCCs of subjects the inspector must not inspect (回避).' })
  @IsOptional()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @MaxLength(18, { each: true })
  conflictUsccs?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Regions (a code covers its subtree) whose subjects the inspector must not inspect.' })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(6, { each: true })
  conflictRegionCodes?: string[] | null;
}

@InputType({ description: '抽查检查结果 of one selected subject.' })
export class InspectionResultInput {
  @Field(() => InspectionResultCategory, { description: 'Result category (SAMR).' })
  @IsEnum(InspectionResultCategory)
  category!: InspectionResultCategory;

  @Field({ description: '检查情况 / findings, published with the result (personal data is scrubbed).' })
  @IsString()
  @MaxLength(4000)
  findings!: string;

  @Field(() => DateScalar, { description: '检查日期: on or after the draw day, not in the future.' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'inspectedOn must be a date YYYY-MM-DD' })
  inspectedOn!: string;

  @Field(() => [String], { nullable: true, description: 'Ids of the inspectors who inspected; the assigned ones when omitted (each must be assigned to the subject).' })
  @IsOptional()
  @ArrayMaxSize(10)
  @ArrayUnique()
  @Matches(/^\d{1,18}$/, { each: true, message: 'each inspector id must be an id' })
  inspectorIds?: string[] | null;
}

@InputType({ description: 'Filters of the public search of inspection results; every filter narrows (AND).' })
export class InspectionResultFilter {
  @Field(() => String, { nullable: true, description: 'GB/T 2260 code: the subject lies in its subtree.' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'regionCode must be 6 digits' })
  regionCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Code of an executing department.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  departmentCode?: string | null;

  @Field(() => Int, { nullable: true, description: 'Plan year.' })
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number | null;

  @Field(() => InspectionResultCategory, { nullable: true, description: 'Result category.' })
  @IsOptional()
  @IsEnum(InspectionResultCategory)
  category?: InspectionResultCategory | null;

  @Field(() => String, { nullable: true, description: 'USCC of the subject.' })
  @IsOptional()
  @Matches(/^[0-9A-Z]{18}$/, { message: 'uscc must be 18 characters' })
  uscc?: string | null;

  @Field(() => String, { nullable: true, description: 'Words in the subject name, plan name or findings (2–100 characters).' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  query?: string | null;
}

@ArgsType()
export class SearchInspectionResultsArgs extends PageArgs {
  @Field(() => InspectionResultFilter, { nullable: true, description: 'Filters.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => InspectionResultFilter)
  filter?: InspectionResultFilter | null;
}

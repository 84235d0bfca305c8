import { Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsEnum, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { DateScalar } from '@credit/common';
import { CreditTier, PartyType } from '@credit/domain';

const CODE = /^[A-Z0-9][A-Z0-9_-]{1,63}$/;
const CODE_MESSAGE = 'must be 2–64 upper-case letters, digits, - or _（须为 2–64 位大写字母、数字、- 或 _）';

@InputType({ description: '检查事项 for the catalogue: a stable code, its name and its legal basis (检查依据).' })
export class CreateInspectionItemInput {
  @Field({ description: 'Stable code, e.g. SAMR-ANNUAL-REPORT.' })
  @Matches(CODE, { message: `code ${CODE_MESSAGE}` })
  code!: string;

  @Field({ description: '检查事项名称' })
  @IsString()
  @MaxLength(200)
  name!: string;

  @Field({ description: '检查依据: the law or regulation. Required and non-blank.' })
  @IsString()
  @MaxLength(2000)
  legalBasis!: string;
}

@InputType({ description: '抽查比例 of one tier stratum: a percentage (0–100, two decimals) with optional minimum and maximum counts.' })
export class InspectionStratumInput {
  @Field(() => CreditTier, { description: 'The tier stratum (A/B/C/D).' })
  @IsEnum(CreditTier)
  tier!: CreditTier;

  @Field({ description: 'Percentage drawn, 0–100 with at most two decimals, e.g. "3" or "12.5"; rounded up (不低于).' })
  @IsString()
  @MaxLength(6)
  ratioPercent!: string;

  @Field(() => Int, { nullable: true, description: 'At least this many (all of the stratum when it has fewer).' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  minCount?: number | null;

  @Field(() => Int, { nullable: true, description: 'At most this many.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  maxCount?: number | null;
}

@InputType({ description: '抽查计划: scope, executing departments, inspection items, sampling per tier, exclusion window, dates.' })
export class InspectionPlanInput {
  @Field({ description: '计划名称' })
  @IsString()
  @MaxLength(200)
  name!: string;

  @Field(() => Int, { description: '计划年度' })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @Field({ description: 'Scope: GB/T 2260 code of the region whose subtree is inspected (within the caller\'s region).' })
  @IsString()
  @MaxLength(6)
  regionCode!: string;

  @Field(() => [PartyType], { description: 'Subject types in scope. Subjects without a USCC (natural persons) are never candidates.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  @ArrayUnique()
  @IsEnum(PartyType, { each: true })
  subjectTypes!: PartyType[];

  @Field(() => [String], { nullable: true, description: '国民经济行业分类 codes, recorded with the plan (subjects carry no industry yet, so they do not narrow the draw).' })
  @IsOptional()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @Matches(/^[A-Z0-9]{1,5}$/, { each: true, message: 'each industry code must be 1–5 upper-case letters or digits' })
  industryCodes?: string[] | null;

  @Field(() => [String], { description: 'Codes of the executing departments (a department that creates the plan is always one).' })
  @ArrayMaxSize(20)
  @ArrayUnique()
  @Matches(CODE, { each: true, message: `each department code ${CODE_MESSAGE}` })
  departmentCodes!: string[];

  @Field(() => [String], { description: 'Codes of 检查事项 from the catalogue.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique()
  @Matches(CODE, { each: true, message: `each item code ${CODE_MESSAGE}` })
  itemCodes!: string[];

  @Field(() => [InspectionStratumInput], { description: 'Sampling per tier; a tier left out draws none.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  @ValidateNested({ each: true })
  @Type(() => InspectionStratumInput)
  strata!: InspectionStratumInput[];

  @Field(() => Int, { description: 'Subjects drawn by another plan within this many months are left out, unless tier D (0: none).' })
  @IsInt()
  @Min(0)
  @Max(120)
  exclusionMonths!: number;

  @Field(() => DateScalar, { description: '计划开始日期' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'plannedStart must be a date YYYY-MM-DD' })
  plannedStart!: string;

  @Field(() => DateScalar, { description: '计划完成日期' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'plannedEnd must be a date YYYY-MM-DD' })
  plannedEnd!: string;
}

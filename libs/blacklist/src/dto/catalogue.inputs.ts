import { Field, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsEnum, IsInt, IsOptional, IsString, Matches, Max, MaxLength } from 'class-validator';
import { DayUnit } from '@credit/domain';
import { Scenario } from './blacklist.enums';

const CODE = /^[A-Z0-9][A-Z0-9_-]{1,63}$/;
const CODE_MESSAGE = 'must be 2–64 upper-case letters, digits, - or _（须为 2–64 位大写字母、数字、- 或 _）';

@InputType({ description: 'A serious-dishonesty list type for the catalogue: name, legal basis, designating departments, terms.' })
export class CreateListTypeInput {
  @Field({ description: 'Stable code, e.g. SAMR-SERIOUS-ILLEGAL.' })
  @Matches(CODE, { message: `code ${CODE_MESSAGE}` })
  code!: string;

  @Field({ description: '名单名称' })
  @IsString()
  @MaxLength(200)
  name!: string;

  @Field({ description: '设列依据: the law or regulation creating the list. Required and non-blank.' })
  @IsString()
  @MaxLength(2000)
  legalBasis!: string;

  @Field(() => [String], { description: 'Codes of the departments that may designate (认定) subjects onto this list.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique()
  @Matches(CODE, { each: true, message: `each department code ${CODE_MESSAGE}` })
  designatingDepartmentCodes!: string[];

  @Field(() => Int, { description: '列入期限 in months (≥ 1).' })
  @IsInt()
  @Max(1200)
  termMonths!: number;

  @Field(() => Int, { description: 'Months after listing before credit repair may remove a subject early (0 … termMonths).' })
  @IsInt()
  @Max(1200)
  earliestRemovalMonths!: number;

  @Field(() => Int, { description: '异议期: days after the notice date on which objections are accepted (≥ 1), in objectionDayUnit.' })
  @IsInt()
  @Max(365)
  objectionDays!: number;

  @Field(() => DayUnit, { nullable: true, description: 'The unit the rule states the window in: WORKING (工作日) or CALENDAR (自然日, the default).' })
  @IsOptional()
  @IsEnum(DayUnit)
  objectionDayUnit?: DayUnit | null;

  @Field(() => Int, { nullable: true, description: '异议答复期限: working days after an objection is filed by which it must be answered (≥ 1); none when omitted.' })
  @IsOptional()
  @IsInt()
  @Max(365)
  objectionAnswerDays?: number | null;
}

@InputType({ description: 'A joint-punishment measure of a list type: what executing departments must do, and its legal basis.' })
export class CreateMeasureInput {
  @Field({ description: 'Stable code, e.g. PROCUREMENT-BAN.' })
  @Matches(CODE, { message: `code ${CODE_MESSAGE}` })
  code!: string;

  @Field({ description: 'The list type whose listed subjects this measure applies to.' })
  @IsString()
  @MaxLength(64)
  listTypeCode!: string;

  @Field({ description: '惩戒措施内容' })
  @IsString()
  @MaxLength(2000)
  description!: string;

  @Field({ description: '措施依据. Required and non-blank.' })
  @IsString()
  @MaxLength(2000)
  legalBasis!: string;

  @Field(() => [String], { description: 'Codes of the departments this measure binds (实施部门).' })
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ArrayUnique()
  @Matches(CODE, { each: true, message: `each department code ${CODE_MESSAGE}` })
  executingDepartmentCodes!: string[];

  @Field(() => [Scenario], { description: 'Where the measure applies.' })
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsEnum(Scenario, { each: true })
  scenarios!: Scenario[];
}


import { ArgsType, Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { DateScalar, optionalString, plainCopy } from '@credit/common';
import { PenaltyCategory, Severity } from '@credit/domain';

export const DEFAULT_DISCLOSURE_PAGE = 20;
export const MAX_DISCLOSURE_PAGE = 50;

// Each rule once, for its decorator and for acceptPlain.
const REGION_CODE = /^(\d{2}|\d{4}|\d{6})$/;
const USCC_SHAPE = /^[0-9A-Za-z]{18}$/;
const MAX_DEPARTMENT_CODE_CHARS = 64;
const MAX_QUERY_CHARS = 200;
const MAX_CURSOR_CHARS = 512;
const PENALTY_CATEGORIES: ReadonlySet<unknown> = new Set(Object.values(PenaltyCategory));
const SEVERITIES: ReadonlySet<unknown> = new Set(Object.values(Severity));
const FILTER_KEYS: ReadonlySet<string> = new Set(['regionCode', 'departmentCode', 'penaltyCategory', 'severity', 'decisionDateFrom', 'decisionDateTo', 'uscc']);
const SEARCH_KEYS: ReadonlySet<string> = new Set(['query', 'filter', 'first', 'after']);
const absent = (value: unknown): value is null | undefined => value === null || value === undefined;

@InputType({ description: 'Narrows public disclosures by region, penalty category, deciding authority, decision year or severity.' })
export class DisclosureFilter {
  @Field(() => String, { nullable: true, description: 'GB/T 2260 code or 2/4-digit prefix; 341100 means all of 滁州市.' })
  @IsOptional()
  @Matches(REGION_CODE, { message: 'regionCode must be 2, 4 or 6 digits (GB/T 2260)' })
  regionCode?: string | null;

  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(MAX_DEPARTMENT_CODE_CHARS) departmentCode?: string | null;
  @Field(() => PenaltyCategory, { nullable: true }) @IsOptional() @IsEnum(PenaltyCategory) penaltyCategory?: PenaltyCategory | null;
  @Field(() => Severity, { nullable: true }) @IsOptional() @IsEnum(Severity) severity?: Severity | null;
  @Field(() => DateScalar, { nullable: true }) @IsOptional() @IsString() decisionDateFrom?: string | null;
  @Field(() => DateScalar, { nullable: true }) @IsOptional() @IsString() decisionDateTo?: string | null;

  @Field(() => String, { nullable: true, description: '统一社会信用代码 (18 characters)' })
  @IsOptional()
  @Matches(USCC_SHAPE, { message: 'uscc must be 18 letters or digits' })
  uscc?: string | null;

  /** The filter when the decorators above would pass it as it is (see ArgsValidationPipe); null otherwise. */
  static acceptPlain(value: unknown): DisclosureFilter | null {
    // Checked and copied from one reading of each property (a getter could answer differently the second time).
    const plain = plainCopy(value, FILTER_KEYS);
    if (plain === null) return null;
    const { regionCode, departmentCode, penaltyCategory, severity, decisionDateFrom, decisionDateTo, uscc } = plain;
    const valid =
      (absent(regionCode) || (typeof regionCode === 'string' && REGION_CODE.test(regionCode))) &&
      optionalString(departmentCode, MAX_DEPARTMENT_CODE_CHARS) &&
      (absent(penaltyCategory) || PENALTY_CATEGORIES.has(penaltyCategory)) &&
      (absent(severity) || SEVERITIES.has(severity)) &&
      optionalString(decisionDateFrom, Infinity) &&
      optionalString(decisionDateTo, Infinity) &&
      (absent(uscc) || (typeof uscc === 'string' && USCC_SHAPE.test(uscc)));
    return valid ? Object.assign(new DisclosureFilter(), plain) : null;
  }
}

@ArgsType()
export class SearchDisclosuresArgs {
  @Field(() => String, { nullable: true, description: 'Chinese or other words (at least 2 characters); all must match. Omit to list newest first.' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_QUERY_CHARS)
  query?: string | null;

  @Field(() => DisclosureFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => DisclosureFilter)
  filter?: DisclosureFilter | null;

  @Field(() => Int, { nullable: true, description: `Page size, default ${DEFAULT_DISCLOSURE_PAGE}, at most ${MAX_DISCLOSURE_PAGE}.` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_DISCLOSURE_PAGE)
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Opaque cursor from pageInfo.endCursor.' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_CURSOR_CHARS)
  after?: string | null;

  /**
   * The arguments when the decorators above would pass them as they are, built as the ValidationPipe builds them
   * (the filter a DisclosureFilter); null sends them through the pipe. The public search's every request comes here.
   */
  static acceptPlain(value: unknown): SearchDisclosuresArgs | null {
    const plain = plainCopy(value, SEARCH_KEYS);
    if (plain === null) return null;
    const { query, filter, first, after } = plain;
    if (!optionalString(query, MAX_QUERY_CHARS) || !optionalString(after, MAX_CURSOR_CHARS)) return null;
    if (!absent(first) && !(Number.isInteger(first) && (first as number) >= 1 && (first as number) <= MAX_DISCLOSURE_PAGE)) return null;
    const args = Object.assign(new SearchDisclosuresArgs(), plain);
    if (absent(filter)) return args;
    const accepted = DisclosureFilter.acceptPlain(filter);
    if (accepted === null) return null;
    args.filter = accepted;
    return args;
  }
}

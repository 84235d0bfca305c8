import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

@InputType({ description: 'A department that pushes penalty decisions: code, name, USCC and region.' })
export class CreateDepartmentInput {
  @Field({ description: 'Short stable code, e.g. CZ-SCJGJ (滁州市市场监督管理局).' })
  @IsString()
  @Matches(/^[A-Z0-9][A-Z0-9_-]{1,63}$/, { message: 'code must be 2–64 upper-case letters, digits, - or _' })
  code!: string;

  @Field()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name!: string;

  @Field({ description: "The department's own 统一社会信用代码." })
  @IsString()
  uscc!: string;

  @Field({ description: 'GB/T 2260 division code, e.g. 341100.' })
  @Matches(/^\d{6}$/, { message: 'regionCode must be a six-digit GB/T 2260 code' })
  regionCode!: string;

  @Field(() => Int, { nullable: true, description: 'Days until the first API key expires; no expiry when omitted.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  apiKeyExpiresInDays?: number;
}

@InputType({ description: 'Issues a new API key for a department (the old ones keep working until revoked or expired).' })
export class RotateApiKeyInput {
  @Field()
  @IsString()
  @MaxLength(64)
  departmentCode!: string;

  @Field(() => Int, { nullable: true, description: 'Days until the new key expires; no expiry when omitted.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  expiresInDays?: number;
}

@InputType({ description: 'Revokes one API key of a department.' })
export class RevokeApiKeyInput {
  @Field()
  @IsString()
  @MaxLength(64)
  departmentCode!: string;

  @Field(() => ID)
  @IsString()
  @MaxLength(20)
  keyId!: string;
}

@InputType({ description: '异议与信用修复联系方式 of a department, shown on the public portal; null or blank clears it.' })
export class SetDepartmentPublicContactInput {
  @Field()
  @IsString()
  @MaxLength(64)
  departmentCode!: string;

  @Field(() => String, { nullable: true, description: 'Office, telephone, address or mailbox for objections (异议) and credit repair (信用修复), at most 500 characters.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  publicContact?: string | null;
}

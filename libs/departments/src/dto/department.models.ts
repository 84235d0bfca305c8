import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Connection, DateTimeScalar } from '@credit/common';

@ObjectType('Department', { description: 'A government department that pushes penalty decisions and checks subjects before acting.' })
export class DepartmentModel {
  @Field(() => ID) id!: string;
  @Field() code!: string;
  @Field() name!: string;
  @Field() uscc!: string;
  @Field() regionCode!: string;
  @Field(() => String, { nullable: true, description: '异议与信用修复联系方式 shown on the public portal (null: not set).' }) publicContact!: string | null;
  @Field(() => DateTimeScalar) createdAt!: Date;
}

@ObjectType('DepartmentApiKey', { description: 'An API key as stored: the secret itself is never shown again.' })
export class ApiKeyModel {
  @Field(() => ID) id!: string;
  @Field({ description: 'Non-secret part of the key, for telling keys apart.' }) prefix!: string;
  @Field(() => DateTimeScalar) createdAt!: Date;
  @Field(() => DateTimeScalar, { nullable: true }) expiresAt!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true }) revokedAt!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true }) lastUsedAt!: Date | null;
}

@ObjectType('CreatedDepartment', { description: 'A new department and its first API key (shown once).' })
export class CreatedDepartmentModel {
  @Field(() => DepartmentModel) department!: DepartmentModel;
  @Field({ description: 'Shown once. Send it as the X-Api-Key header.' }) apiKey!: string;
}

@ObjectType('IssuedApiKey', { description: 'A new API key (shown once) and its public description.' })
export class IssuedApiKeyModel {
  @Field(() => ApiKeyModel) key!: ApiKeyModel;
  @Field({ description: 'Shown once. Send it as the X-Api-Key header.' }) apiKey!: string;
}

@ObjectType({ description: 'A page of departments (Relay connection).' })
export class DepartmentConnection extends Connection(DepartmentModel) {}

@ObjectType('ReportingAuthority', { description: 'A deciding authority (处罚机关) a department may publish decisions for, besides itself.' })
export class ReportingAuthorityModel {
  @Field() departmentCode!: string;
  @Field() authorityUscc!: string;
  @Field() authorityName!: string;
  @Field(() => DateTimeScalar) createdAt!: Date;
}

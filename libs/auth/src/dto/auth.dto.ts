import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { DateTimeScalar } from '@credit/common';
import { UserRole } from '../user.entity';

registerEnumType(UserRole, { name: 'UserRole', description: 'People who log in. Departments use API keys instead.' });

@ObjectType('AuthPayload', { description: '登录结果：访问令牌及其到期时间（a login: the bearer token and when it expires）.' })
export class AuthPayloadModel {
  @Field({ description: 'JWT for the Authorization: Bearer header.' }) accessToken!: string;
  @Field(() => DateTimeScalar) expiresAt!: Date;
}

@ObjectType('User', { description: 'A person who logs in: an admin or a regulator (with the region it is confined to).' })
export class UserModel {
  @Field(() => ID) id!: string;
  @Field() username!: string;
  @Field(() => UserRole) role!: UserRole;
  @Field(() => String, { nullable: true }) regionCode!: string | null;
  @Field(() => DateTimeScalar) createdAt!: Date;
}

@InputType({ description: '新建用户（管理员或监管人员）；密码至少12个字符（a new person account; password ≥ 12 characters）.' })
export class CreateUserInput {
  @Field()
  @Matches(/^[A-Za-z0-9_.-]{3,64}$/, { message: 'username must be 3–64 letters, digits, _ . or -' })
  username!: string;

  // Length, username and common-password rules: password-policy.ts, one place for every way a password is set.
  @Field({ description: 'At least 12 characters; must not contain the username or be a common password.' })
  @IsString()
  @MaxLength(200)
  password!: string;

  @Field(() => UserRole)
  @IsEnum(UserRole)
  role!: UserRole;

  @Field(() => String, { nullable: true, description: 'GB/T 2260 code of the area a regulator answers for; omit for everywhere.' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'regionCode must be a six-digit GB/T 2260 code' })
  regionCode?: string | null;
}

import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { actorOf, CurrentPrincipal, DEFAULT_PAGE_SIZE, PageArgs, Principal, Roles } from '@credit/common';
import { DepartmentsService } from './departments.service';
import { CreateDepartmentInput, RevokeApiKeyInput, RotateApiKeyInput, SetDepartmentPublicContactInput } from './dto/department.inputs';
import { ApiKeyModel, CreatedDepartmentModel, DepartmentConnection, DepartmentModel, IssuedApiKeyModel } from './dto/department.models';
import { DepartmentApiKey } from './department-api-key.entity';
import { Department } from './department.entity';

@Resolver(() => DepartmentModel)
export class DepartmentsResolver {
  constructor(private readonly departments: DepartmentsService) {}

  @Mutation(() => CreatedDepartmentModel, { description: 'ADMIN. Creates a department and its first API key (shown once).' })
  @Roles('ADMIN')
  async createDepartment(@Args('input') input: CreateDepartmentInput, @CurrentPrincipal() principal: Principal): Promise<CreatedDepartmentModel> {
    const { department, apiKey } = await this.departments.create(input, actorOf(principal));
    return { department: toDepartmentModel(department), apiKey };
  }

  @Mutation(() => IssuedApiKeyModel, { description: 'ADMIN. Issues a new key; the older of two active keys is revoked.' })
  @Roles('ADMIN')
  async rotateDepartmentApiKey(@Args('input') input: RotateApiKeyInput, @CurrentPrincipal() principal: Principal): Promise<IssuedApiKeyModel> {
    const { key, apiKey } = await this.departments.rotateKey(input, actorOf(principal));
    return { key: toApiKeyModel(key), apiKey };
  }

  @Mutation(() => ApiKeyModel, { description: 'ADMIN. Revokes one key at once.' })
  @Roles('ADMIN')
  async revokeDepartmentApiKey(@Args('input') input: RevokeApiKeyInput, @CurrentPrincipal() principal: Principal): Promise<ApiKeyModel> {
    return toApiKeyModel(await this.departments.revokeKey(input, actorOf(principal)));
  }

  @Mutation(() => DepartmentModel, { description: 'ADMIN. Sets the 异议与信用修复 contact the public portal shows beside the department’s records.' })
  @Roles('ADMIN')
  async setDepartmentPublicContact(@Args('input') input: SetDepartmentPublicContactInput, @CurrentPrincipal() principal: Principal): Promise<DepartmentModel> {
    return toDepartmentModel(await this.departments.setPublicContact(input, actorOf(principal)));
  }

  @Query(() => DepartmentConnection, { description: 'ADMIN (all), REGULATOR (those of its region). Departments by id.' })
  @Roles('ADMIN', 'REGULATOR')
  async departmentList(@Args() page: PageArgs, @CurrentPrincipal() principal: Principal): Promise<DepartmentConnection> {
    return this.departments.list(principal, page.first ?? DEFAULT_PAGE_SIZE, page.after);
  }

  @Query(() => [ApiKeyModel], { description: "ADMIN. A department's keys (never the secrets)." })
  @Roles('ADMIN')
  async departmentApiKeys(@Args('departmentCode') departmentCode: string): Promise<ApiKeyModel[]> {
    return (await this.departments.keysOf(departmentCode)).map(toApiKeyModel);
  }
}

export function toDepartmentModel(department: Department): DepartmentModel {
  return { id: department.id, code: department.code, name: department.name, uscc: department.uscc, regionCode: department.regionCode, publicContact: department.publicContact ?? null, createdAt: department.createdAt };
}

function toApiKeyModel(key: DepartmentApiKey): ApiKeyModel {
  return { id: key.id, prefix: key.prefix, createdAt: key.createdAt, expiresAt: key.expiresAt, revokedAt: key.revokedAt, lastUsedAt: key.lastUsedAt };
}

import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { actorOf, CurrentPrincipal, Principal, Roles } from '@credit/common';
import { DepartmentAuthoritiesService } from './department-authorities.service';
import { DepartmentReportingAuthority } from './department-reporting-authority.entity';
import { AllowReportingInput, RevokeReportingInput } from './dto/department-authority.inputs';
import { ReportingAuthorityModel } from './dto/department.models';

@Resolver(() => ReportingAuthorityModel)
export class DepartmentAuthoritiesResolver {
  constructor(private readonly authorities: DepartmentAuthoritiesService) {}

  @Mutation(() => ReportingAuthorityModel, {
    description: 'ADMIN. Lets a department publish decisions naming another deciding authority (处罚机关); without it a department publishes only as itself.',
  })
  @Roles('ADMIN')
  async allowDepartmentToReportFor(@Args('input') input: AllowReportingInput, @CurrentPrincipal() principal: Principal): Promise<ReportingAuthorityModel> {
    return toModel(await this.authorities.allow(input, actorOf(principal)));
  }

  @Mutation(() => ReportingAuthorityModel, { description: 'ADMIN. Withdraws such a grant; records already published stay as they are.' })
  @Roles('ADMIN')
  async revokeDepartmentReportingFor(@Args('input') input: RevokeReportingInput, @CurrentPrincipal() principal: Principal): Promise<ReportingAuthorityModel> {
    return toModel(await this.authorities.revoke(input, actorOf(principal)));
  }

  @Query(() => [ReportingAuthorityModel], { description: 'ADMIN. The other authorities a department may report for.' })
  @Roles('ADMIN')
  async departmentReportingAuthorities(@Args('departmentCode') departmentCode: string): Promise<ReportingAuthorityModel[]> {
    return (await this.authorities.grantsOf(departmentCode)).map(toModel);
  }
}

function toModel(grant: DepartmentReportingAuthority): ReportingAuthorityModel {
  return { departmentCode: grant.department.code, authorityUscc: grant.authorityUscc, authorityName: grant.authorityName, createdAt: grant.createdAt };
}

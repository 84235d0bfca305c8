// Admin grants that let a department publish decisions of another deciding authority (处罚机关). Every grant
// and revocation is audited; the ingest reads them through DepartmentAuthoritiesRepository.
import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { Actor, AuditService } from '@credit/audit';
import { badInput, notFound, requireUscc } from '@credit/common';
import { emExecutor } from '@credit/db';

import { DepartmentReportingAuthority } from './department-reporting-authority.entity';
import { Department } from './department.entity';
import { AllowReportingInput, RevokeReportingInput } from './dto/department-authority.inputs';

@Injectable()
export class DepartmentAuthoritiesService {
  constructor(
    private readonly orm: MikroORM,
    private readonly audit: AuditService,
  ) {}

  async allow(input: AllowReportingInput, actor: Actor): Promise<DepartmentReportingAuthority> {
    const uscc = requireUscc(input.authorityUscc, 'input.authorityUscc');
    const name = input.authorityName.trim();
    return this.orm.em.fork().transactional(async (em) => {
      const department = await em.findOne(Department, { code: input.departmentCode });
      if (!department) throw notFound(`Department ${input.departmentCode}`);
      if (department.uscc === uscc.code) {
        throw badInput('该代码是部门本身的统一社会信用代码，部门始终可以自身名义报送（this is the department\'s own USCC: it always reports as itself）', 'input.authorityUscc');
      }
      const existing = await em.findOne(DepartmentReportingAuthority, { department, authorityUscc: uscc.code });
      const grant = existing ?? em.create(DepartmentReportingAuthority, { department, authorityUscc: uscc.code, authorityName: name });
      const previousName = existing?.authorityName ?? null;
      grant.authorityName = name;
      await em.flush();
      await this.audit.append(emExecutor(em), actor, [
        {
          action: 'REPORTING_AUTHORITY_ALLOWED', targetType: 'DEPARTMENT', targetId: department.id,
          details: { department: department.code, authorityUscc: uscc.code, authorityName: name, previousName },
        },
      ]);
      return grant;
    });
  }

  async revoke(input: RevokeReportingInput, actor: Actor): Promise<DepartmentReportingAuthority> {
    const code = input.authorityUscc.trim().toUpperCase();
    return this.orm.em.fork().transactional(async (em) => {
      const grant = await em.findOne(DepartmentReportingAuthority, { department: { code: input.departmentCode }, authorityUscc: code }, { populate: ['department'] });
      if (!grant) throw notFound(`Reporting authority ${code} of department ${input.departmentCode}`);
      em.remove(grant);
      await em.flush();
      await this.audit.append(emExecutor(em), actor, [
        {
          action: 'REPORTING_AUTHORITY_REVOKED', targetType: 'DEPARTMENT', targetId: grant.department.id,
          details: { department: grant.department.code, authorityUscc: code, authorityName: grant.authorityName },
        },
      ]);
      return grant;
    });
  }

  async grantsOf(departmentCode: string): Promise<DepartmentReportingAuthority[]> {
    return this.orm.em.fork().find(DepartmentReportingAuthority, { department: { code: departmentCode } }, { populate: ['department'], orderBy: { authorityUscc: 'asc' } });
  }
}

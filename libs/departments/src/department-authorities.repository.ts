// The deciding authorities a department may publish as: itself, and those an admin granted. Read once per
// ingest batch (one indexed statement), so the check costs no round trip per record.
import { Injectable } from '@nestjs/common';
import type { SqlExecutor } from '@credit/db';
import type { PublishingAuthority } from '@credit/domain';

@Injectable()
export class DepartmentAuthoritiesRepository {
  /** The department itself first, then its grants by USCC. */
  async authoritiesOf(sql: SqlExecutor, departmentId: string): Promise<PublishingAuthority[]> {
    return sql.query<PublishingAuthority>(
      `SELECT uscc, name, own FROM (
         SELECT d.uscc, d.name, true AS own FROM departments d WHERE d.id = $1
         UNION ALL
         SELECT a.authority_uscc, a.authority_name, false FROM department_reporting_authorities a WHERE a.department_id = $1
       ) t ORDER BY own DESC, uscc`,
      [departmentId],
    );
  }
}

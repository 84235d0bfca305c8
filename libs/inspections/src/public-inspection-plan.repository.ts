// SQL of the public view of a drawn plan (/inspections/plans/{id} on the portal): the selected subjects with
// what the public rules need (name and type), never their tier, rank or digest order. Read-only.
import { Injectable } from '@nestjs/common';
import { SqlExecutor } from '@credit/db';

export interface PublicSelectionRow {
  uscc: string;
  name: string;
  subjectType: string;
}

@Injectable()
export class PublicInspectionPlanRepository {
  /**
   * A page of a plan's selected subjects in USCC byte order (not by stratum: the order must not tell a subject's
   * tier), after `afterUscc`.
   */
  async selectionPage(sql: SqlExecutor, planId: string, afterUscc: string, limit: number): Promise<PublicSelectionRow[]> {
    return sql.query<PublicSelectionRow>(
      `SELECT x.uscc, s.name, s.subject_type AS "subjectType"
         FROM inspection_selections x JOIN credit_subjects s ON s.id = x.subject_id
        WHERE x.plan_id = $1::bigint AND x.uscc COLLATE "C" > $2::text COLLATE "C"
        ORDER BY x.uscc COLLATE "C" LIMIT $3`,
      [planId, afterUscc, limit],
    );
  }
}

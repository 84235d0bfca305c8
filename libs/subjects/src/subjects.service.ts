import { Injectable } from '@nestjs/common';
import { Principal, regionScopePrefixOf, requireUscc } from '@credit/common';
import { Database } from '@credit/db';
import { PartyType, regionName } from '@credit/domain';
import { CreditSubjectModel, SubjectNameChangeModel } from './dto/credit-subject.model';

export interface SubjectRow {
  id: string;
  uscc: string | null;
  name: string;
  subject_type: string;
  region_code: string | null;
  created_at: Date;
  updated_at: Date;
}

export const SUBJECT_COLUMNS = 'id, uscc, name, subject_type, region_code, created_at, updated_at';

export function toSubjectModel(row: SubjectRow): CreditSubjectModel {
  return {
    id: row.id,
    uscc: row.uscc,
    name: row.name,
    subjectType: row.subject_type as PartyType,
    regionCode: row.region_code,
    regionName: row.region_code ? regionName(row.region_code) : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

@Injectable()
export class SubjectsService {
  constructor(private readonly db: Database) {}

  /**
   * The subject registered under a USCC, or null, also when it lies outside the caller's region (region-scope.ts
   * of @credit/common). A malformed code is a coded error, not a miss.
   */
  async findByUscc(principal: Principal, uscc: string): Promise<CreditSubjectModel | null> {
    const parsed = requireUscc(uscc, 'uscc');
    const [row] = await this.db.query<SubjectRow>(
      `SELECT ${SUBJECT_COLUMNS} FROM credit_subjects WHERE subject_key = $1 AND ($2::text IS NULL OR region_code LIKE $2 || '%')`,
      [parsed.code, regionScopePrefixOf(principal)],
    );
    return row ? toSubjectModel(row) : null;
  }

  async findByIds(ids: readonly string[]): Promise<Map<string, CreditSubjectModel>> {
    const rows = await this.db.query<SubjectRow>(`SELECT ${SUBJECT_COLUMNS} FROM credit_subjects WHERE id = ANY($1::bigint[])`, [ids]);
    return new Map(rows.map((row) => [row.id, toSubjectModel(row)]));
  }

  /** Approved renames only: proposals still in review (or rejected) never were the subject's name. */
  async nameHistory(subjectId: string): Promise<SubjectNameChangeModel[]> {
    const rows = await this.db.query<{ previous_name: string; new_name: string; changed_at: Date }>(
      `SELECT previous_name, new_name, changed_at FROM subject_name_changes WHERE subject_id = $1 AND status = 'APPROVED' ORDER BY changed_at, id`,
      [subjectId],
    );
    return rows.map((row) => ({ previousName: row.previous_name, newName: row.new_name, changedAt: row.changed_at }));
  }
}

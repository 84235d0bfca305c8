// Reads of credit subjects for the API: by USCC within a region scope, by ids (a request's loader), and the
// approved renames.
import { Injectable } from '@nestjs/common';
import { Database } from '@credit/db';

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

export interface NameChangeRow {
  previous_name: string;
  new_name: string;
  changed_at: Date;
}

@Injectable()
export class SubjectsRepository {
  constructor(private readonly db: Database) {}

  /** The subject under this key whose region lies under `regionPrefix` (null: anywhere). */
  async findByKey(subjectKey: string, regionPrefix: string | null): Promise<SubjectRow | null> {
    const [row] = await this.db.query<SubjectRow>(
      `SELECT ${SUBJECT_COLUMNS} FROM credit_subjects WHERE subject_key = $1 AND ($2::text IS NULL OR region_code LIKE $2 || '%')`,
      [subjectKey, regionPrefix],
    );
    return row ?? null;
  }

  findByIds(ids: readonly string[]): Promise<SubjectRow[]> {
    return this.db.query<SubjectRow>(`SELECT ${SUBJECT_COLUMNS} FROM credit_subjects WHERE id = ANY($1::bigint[])`, [ids]);
  }

  approvedNameChanges(subjectId: string): Promise<NameChangeRow[]> {
    return this.db.query<NameChangeRow>(
      `SELECT previous_name, new_name, changed_at FROM subject_name_changes WHERE subject_id = $1 AND status = 'APPROVED' ORDER BY changed_at, id`,
      [subjectId],
    );
  }
}

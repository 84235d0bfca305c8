import { Injectable } from '@nestjs/common';
import { Principal, regionScopePrefixOf, requireUscc } from '@credit/common';
import { PartyType, regionName } from '@credit/domain';
import { CreditSubjectModel, SubjectNameChangeModel } from './dto/credit-subject.model';
import { SubjectRow, SubjectsRepository } from './subjects.repository';

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
  constructor(private readonly subjects: SubjectsRepository) {}

  /**
   * The subject registered under a USCC, or null, also when it lies outside the caller's region (region-scope.ts
   * of @credit/common). A malformed code is a coded error, not a miss.
   */
  async findByUscc(principal: Principal, uscc: string): Promise<CreditSubjectModel | null> {
    const parsed = requireUscc(uscc, 'uscc');
    const row = await this.subjects.findByKey(parsed.code, regionScopePrefixOf(principal));
    return row ? toSubjectModel(row) : null;
  }

  async findByIds(ids: readonly string[]): Promise<Map<string, CreditSubjectModel>> {
    const rows = await this.subjects.findByIds(ids);
    return new Map(rows.map((row) => [row.id, toSubjectModel(row)]));
  }

  /** Approved renames only: proposals still in review (or rejected) never were the subject's name. */
  async nameHistory(subjectId: string): Promise<SubjectNameChangeModel[]> {
    const rows = await this.subjects.approvedNameChanges(subjectId);
    return rows.map((row) => ({ previousName: row.previous_name, newName: row.new_name, changedAt: row.changed_at }));
  }
}

// 名称变更 review: a department's push never renames a subject; the names it used wait here until a regulator
// of the subject's region (or an admin) approves or rejects them. Approval renames the subject, keeps the old
// name in its history, audits, and lets the search outbox re-deliver the subject's records.
import { Injectable } from '@nestjs/common';
import { actorOf, badInput, conflict, ConnectionShape, cursorCodec, isWithinRegionScope, notFound, Principal, regionScopePrefixOf, toConnection } from '@credit/common';
import { AuditService } from '@credit/audit';
import { Database, SqlExecutor } from '@credit/db';
import { NameChangeDecisionModel, PendingNameChangeModel } from './dto/subject-name-review.models';
import { LockedNameChange, PendingNameChangeRow, SubjectNameReviewRepository } from './subject-name-review.repository';
import { SubjectRenameHooks } from './subject-rename.hooks';

const ID = /^\d{1,18}$/;

const NAME_CHANGE_CURSOR = cursorCodec('id');

@Injectable()
export class SubjectNameReviewService {
  constructor(
    private readonly db: Database,
    private readonly reviews: SubjectNameReviewRepository,
    private readonly hooks: SubjectRenameHooks,
    private readonly audit: AuditService,
  ) {}

  async pending(principal: Principal, first: number, after?: string | null): Promise<ConnectionShape<PendingNameChangeModel>> {
    const [afterId] = NAME_CHANGE_CURSOR.decode(after) ?? [null];
    const prefix = regionScopePrefixOf(principal);
    const [rows, total] = await Promise.all([this.reviews.listPending(this.db, prefix, afterId, first + 1), this.reviews.countPending(this.db, prefix)]);
    return toConnection(rows, first, total, (row) => NAME_CHANGE_CURSOR.encode([row.id]), toModel);
  }

  async approve(principal: Principal, id: string): Promise<NameChangeDecisionModel> {
    return this.decide(principal, id, 'APPROVED', async (sql, change) => {
      await this.reviews.approve(sql, change);
      await this.hooks.notify(sql, [change.subject_id]);
    });
  }

  async reject(principal: Principal, id: string): Promise<NameChangeDecisionModel> {
    return this.decide(principal, id, 'REJECTED', (sql, change) => this.reviews.reject(sql, change.id));
  }

  private async decide(principal: Principal, id: string, outcome: 'APPROVED' | 'REJECTED', apply: (sql: SqlExecutor, change: LockedNameChange) => Promise<void>): Promise<NameChangeDecisionModel> {
    if (!ID.test(id)) throw badInput('不是名称变更编号（not a name change id）', 'id');
    return this.db.transaction(async (sql) => {
      const change = await this.reviews.lock(sql, id);
      if (!change) throw notFound(`Name change ${id}`);
      // Outside the regulator's region the change does not exist for it (the platform's one answer: NOT_FOUND).
      if (!isWithinRegionScope(principal, change.region_code)) throw notFound(`Name change ${id}`);
      if (change.status !== 'PENDING') throw conflict(`该名称变更已处理：${change.status}（this name change was already decided: ${change.status}）`, 'id');
      await apply(sql, change);
      await this.audit.append(sql, actorOf(principal), [
        {
          action: outcome === 'APPROVED' ? 'SUBJECT_NAME_CHANGE_APPROVED' : 'SUBJECT_NAME_CHANGE_REJECTED',
          targetType: 'CREDIT_SUBJECT', targetId: change.subject_id,
          details: { nameChangeId: change.id, previousName: change.current_name, proposedName: change.new_name },
        },
      ]);
      return { id: change.id, subjectId: change.subject_id, status: outcome, subjectName: outcome === 'APPROVED' ? change.new_name : change.current_name, proposedName: change.new_name };
    });
  }
}


function toModel(row: PendingNameChangeRow): PendingNameChangeModel {
  return {
    id: row.id, subjectId: row.subject_id, uscc: row.uscc, regionCode: row.region_code, currentName: row.current_name, proposedName: row.new_name,
    decisionNumber: row.decision_number, departmentCode: row.department_code, departmentName: row.department_name, proposedAt: row.proposed_at,
  };
}

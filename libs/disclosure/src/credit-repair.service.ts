// approveCreditRepair (信用修复): the deciding department approves, on or after the earliest repair date, with
// the party's public credit commitment (信用承诺). In one transaction: repaired_on, the commitment, the
// same-transaction listeners (tiers recompute, search outbox) and the audit entry.
import { Inject, Injectable } from '@nestjs/common';
import { AuditService, contentHash } from '@credit/audit';
import { actorOf, APP_CONFIG, AppConfig, badInput, DepartmentPrincipal } from '@credit/common';
import { Database } from '@credit/db';
import { canApproveCreditRepair, PenaltyCategory, todayInChina } from '@credit/domain';
import { PenaltyChangeHooks, PenaltyRecordModel, PenaltyRecordsService } from '@credit/penalties';
import { CreditRepairRepository } from './credit-repair.repository';
import { decisionOf } from './disclosure-document';
import { alreadyRepaired, notPublished, repairNotAllowed, repairNotYetAllowed } from './disclosure.errors';

export const MAX_COMMITMENT_CHARS = 2000;

@Injectable()
export class CreditRepairService {
  constructor(
    private readonly db: Database,
    private readonly repairs: CreditRepairRepository,
    private readonly hooks: PenaltyChangeHooks,
    private readonly audit: AuditService,
    private readonly records: PenaltyRecordsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async approve(department: DepartmentPrincipal, decisionNumber: string, commitment: string, today = todayInChina()): Promise<PenaltyRecordModel> {
    const number = decisionNumber.trim();
    const promise = commitment.trim();
    if (!number) throw badInput('行政处罚决定书文号不能为空（decisionNumber is required）', 'decisionNumber');
    if (!promise) throw badInput('信用承诺不能为空（the credit commitment is required）', 'commitment');
    if ([...promise].length > MAX_COMMITMENT_CHARS) {
      throw badInput(`信用承诺不能超过${MAX_COMMITMENT_CHARS}个字符（commitment must be at most ${MAX_COMMITMENT_CHARS} characters）`, 'commitment');
    }
    const recordId = await this.db.transaction(async (sql) => {
      const own = await this.repairs.lockOwn(sql, department.departmentId, number);
      if (!own) throw await this.records.notOwnDecision(sql, number, 'approve its credit repair');
      if (own.repaired_on !== null) throw alreadyRepaired(own.repaired_on);
      if (own.status !== 'ACTIVE') throw notPublished(true);
      const facts = { decisionDate: own.decision_date, categories: own.penalty_categories as PenaltyCategory[], notRepairable: own.not_repairable };
      const check = canApproveCreditRepair(decisionOf(own, { publishNaturalPersons: this.config.publishNaturalPersons }), today, facts);
      if (!check.allowed && check.code === 'REPAIR_NOT_ALLOWED') throw repairNotAllowed(check.rule.citation, check.rule.id);
      if (!check.allowed && check.code === 'REPAIR_NOT_YET_ALLOWED') throw repairNotYetAllowed(check.earliestRepairDate);
      if (!check.allowed) throw notPublished(false);
      await this.repairs.approve(sql, own.id, today, promise, department.departmentId);
      await this.hooks.notify(sql, [{ kind: 'REPAIRED', recordId: own.id, subjectId: own.subject_id, previousSubjectId: null }]);
      await this.audit.append(sql, actorOf(department), [
        {
          action: 'PENALTY_RECORD_REPAIRED',
          targetType: 'PENALTY_RECORD',
          targetId: own.id,
          beforeHash: own.content_hash,
          afterHash: contentHash({ repaired: own.content_hash, on: today, commitment: promise }),
          details: { decisionNumber: number, approvedOn: today, commitmentHash: contentHash(promise) },
        },
      ]);
      return own.id;
    });
    return (await this.records.findById(recordId)) as PenaltyRecordModel;
  }
}

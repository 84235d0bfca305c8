import { Injectable } from '@nestjs/common';
import { AuditService, contentHash } from '@credit/audit';
import { actorOf, badInput, ConnectionShape, cursorCodec, DepartmentPrincipal, DomainError, toConnection } from '@credit/common';
import { Database, SqlExecutor } from '@credit/db';
import { IdType, PartyType, PenaltyCategory, PenaltyRecordStatus, Severity, todayInChina } from '@credit/domain';
import { PenaltyRecordModel } from './dto/penalty-record.models';
import { alreadyRevoked, notOwnDecision } from './penalties.errors';
import { PenaltyChangeHooks } from './penalty-change.hooks';
import { PenaltyRecordsRepository, RecordRow } from './penalty-records.repository';

const RECORD_CURSOR = cursorCodec('date', 'id');

@Injectable()
export class PenaltyRecordsService {
  constructor(
    private readonly db: Database,
    private readonly hooks: PenaltyChangeHooks,
    private readonly audit: AuditService,
    private readonly repository: PenaltyRecordsRepository,
  ) {}

  /**
   * Revokes one of the calling department's own decisions. Ownership is checked here, not only by role: a
   * decision number that exists only under another department is FORBIDDEN, not silently "not found".
   */
  async revoke(department: DepartmentPrincipal, decisionNumber: string, reason: string): Promise<PenaltyRecordModel> {
    const number = decisionNumber.trim();
    const why = reason.trim();
    if (!number) throw badInput('decisionNumber is required', 'decisionNumber');
    if (!why) throw badInput('A reason is required to revoke a decision', 'reason');
    if ([...why].length > 1000) throw badInput('reason must be at most 1000 characters', 'reason');
    const recordId = await this.db.transaction(async (sql) => {
      const own = await this.repository.lockOwn(sql, department.departmentId, number);
      if (!own) throw await this.notOwnDecision(sql, number, 'revoke it');
      if (own.status === PenaltyRecordStatus.REVOKED) throw alreadyRevoked();
      await this.repository.markRevoked(sql, own.id, why);
      await this.hooks.notify(sql, [{ kind: 'REVOKED', recordId: own.id, subjectId: own.subject_id, previousSubjectId: null }]);
      await this.audit.append(sql, actorOf(department), [
        { action: 'PENALTY_RECORD_REVOKED', targetType: 'PENALTY_RECORD', targetId: own.id, beforeHash: own.content_hash, afterHash: contentHash({ revoked: own.content_hash, reason: why }), details: { decisionNumber: number, reason: why } },
      ]);
      return own.id;
    });
    return (await this.findById(recordId)) as PenaltyRecordModel;
  }

  /**
   * Why a department holds no record under `decisionNumber`, for it to throw: FORBIDDEN when another department
   * decided it ("only the deciding department may <action>"), NOT_FOUND when nobody did.
   */
  async notOwnDecision(sql: SqlExecutor, decisionNumber: string, action: string): Promise<DomainError<'FORBIDDEN' | 'NOT_FOUND'>> {
    return notOwnDecision(decisionNumber, await this.repository.decisionNumberExists(sql, decisionNumber), action);
  }

  async findById(id: string): Promise<PenaltyRecordModel | null> {
    const row = await this.repository.findById(id);
    return row ? toRecordModel(row) : null;
  }

  /**
   * Each subject's records, newest decision first, after one cursor: one query for all the subjects (the
   * CreditSubject.penaltyRecords field batches every subject of a list into one call per request tick).
   * Repaired, revoked and expired records are no longer shared: only their deciding department sees them.
   */
  async listForSubjects(
    subjectIds: readonly string[],
    viewerDepartmentId: string | null,
    first: number,
    after?: string | null,
    today = todayInChina(),
  ): Promise<Map<string, ConnectionShape<PenaltyRecordModel>>> {
    const cursor = RECORD_CURSOR.decode(after);
    const slices = await this.repository.pageForSubjects(subjectIds, first + 1, cursor, viewerDepartmentId, today);
    return new Map(
      [...slices].map(([subjectId, slice]) => [
        subjectId,
        toConnection(slice.rows, first, slice.total, (row) => RECORD_CURSOR.encode([row.decision_date, row.id]), toRecordModel),
      ]),
    );
  }

  /** Checks a page's cursor without reading anything, so a bad one fails before any query. */
  checkCursor(after?: string | null): void {
    RECORD_CURSOR.decode(after);
  }
}

function toRecordModel(row: RecordRow): PenaltyRecordModel {
  const r = row as Record<string, any>;
  return {
    id: r.id,
    department: { code: r.department_code, name: r.department_name },
    decisionNumber: r.decision_number,
    partyName: r.party_name,
    partyType: r.party_type as PartyType,
    uscc: r.uscc,
    registrationNumber: r.registration_number,
    legalRepresentative: r.legal_representative,
    idType: r.id_type as IdType | null,
    idNumber: r.id_number_masked,
    violationType: r.violation_type,
    violationFacts: r.violation_facts,
    legalBasis: r.legal_basis,
    penaltyCategories: r.penalty_categories as PenaltyCategory[],
    penaltyContent: r.penalty_content,
    fineAmount: normaliseAmount(r.fine_amount),
    confiscatedAmount: normaliseAmount(r.confiscated_amount),
    licenseInfo: r.license_info,
    decisionDate: r.decision_date,
    validUntil: r.valid_until,
    publicUntil: r.public_until,
    authorityName: r.authority_name,
    authorityUscc: r.authority_uscc,
    dataSourceName: r.data_source_name,
    dataSourceUscc: r.data_source_uscc,
    severity: r.severity as Severity,
    severityDerived: r.severity_derived,
    remarks: r.remarks,
    status: r.status as PenaltyRecordStatus,
    revokeReason: r.revoke_reason,
    revokedAt: r.revoked_at,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** numeric(18,6) comes back as "12.500000": show the canonical "12.5" the department sent. */
export function normaliseAmount(value: string | null): string | null {
  if (value === null) return null;
  return value.includes('.') ? value.replace(/0+$/, '').replace(/\.$/, '') : value;
}

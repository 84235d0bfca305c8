// submitPenaltyRecords: validate every item (pure domain rules), register the subjects they name (committed at
// once), then write the valid ones in ONE transaction of set-based statements: name changes filed for review,
// previous versions, records, same-transaction listeners (tiers, outbox), one audit entry for the batch. Each
// item gets its own result; a bad item never blocks the good ones.
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { AuditService } from '@credit/audit';
import { actorOf, badInput, DepartmentPrincipal, ingestRows, ingestValidationBatches, PLATFORM_SECRETS, PlatformSecrets, retry } from '@credit/common';
import { Database, isTransactionConflict, SqlExecutor } from '@credit/db';
import { DepartmentAuthoritiesRepository } from '@credit/departments';
import { FieldIssue, PenaltyRecordDraft, PublishingAuthority, todayInChina } from '@credit/domain';
import { SubjectRegistration, SubjectRegistryRepository } from '@credit/subjects';
import { SubmitStatus } from './dto/penalty-record.models';
import { PenaltyBatchAuditItem, penaltyBatchAuditEntry } from './penalty-batch.audit';
import { BatchPreparation, BatchValidation, BatchValidationInput, ValidItem } from './penalty-batch.validation';
import { PenaltyChangeHooks, PenaltyRecordChange } from './penalty-change.hooks';
import { PackedCopyTails, PenaltyColumns } from './penalty-columns';
import { ExistingRecord, isDecisionNumberTaken, PenaltyIngestRepository } from './penalty-ingest.repository';
import { PenaltyValidationPool, ValidationThreadUnavailable } from './penalty-validation.pool';

export const MAX_BATCH_SIZE = 1000;
/**
 * Batches of at least this many items are validated on a validation thread when there are any
 * (PenaltyValidationPool); smaller ones on the event loop, where they take under 2 ms, less than the round trip
 * through a thread would add to their answer.
 */
export const THREAD_MIN_ITEMS = 64;
/** On the event loop: items validated between two turns of it (~3 ms of CPU). */
const VALIDATION_SLICE = 100;

export interface SubmitItemResult {
  index: number;
  decisionNumber: string | null;
  status: SubmitStatus;
  recordId: string | null;
  subjectId: string | null;
  errors: FieldIssue[];
  warnings: FieldIssue[];
}

export interface SubmitSummary {
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  results: SubmitItemResult[];
}

declare const validatedBatch: unique symbol;

/**
 * A batch validated and prepared for its department (PenaltyIngestService.validate), not yet written: submit in
 * two steps, for a caller that validates its next batch while the previous one is being written. Opaque: only
 * validate issues one (an object of this module's WeakMap), and what it holds (the department it was validated
 * for, the prepared rows) is out of reach until write takes it, once.
 */
export type ValidatedPenaltyBatch = { readonly [validatedBatch]: true };

interface BatchContents {
  department: DepartmentPrincipal;
  results: SubmitItemResult[];
  valid: ValidItem[];
  copyTails: PackedCopyTails;
}

const issuedBatches = new WeakMap<object, BatchContents>();

function issueBatch(contents: BatchContents): ValidatedPenaltyBatch {
  const batch = Object.freeze({}) as ValidatedPenaltyBatch;
  issuedBatches.set(batch, contents);
  return batch;
}

/** What validate put in; a batch it did not issue, or one already taken, throws. */
function takeBatch(batch: ValidatedPenaltyBatch): BatchContents {
  const contents = issuedBatches.get(batch);
  if (!contents) throw new Error('not a batch PenaltyIngestService.validate issued, or one already written (validate again to retry)');
  issuedBatches.delete(batch);
  return contents;
}

/** Thrown inside the transaction when a concurrent push won a race; Database.transaction retries on 40001. */
class RaceLost extends Error {
  readonly code = '40001';
}

@Injectable()
export class PenaltyIngestService {
  private readonly preparation: BatchPreparation;
  private readonly logger = new Logger('PenaltyIngest');

  constructor(
    private readonly db: Database,
    private readonly records: PenaltyIngestRepository,
    private readonly subjects: SubjectRegistryRepository,
    private readonly hooks: PenaltyChangeHooks,
    private readonly audit: AuditService,
    private readonly authorities: DepartmentAuthoritiesRepository,
    private readonly pool: PenaltyValidationPool,
    @Inject(PLATFORM_SECRETS) secrets: PlatformSecrets,
  ) {
    this.preparation = new BatchPreparation(secrets);
  }

  async submit(department: DepartmentPrincipal, drafts: PenaltyRecordDraft[]): Promise<SubmitSummary> {
    return this.write(await this.validate(department, drafts));
  }

  /** The first step of submit: every item validated and the valid ones prepared; nothing is read but who may publish. */
  async validate(department: DepartmentPrincipal, drafts: PenaltyRecordDraft[]): Promise<ValidatedPenaltyBatch> {
    return issueBatch(await this.validateBatch(department, drafts));
  }

  /** What validate and preview share: each item's result, and the valid items prepared. */
  private async validateBatch(department: DepartmentPrincipal, drafts: PenaltyRecordDraft[]): Promise<BatchContents> {
    const results = initialResults(drafts);
    // One statement per batch: who this department may publish as (itself, and the authorities granted to it).
    const allowed = await this.authorities.authoritiesOf(this.db, department.departmentId);
    return { department: { ...department }, results, ...(await this.validateItems(drafts, allowed, results)) };
  }

  /**
   * The second step of submit: the valid items written in one transaction, and every item's result. A batch is
   * taken by its first write, whether or not that succeeds.
   */
  async write(batch: ValidatedPenaltyBatch): Promise<SubmitSummary> {
    const { department, results, valid, copyTails } = takeBatch(batch);
    if (valid.length > 0) {
      const prepared = PenaltyColumns.of(valid.map((item) => item.row), copyTails);
      // The subjects are registered (new ones committed) and looked up before the transaction: see
      // SubjectRegistryRepository.register. Retried as the transaction is, on a deadlock or serialization failure.
      const subjects = await retry(() => this.subjects.register(this.db, valid.map((item) => item.subject)), { attempts: 5, retryable: isTransactionConflict });
      await this.db.transaction((sql, client) => this.writeItems(sql, client, department, valid, prepared, results, subjects));
    }
    const summary = summarise(results);
    for (const status of ['created', 'updated', 'unchanged', 'rejected'] as const) ingestRows.inc({ status: status.toUpperCase() }, summary[status]);
    return summary;
  }

  /**
   * A dry run of submit: the same validation, authority rules and comparison with what is stored, so each item
   * says whether it would be CREATED, UPDATED, UNCHANGED or REJECTED; nothing is written or locked, and no row is
   * counted as ingested (the batch is counted where it was validated, credit_ingest_validation_batches_total).
   */
  async preview(department: DepartmentPrincipal, drafts: PenaltyRecordDraft[]): Promise<SubmitSummary> {
    const { results, valid } = await this.validateBatch(department, drafts);
    const existing = new Map<string, ExistingRecord>(
      (await this.records.findExisting(this.db, department.departmentId, valid.map((item) => item.row.decisionNumber))).map((row) => [row.decision_number, row]),
    );
    for (const item of valid) {
      const result = results[item.index];
      const found = existing.get(item.row.decisionNumber);
      if (found?.status === 'REVOKED') Object.assign(result, { recordId: found.id, errors: [revokedIssue()] });
      else if (!found) result.status = SubmitStatus.CREATED;
      else Object.assign(result, { status: found.content_hash === item.row.contentHash ? SubmitStatus.UNCHANGED : SubmitStatus.UPDATED, recordId: found.id });
    }
    return summarise(results);
  }

  /**
   * Validates and prepares the items: on a validation thread for a batch of THREAD_MIN_ITEMS or more when the pool
   * has threads, else here, VALIDATION_SLICE at a time with a turn of the event loop between slices (done in one
   * go, it would hold back the next statement of every other push in flight on this process, and with it the row
   * locks those transactions hold).
   */
  private async validateItems(drafts: PenaltyRecordDraft[], allowed: readonly PublishingAuthority[], results: SubmitItemResult[]): Promise<Pick<BatchValidation, 'valid' | 'copyTails'>> {
    const input = { drafts, allowed, today: todayInChina() };
    const outcome = this.pool.enabled && drafts.length >= THREAD_MIN_ITEMS ? await this.onThread(input) : await this.onEventLoop(input);
    results.forEach((result, index) => Object.assign(result, { errors: outcome.errors[index], warnings: outcome.warnings[index] }));
    return { valid: outcome.valid, copyTails: outcome.copyTails };
  }

  /** On a thread; here when no thread could take the batch (one stopped, hung or could not start). */
  private async onThread(input: BatchValidationInput): Promise<BatchValidation> {
    try {
      const outcome = await this.pool.validate(input);
      ingestValidationBatches.inc({ where: 'thread' });
      return outcome;
    } catch (error) {
      // A fault of the validation itself would fail here the same way: only a lost thread is worth a second try.
      if (!(error instanceof ValidationThreadUnavailable)) throw error;
      this.logger.warn(`a batch of ${input.drafts.length} is validated on the event loop instead: ${error.message}`);
      return this.onEventLoop(input, 'thread_lost');
    }
  }

  private onEventLoop(input: BatchValidationInput, where: 'event_loop' | 'thread_lost' = 'event_loop'): Promise<BatchValidation> {
    ingestValidationBatches.inc({ where });
    return this.preparation.validate(input, VALIDATION_SLICE);
  }

  private async writeItems(sql: SqlExecutor, client: PoolClient, department: DepartmentPrincipal, valid: ValidItem[], prepared: PenaltyColumns, results: SubmitItemResult[], subjects: SubjectRegistration): Promise<void> {
    for (const item of valid) Object.assign(results[item.index], { status: SubmitStatus.REJECTED, recordId: null, errors: [] });
    // The department's own rows first: other departments never wait on them.
    const existing = new Map<string, ExistingRecord>(
      (await this.records.lockExisting(sql, department.departmentId, valid.map((item) => item.row.decisionNumber))).map((row) => [row.decision_number, row]),
    );
    // A known subject keeps its registered name: a different one pushed here is filed for review, not applied.
    await this.subjects.fileNameChanges(sql, subjects.proposals, department.departmentId);
    const toWrite: ValidItem[] = [];
    for (const item of valid) {
      const result = results[item.index];
      const found = existing.get(item.row.decisionNumber);
      result.subjectId = subjects.ids.get(item.subject.subjectKey) ?? null;
      if (found?.status === 'REVOKED') {
        result.recordId = found.id;
        result.errors = [revokedIssue()];
      } else if (found && found.content_hash === item.row.contentHash) {
        Object.assign(result, { status: SubmitStatus.UNCHANGED, recordId: found.id });
      } else {
        toWrite.push(item);
      }
    }
    const changedIds = toWrite.map((item) => existing.get(item.row.decisionNumber)?.id).filter((id): id is string => id !== undefined);
    await this.records.snapshotVersions(sql, changedIds);
    // The rows prepared before the transaction, those to write; new ones all (a first push) go by COPY.
    const columns = prepared.only(toWrite.map((item) => item.row));
    const subjectIdsOf = toWrite.map((item) => results[item.index].subjectId as string);
    const upserted = await (changedIds.length === 0
      ? this.records.insertNew(sql, client, department.departmentId, columns, subjectIdsOf)
      : this.records.upsert(sql, client, department.departmentId, columns, subjectIdsOf)
    ).catch((error: unknown) => {
      // A concurrent push inserted one of these new numbers and committed: start over, as below.
      throw isDecisionNumberTaken(error) ? new RaceLost('concurrent push of the same decision') : error;
    });
    const byNumber = new Map(upserted.map((row) => [row.decision_number, row]));
    const changes: PenaltyRecordChange[] = [];
    const audited: PenaltyBatchAuditItem[] = [];
    for (const item of toWrite) {
      const row = byNumber.get(item.row.decisionNumber);
      const before = existing.get(item.row.decisionNumber);
      // A row we did not lock but that exists now was committed by a concurrent push: start over.
      if (!row || row.inserted === Boolean(before)) throw new RaceLost('concurrent push of the same decision');
      const result = results[item.index];
      Object.assign(result, { status: row.inserted ? SubmitStatus.CREATED : SubmitStatus.UPDATED, recordId: row.id });
      changes.push({
        kind: row.inserted ? 'CREATED' : 'UPDATED', recordId: row.id, subjectId: result.subjectId as string,
        previousSubjectId: before && before.subject_id !== result.subjectId ? before.subject_id : null,
        written: { severity: item.row.severity, penaltyCategories: item.row.penaltyCategories },
      });
      audited.push({
        action: row.inserted ? 'PENALTY_RECORD_CREATED' : 'PENALTY_RECORD_UPDATED', recordId: row.id, decisionNumber: item.row.decisionNumber,
        version: row.version, beforeHash: before?.content_hash ?? null, afterHash: item.row.contentHash,
      });
    }
    await this.hooks.notify(sql, changes);
    if (audited.length > 0) await this.audit.append(sql, actorOf(department), [penaltyBatchAuditEntry(department.departmentId, audited)]);
  }
}

/** Every item starts REJECTED with no errors; validation and the write (or the preview) settle each one. */
function initialResults(drafts: PenaltyRecordDraft[]): SubmitItemResult[] {
  if (drafts.length === 0) throw badInput('Send at least one record', 'records');
  if (drafts.length > MAX_BATCH_SIZE) throw badInput(`Send at most ${MAX_BATCH_SIZE} records per call; split the batch`, 'records');
  return drafts.map((draft, index) => ({
    index, decisionNumber: draft.decisionNumber?.trim() || null, status: SubmitStatus.REJECTED, recordId: null, subjectId: null, errors: [], warnings: [],
  }));
}

function revokedIssue(): FieldIssue {
  return { field: 'decisionNumber', code: 'RECORD_REVOKED', message: '该决定书文号的处罚已撤销，不能再更新（this decision was revoked and cannot be updated; a new decision needs a new number）' };
}

function summarise(results: SubmitItemResult[]): SubmitSummary {
  const count = (status: SubmitStatus) => results.filter((result) => result.status === status).length;
  return { created: count(SubmitStatus.CREATED), updated: count(SubmitStatus.UPDATED), unchanged: count(SubmitStatus.UNCHANGED), rejected: count(SubmitStatus.REJECTED), results };
}

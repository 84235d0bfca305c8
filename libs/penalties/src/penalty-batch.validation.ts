// A batch's items validated and prepared: the domain rules, who may publish, a decision number twice in the
// batch, then the row the ingest writes. The same function runs on the API's event loop and in a validation
// thread (penalty-validation.worker.ts); only where it runs differs, never what it decides.
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { PlatformSecrets } from '@credit/common';
import { PersonalDataCipher } from '@credit/common/crypto';
import { checkPublishingAuthority, FieldIssue, fillPublishingAuthority, IsoDate, PenaltyRecordDraft, PublishingAuthority, validatePenaltyRecord } from '@credit/domain';
import type { SubjectUpsert } from '@credit/subjects';
import { copyTail, PackedCopyTails, packCopyTails, PenaltyRowKey } from './penalty-columns';
import { prepareRow } from './penalty-record.preparation';

/** What preparing a row needs of the platform's secrets (the personal-data keys and the keyed-hash key), and no more. */
export type PreparationSecrets = Pick<PlatformSecrets, 'piiKeys' | 'activePiiKeyId' | 'piiHashKey'>;

export interface ValidItem {
  index: number;
  row: PenaltyRowKey;
  subject: SubjectUpsert;
  warnings: FieldIssue[];
}

/** Every item's errors and warnings (by index), and the valid items prepared: their keys, and their COPY data in the same order. */
export interface BatchValidation {
  errors: FieldIssue[][];
  warnings: FieldIssue[][];
  valid: ValidItem[];
  copyTails: PackedCopyTails;
}

export interface BatchValidationInput {
  drafts: PenaltyRecordDraft[];
  /** Who the department may publish as: itself and the authorities granted to it. */
  allowed: readonly PublishingAuthority[];
  /** China's date, read once by the caller: a batch that falls back from a thread to the event loop keeps it. */
  today: IsoDate;
}

export class BatchPreparation {
  readonly cipher: PersonalDataCipher;

  constructor(readonly secrets: PreparationSecrets) {
    this.cipher = new PersonalDataCipher(secrets);
  }

  /**
   * Validates the items in order. `pauseEvery`: a turn of the event loop after that many items, for a caller on the
   * API's own thread (a batch of 1,000 takes 17–27 ms of CPU, which would hold back every other request and
   * transaction there).
   */
  async validate({ drafts, allowed, today }: BatchValidationInput, pauseEvery = 0): Promise<BatchValidation> {
    const outcome: Omit<BatchValidation, 'copyTails'> = { errors: [], warnings: [], valid: [] };
    const tails: Buffer[] = [];
    const seen = new Map<string, number>();
    for (let index = 0; index < drafts.length; index++) {
      if (pauseEvery > 0 && index > 0 && index % pauseEvery === 0) await nextTurn();
      outcome.errors.push([]);
      const filled = fillPublishingAuthority(drafts[index], allowed);
      const checked = validatePenaltyRecord(filled.draft, today);
      outcome.warnings.push(checked.warnings);
      if (!checked.ok) {
        // An authority named but not allowed: that is the reason, not the other authority field missing.
        outcome.errors[index] = filled.issue ? [filled.issue, ...checked.errors.filter((error) => !error.field.startsWith('authority'))] : checked.errors;
        continue;
      }
      const authorityIssue = filled.issue ?? checkPublishingAuthority(checked.record, allowed);
      if (authorityIssue) {
        outcome.errors[index] = [authorityIssue];
        continue;
      }
      const number = checked.record.decisionNumber;
      const first = seen.get(number);
      if (first !== undefined) {
        outcome.errors[index] = [{ field: 'decisionNumber', code: 'DUPLICATE_IN_BATCH', message: `同一批次中重复的决定书文号，与第 ${first} 项相同（the same decision number is already item ${first} of this batch）` }];
        continue;
      }
      seen.set(number, index);
      const { row, subject } = prepareRow(checked.record, this.cipher, this.secrets.piiHashKey);
      tails.push(copyTail(row));
      const key = { decisionNumber: row.decisionNumber, contentHash: row.contentHash, severity: row.severity, penaltyCategories: row.penaltyCategories };
      outcome.valid.push({ index, row: key, subject, warnings: checked.warnings });
    }
    return { ...outcome, copyTails: packCopyTails(tails) };
  }
}

// Walks the audit log in id order, recomputing each row's hash from its content and the previous row's hash,
// then holds the result against every signed checkpoint (table and file). A changed row breaks its own hash; a
// deleted row breaks the link of the row after it; a cut tail, or a chain rewritten consistently from some row
// on, disagrees with a checkpoint taken before. (Gaps in ids alone prove nothing: a rolled-back transaction
// consumes sequence values too.)
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, PLATFORM_SECRETS, PlatformSecrets } from '@credit/common';
import { checkpointSignatureValid, readCheckpointFile, StoredCheckpoint } from './audit-checkpoint';
import { AuditLogRepository, AuditRow } from './audit-log.repository';
import { AUDIT_HASH_VERSION, auditRowHash, GENESIS_HASH } from './audit.service';

export type AuditProblemKind = 'CONTENT_CHANGED' | 'CHAIN_BROKEN' | 'CHECKPOINT_MISMATCH' | 'CHECKPOINT_FORGED';

export interface AuditProblem {
  /** The row concerned; for a checkpoint whose row is gone, the row it names. */
  id: string;
  problem: AuditProblemKind;
  detail: string;
  /** For checkpoint problems: `table #<id>` or `<file>:<line>`. */
  checkpoint?: string;
}

export interface AuditVerification {
  rowsChecked: number;
  /** Rows hashed by the first scheme (actor name and id not covered), written before every column was hashed. */
  legacyRows: number;
  checkpointsChecked: number;
  /** The lowest row with a problem (a row content or chain problem, else the row a disagreeing checkpoint names). */
  firstBadRow: string | null;
  problems: AuditProblem[];
}

/** Rows read per round trip, and the stored size of their details at which a page stops (AuditLogRepository.page). */
const PAGE = 5000;
const PAGE_DETAIL_BYTES = 8 * 1024 * 1024;

@Injectable()
export class AuditVerifier {
  constructor(
    private readonly repository: AuditLogRepository,
    @Inject(PLATFORM_SECRETS) private readonly secrets: PlatformSecrets,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async verify(onProgress?: (checked: number) => void): Promise<AuditVerification> {
    const problems: AuditProblem[] = [];
    const checkpoints = await this.loadCheckpoints(problems);
    const byLastId = new Map<string, StoredCheckpoint[]>();
    for (const checkpoint of checkpoints) byLastId.set(checkpoint.lastId, [...(byLastId.get(checkpoint.lastId) ?? []), checkpoint]);
    const matched = new Set<StoredCheckpoint>();
    let prevHash = GENESIS_HASH;
    let lastId = '0';
    let checked = 0;
    let legacyRows = 0;
    let newestVersion = 0;
    for (;;) {
      const rows = await this.repository.page(lastId, PAGE, PAGE_DETAIL_BYTES);
      if (rows.length === 0) break;
      for (const row of rows) {
        checked += 1;
        if (row.hash_version === 1) legacyRows += 1;
        problems.push(...this.checkRow(row, prevHash, newestVersion));
        newestVersion = Math.max(newestVersion, row.hash_version);
        for (const checkpoint of byLastId.get(row.id) ?? []) {
          matched.add(checkpoint);
          if (checkpoint.headHash !== row.row_hash || checkpoint.rowCount !== String(checked)) {
            problems.push(mismatch(checkpoint, `the log has ${checked} rows up to row ${row.id}, ending in ${row.row_hash.slice(0, 12)}…`));
          }
        }
        prevHash = row.row_hash;
        lastId = row.id;
      }
      onProgress?.(checked);
    }
    for (const checkpoint of checkpoints.filter((c) => !matched.has(c))) {
      problems.push(mismatch(checkpoint, `row ${checkpoint.lastId} is not in the log, which ${checked === 0 ? 'is empty' : `ends at row ${lastId} after ${checked} rows`}: rows were deleted`));
    }
    problems.sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : BigInt(a.id) > BigInt(b.id) ? 1 : 0));
    return { rowsChecked: checked, legacyRows, checkpointsChecked: checkpoints.length, firstBadRow: problems[0]?.id ?? null, problems };
  }

  private checkRow(row: AuditRow, prevHash: string, newestVersion: number): AuditProblem[] {
    const problems: AuditProblem[] = [];
    if (row.prev_hash !== prevHash) problems.push({ id: row.id, problem: 'CHAIN_BROKEN', detail: 'prev_hash does not match the hash of the row before it (a row before it was deleted or changed)' });
    const content = {
      id: row.id, occurredAt: row.occurred_at.toISOString(), actorType: row.actor_type, actorId: row.actor_id, actorName: row.actor_name, action: row.action,
      targetType: row.target_type, targetId: row.target_id, beforeHash: row.before_hash, afterHash: row.after_hash, details: row.details,
    };
    // Older schemes only before the first row of a newer one: otherwise marking a row "old" would exempt the
    // columns the old scheme left out.
    const known = row.hash_version >= 1 && row.hash_version <= AUDIT_HASH_VERSION && row.hash_version >= newestVersion;
    if (!known) problems.push({ id: row.id, problem: 'CONTENT_CHANGED', detail: `hash scheme ${row.hash_version} is not allowed here (rows before it use scheme ${newestVersion})` });
    else if (auditRowHash(row.hash_version, row.prev_hash, content) !== row.row_hash) problems.push({ id: row.id, problem: 'CONTENT_CHANGED', detail: 'the row no longer matches its own hash' });
    return problems;
  }

  /** Every checkpoint of the table and the file; those whose signature does not hold are reported, not used. */
  private async loadCheckpoints(problems: AuditProblem[]): Promise<StoredCheckpoint[]> {
    const stored: StoredCheckpoint[] = (await this.repository.checkpoints()).map((row) => ({
      source: 'table', ref: `table #${row.id}`, createdAt: row.created_at.toISOString(), lastId: row.last_id, rowCount: row.row_count, headHash: row.head_hash, mac: row.mac,
    }));
    if (this.config.audit.checkpointFile) stored.push(...readCheckpointFile(this.config.audit.checkpointFile));
    return stored.filter((checkpoint) => {
      if (checkpointSignatureValid(this.secrets.auditCheckpointKey, checkpoint)) return true;
      problems.push({ id: /^\d+$/.test(checkpoint.lastId) ? checkpoint.lastId : '0', problem: 'CHECKPOINT_FORGED', checkpoint: checkpoint.ref, detail: 'the checkpoint is not signed with this platform\'s AUDIT_CHECKPOINT_KEY' });
      return false;
    });
  }
}

function mismatch(checkpoint: StoredCheckpoint, found: string): AuditProblem {
  return {
    id: checkpoint.lastId,
    problem: 'CHECKPOINT_MISMATCH',
    checkpoint: checkpoint.ref,
    detail: `checkpoint ${checkpoint.ref} of ${checkpoint.createdAt} signed ${checkpoint.rowCount} rows up to row ${checkpoint.lastId}, ending in ${checkpoint.headHash.slice(0, 12)}…; ${found}`,
  };
}

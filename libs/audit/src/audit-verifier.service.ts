// Walks the audit log in id order, recomputing each row's hash from its content and the previous row's hash.
// A changed row breaks its own hash; a deleted row breaks the link of the row after it. (Gaps in ids alone
// prove nothing: a rolled-back transaction consumes sequence values too.)
import { Injectable } from '@nestjs/common';
import { Database } from '@credit/db';
import { auditRowHash, GENESIS_HASH } from './audit.service';

export interface AuditProblem {
  id: string;
  problem: 'CONTENT_CHANGED' | 'CHAIN_BROKEN';
  detail: string;
}

export interface AuditVerification {
  rowsChecked: number;
  problems: AuditProblem[];
}

const PAGE = 5000;

interface AuditRow {
  id: string;
  occurred_at: Date;
  actor_type: string;
  actor_id: string | null;
  action: string;
  target_type: string;
  target_id: string;
  before_hash: string | null;
  after_hash: string | null;
  details: unknown;
  prev_hash: string;
  row_hash: string;
}

@Injectable()
export class AuditVerifier {
  constructor(private readonly db: Database) {}

  async verify(onProgress?: (checked: number) => void): Promise<AuditVerification> {
    const problems: AuditProblem[] = [];
    let prevHash = GENESIS_HASH;
    let lastId = '0';
    let checked = 0;
    for (;;) {
      const rows: AuditRow[] = await this.db.query<AuditRow>(
        `SELECT id, occurred_at, actor_type, actor_id, action, target_type, target_id, before_hash, after_hash, details, prev_hash, row_hash
           FROM audit_log WHERE id > $1 ORDER BY id LIMIT $2`,
        [lastId, PAGE],
      );
      if (rows.length === 0) break;
      for (const row of rows) {
        if (row.prev_hash !== prevHash) problems.push({ id: row.id, problem: 'CHAIN_BROKEN', detail: 'prev_hash does not match the hash of the row before it (a row before it was deleted or changed)' });
        const expected = auditRowHash(row.prev_hash, {
          occurredAt: row.occurred_at.toISOString(), actorType: row.actor_type, actorId: row.actor_id, action: row.action,
          targetType: row.target_type, targetId: row.target_id, beforeHash: row.before_hash, afterHash: row.after_hash, details: row.details,
        });
        if (expected !== row.row_hash) problems.push({ id: row.id, problem: 'CONTENT_CHANGED', detail: 'the row no longer matches its own hash' });
        prevHash = row.row_hash;
        lastId = row.id;
      }
      checked += rows.length;
      onProgress?.(checked);
    }
    return { rowsChecked: checked, problems };
  }
}

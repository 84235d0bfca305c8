// The reads of audit:verify and the checkpoint writer, and the one write of checkpoints. Appends live in
// AuditService (they run in the caller's transaction, through either executor).
import { Injectable } from '@nestjs/common';
import { Database } from '@credit/db';

export interface AuditRow {
  id: string;
  occurred_at: Date;
  actor_type: string;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  target_type: string;
  target_id: string;
  before_hash: string | null;
  after_hash: string | null;
  details: unknown;
  prev_hash: string;
  row_hash: string;
  hash_version: number;
}

export interface CheckpointRow {
  id: string;
  created_at: Date;
  last_id: string;
  row_count: string;
  head_hash: string;
  mac: string;
}

@Injectable()
export class AuditLogRepository {
  constructor(private readonly db: Database) {}

  /**
   * The rows after `afterId` in id order: at most `limit`, and none past the row at which the details read so far
   * (as stored, compressed: pg_column_size does not expand them) reach `maxDetailBytes`, so a page of a push's batch
   * entries (up to ~550 kB of JSON each) stays bounded in memory while one-record rows still come thousands at a
   * time. The first row always comes.
   */
  page(afterId: string, limit: number, maxDetailBytes: number): Promise<AuditRow[]> {
    return this.db.query<AuditRow>(
      `SELECT id, occurred_at, actor_type, actor_id, actor_name, action, target_type, target_id, before_hash, after_hash, details,
              prev_hash, row_hash, hash_version
         FROM (SELECT a.*, sum(coalesce(pg_column_size(a.details), 0)) OVER (ORDER BY a.id) AS read_through
                 FROM audit_log a WHERE a.id > $1 ORDER BY a.id LIMIT $2) p
        WHERE p.read_through - coalesce(pg_column_size(p.details), 0) < $3
        ORDER BY id`,
      [afterId, limit, maxDetailBytes],
    );
  }

  checkpoints(): Promise<CheckpointRow[]> {
    return this.db.query<CheckpointRow>('SELECT id, created_at, last_id, row_count::text, head_hash, mac FROM audit_checkpoints ORDER BY id');
  }

  lastCheckpoint(): Promise<CheckpointRow | undefined> {
    return this.db
      .query<CheckpointRow>('SELECT id, created_at, last_id, row_count::text, head_hash, mac FROM audit_checkpoints ORDER BY id DESC LIMIT 1')
      .then((rows) => rows[0]);
  }

  /**
   * The chain head and the number of rows after `afterId` up to it, in one statement (one snapshot). Appends
   * commit in id order (they hold the chain lock until commit), so what a snapshot sees is a prefix.
   */
  async head(afterId: string): Promise<{ lastId: string; headHash: string; added: string } | null> {
    const [row] = await this.db.query<{ last_id: string; head_hash: string; added: string }>(
      `WITH head AS (SELECT id, row_hash FROM audit_log ORDER BY id DESC LIMIT 1)
       SELECT head.id::text AS last_id, head.row_hash AS head_hash,
              (SELECT count(*) FROM audit_log a WHERE a.id > $1::bigint AND a.id <= head.id)::text AS added
         FROM head`,
      [afterId],
    );
    return row ? { lastId: row.last_id, headHash: row.head_hash, added: row.added } : null;
  }

  async insertCheckpoint(checkpoint: { createdAt: string; lastId: string; rowCount: string; headHash: string; mac: string }): Promise<string> {
    const [row] = await this.db.query<{ id: string }>(
      'INSERT INTO audit_checkpoints (created_at, last_id, row_count, head_hash, mac) VALUES ($1, $2, $3, $4, $5) RETURNING id',
      [checkpoint.createdAt, checkpoint.lastId, checkpoint.rowCount, checkpoint.headHash, checkpoint.mac],
    );
    return row.id;
  }
}

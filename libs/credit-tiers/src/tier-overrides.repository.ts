// SQL of tier overrides, written in the owning capability's transaction.
import { Injectable } from '@nestjs/common';
import type { SqlExecutor } from '@credit/db';
import type { TierOverrideInput } from './tier-overrides.service';

@Injectable()
export class TierOverridesRepository {
  /** Creates or replaces the override of (source, sourceId). Returns its id. */
  async upsert(sql: SqlExecutor, o: TierOverrideInput): Promise<string> {
    const [row] = await sql.query<{ id: string }>(
      `INSERT INTO subject_tier_overrides (subject_id, source, source_id, code, description, active_from, active_to)
       VALUES ($1::bigint, $2, $3, $4, $5, $6::date, $7::date)
       ON CONFLICT (source, source_id) DO UPDATE
          SET subject_id = EXCLUDED.subject_id, code = EXCLUDED.code, description = EXCLUDED.description,
              active_from = EXCLUDED.active_from, active_to = EXCLUDED.active_to, updated_at = now()
       RETURNING id`,
      [o.subjectId, o.source, o.sourceId, o.code, o.description, o.activeFrom, o.activeTo],
    );
    return row.id;
  }

  /** Sets activeTo of the override of (source, sourceId). Returns the subjects it concerned. */
  async end(sql: SqlExecutor, source: string, sourceId: string, activeTo: string): Promise<string[]> {
    const rows = await sql.query<{ subject_id: string }>(
      `UPDATE subject_tier_overrides SET active_to = $3::date, updated_at = now()
        WHERE source = $1 AND source_id = $2 RETURNING subject_id`,
      [source, sourceId, activeTo],
    );
    return rows.map((row) => row.subject_id);
  }
}

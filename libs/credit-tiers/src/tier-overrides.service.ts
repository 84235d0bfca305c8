// Hard overrides of the tier owned by other capabilities (the serious-dishonesty list writes one per listing).
// The owner writes here and then calls TierRecomputeService.recomputeSubjects in the same transaction.
import { Injectable } from '@nestjs/common';
import { badInput } from '@credit/common';
import type { SqlExecutor } from '@credit/db';
import { isIsoDate, IsoDate } from '@credit/domain';

/**
 * One override. Every active override is a listing fact for evaluateTier (→ D), shown as
 * `列入严重失信主体名单：<description>（<code>），分类为D`: so `description` is the list type name (名单类型名称) and
 * `code` the 认定决定书文号 that names the designation; `sourceId` becomes the reason's listingId.
 */
export interface TierOverrideInput {
  subjectId: string;
  /** Owning capability, e.g. LISTING. (source, sourceId) is unique: setting it again replaces it. */
  source: string;
  sourceId: string;
  code: string;
  description: string;
  /** First day it applies (inclusive). */
  activeFrom: IsoDate;
  /** First day it no longer applies (exclusive), e.g. the expiry date; null while open-ended. */
  activeTo: IsoDate | null;
}

@Injectable()
export class TierOverridesService {
  /** Creates or replaces the override of (source, sourceId). Returns its id. */
  async setOverride(sql: SqlExecutor, o: TierOverrideInput): Promise<string> {
    requireDate(o.activeFrom, 'activeFrom');
    if (o.activeTo !== null) requireDate(o.activeTo, 'activeTo');
    for (const [field, value] of [['source', o.source], ['sourceId', o.sourceId], ['code', o.code], ['description', o.description]] as const) {
      if (!value?.trim()) throw badInput(`${field} is required for a tier override`, field);
    }
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

  /** Ends the override of (source, sourceId) on activeTo (exclusive). Returns the subjects it concerned. */
  async clearOverride(sql: SqlExecutor, source: string, sourceId: string, activeTo: IsoDate): Promise<string[]> {
    requireDate(activeTo, 'activeTo');
    const rows = await sql.query<{ subject_id: string }>(
      `UPDATE subject_tier_overrides SET active_to = $3::date, updated_at = now()
        WHERE source = $1 AND source_id = $2 RETURNING subject_id`,
      [source, sourceId, activeTo],
    );
    return rows.map((row) => row.subject_id);
  }
}

function requireDate(value: string, field: string): void {
  if (typeof value !== 'string' || !isIsoDate(value)) throw badInput(`${field} must be a date YYYY-MM-DD, got "${value}"`, field);
}

// Hard overrides of the tier owned by other capabilities (the serious-dishonesty list writes one per listing).
// The owner writes here and then calls TierRecomputeService.recomputeSubjects in the same transaction.
import { Injectable } from '@nestjs/common';
import { badInput } from '@credit/common';
import type { SqlExecutor } from '@credit/db';
import { isIsoDate, IsoDate } from '@credit/domain';
import { TierOverridesRepository } from './tier-overrides.repository';

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
  constructor(private readonly overrides: TierOverridesRepository) {}

  /** Creates or replaces the override of (source, sourceId). Returns its id. */
  async setOverride(sql: SqlExecutor, o: TierOverrideInput): Promise<string> {
    requireDate(o.activeFrom, 'activeFrom');
    if (o.activeTo !== null) requireDate(o.activeTo, 'activeTo');
    for (const [field, value] of [['source', o.source], ['sourceId', o.sourceId], ['code', o.code], ['description', o.description]] as const) {
      if (!value?.trim()) throw badInput(`${field} is required for a tier override`, field);
    }
    return this.overrides.upsert(sql, o);
  }

  /** Ends the override of (source, sourceId) on activeTo (exclusive). Returns the subjects it concerned. */
  async clearOverride(sql: SqlExecutor, source: string, sourceId: string, activeTo: IsoDate): Promise<string[]> {
    requireDate(activeTo, 'activeTo');
    return this.overrides.end(sql, source, sourceId, activeTo);
  }
}

function requireDate(value: string, field: string): void {
  if (typeof value !== 'string' || !isIsoDate(value)) throw badInput(`${field} must be a date YYYY-MM-DD, got "${value}"`, field);
}

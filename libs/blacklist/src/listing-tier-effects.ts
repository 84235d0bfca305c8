// The one place where the listing lifecycle moves credit tiers, in the transition's own transaction:
// LISTED → a hard override for [listedOn, expiresOn) (tier D, reason OVERRIDE_LISTED) and a recompute;
// removal → the override ends on the removal day and the subject is recomputed. The tier rules themselves
// live in @credit/credit-tiers; nothing here decides a tier.
import { Injectable } from '@nestjs/common';
import { TierOverridesService, TierRecomputeService } from '@credit/credit-tiers';
import type { SqlExecutor } from '@credit/db';

export const LISTING_OVERRIDE_SOURCE = 'LISTING';

export interface ListedEffect {
  listingId: string;
  subjectId: string;
  listTypeName: string;
  decisionDocumentNumber: string;
  listedOn: string;
  expiresOn: string;
}

export interface RemovedEffect {
  listingId: string;
  subjectId: string;
  removedOn: string;
}

@Injectable()
export class ListingTierEffects {
  constructor(
    private readonly overrides: TierOverridesService,
    private readonly recompute: TierRecomputeService,
  ) {}

  async listed(sql: SqlExecutor, listing: ListedEffect): Promise<void> {
    // TierOverridesService renders the reason as 列入严重失信主体名单：<description>（<code>）, so description is
    // the list type name and code the 认定决定书文号; the reason code itself is always OVERRIDE_LISTED.
    await this.overrides.setOverride(sql, {
      subjectId: listing.subjectId,
      source: LISTING_OVERRIDE_SOURCE,
      sourceId: listing.listingId,
      code: listing.decisionDocumentNumber,
      description: listing.listTypeName,
      activeFrom: listing.listedOn,
      activeTo: listing.expiresOn,
    });
    await this.recompute.recomputeSubjects(sql, [listing.subjectId], LISTING_OVERRIDE_SOURCE);
  }

  /** A batch (the expiry sweep) ends its overrides one by one (the service's shape) and recomputes once. */
  async removed(sql: SqlExecutor, listings: RemovedEffect[]): Promise<void> {
    if (listings.length === 0) return;
    for (const listing of listings) {
      await this.overrides.clearOverride(sql, LISTING_OVERRIDE_SOURCE, listing.listingId, listing.removedOn);
    }
    await this.recompute.recomputeSubjects(sql, [...new Set(listings.map((l) => l.subjectId))], LISTING_OVERRIDE_SOURCE);
  }
}

// The list rests on its basis: when the penalty decisions a listing was proposed on are revoked, or corrected so
// that they no longer concern the listed subject, and no other active basis remains, the listing ends in the
// same transaction (BASIS_REVOKED): REMOVED when it was listed — the tier override ends and the subject is
// recomputed, so joint-punishment checks come back clean and the public list drops it — and NOT_LISTED (不予列入)
// before. 国办发〔2020〕49号 requires a listing to rest on a legal basis and a decision; without the decision
// there is nothing to keep the subject listed, so no one has to remember to remove it by hand.
import { Injectable, OnModuleInit } from '@nestjs/common';
import { AuditService, contentHash } from '@credit/audit';
import type { SqlExecutor } from '@credit/db';
import { ListingStatus, RemovalReason, removeListing } from '@credit/domain';
import { PenaltyChangeHooks, PenaltyChangeListener, PenaltyRecordChange } from '@credit/penalties';
import { termsOf } from './catalogue.service';
import { ListingClock } from './listing-clock';
import { ListingTierEffects } from './listing-tier-effects';
import { stateOf } from './listing.mapping';
import { ListingRepository } from './listing.repository';

@Injectable()
export class ListingBasisListener implements PenaltyChangeListener, OnModuleInit {
  constructor(
    private readonly hooks: PenaltyChangeHooks,
    private readonly listings: ListingRepository,
    private readonly tiers: ListingTierEffects,
    private readonly audit: AuditService,
    private readonly clock: ListingClock,
  ) {}

  onModuleInit(): void {
    this.hooks.register(this);
  }

  async onPenaltyRecordsChanged(sql: SqlExecutor, changes: PenaltyRecordChange[]): Promise<void> {
    // Only a revocation, or a correction that moved the record to another party, can take a basis away.
    const recordIds = changes.filter((c) => c.kind === 'REVOKED' || (c.kind === 'UPDATED' && c.previousSubjectId !== null)).map((c) => c.recordId);
    if (recordIds.length === 0) return;
    const ended = await this.listings.lockWithoutActiveBasis(sql, recordIds);
    if (ended.length === 0) return;
    const today = this.clock.today();
    const results = ended.flatMap((listing) => {
      const result = removeListing(stateOf(listing), RemovalReason.BASIS_REVOKED, today, termsOf(listing));
      // Refused only when the listing carries a date after today (a clock moved back): leave it for a person.
      return result.ok ? [{ listing, before: stateOf(listing), state: result.state }] : [];
    });
    const note = (numbers: string[]) => `认定所依据的处罚决定（${numbers.join('、')}）已撤销或更正，无其他有效依据`;
    await this.listings.saveStates(sql, results.map((r) => ({ id: r.listing.id, state: r.state, removalNote: note(r.listing.basis_numbers) })));
    await this.tiers.removed(
      sql,
      results.filter((r) => r.before.status === ListingStatus.LISTED).map((r) => ({ listingId: r.listing.id, subjectId: r.listing.subject_id, removedOn: today })),
    );
    await this.audit.append(
      sql,
      { type: 'SYSTEM', id: null, name: 'listing-basis' },
      results.map((r) => ({
        action: 'LISTING_REMOVED',
        targetType: 'LISTING',
        targetId: r.listing.id,
        beforeHash: contentHash(r.before),
        afterHash: contentHash(r.state),
        details: { from: r.before.status, to: r.state.status, reason: RemovalReason.BASIS_REVOKED, basis: r.listing.basis_numbers },
      })),
    );
  }
}

// Test factories for tier facts (used by the *.spec.ts files beside this one; pure, no jest globals).
import { IsoDate, PenaltyCategory, Severity } from '../penalty/penalty.types';
import { TierListingFact, TierRecordFact, TierReason } from './tier.types';

/** A counted-by-default record; its decision number is derived from the id: r12 → 京市监罚〔2026〕12号. */
export function tierRecord(
  id: string,
  severity: Severity,
  decisionDate: IsoDate,
  extra: Partial<Omit<TierRecordFact, 'id' | 'severity' | 'decisionDate'>> = {},
): TierRecordFact {
  return {
    id,
    decisionNumber: `京市监罚〔2026〕${id.replace(/^r/, '')}号`,
    severity,
    categories: [PenaltyCategory.FINE],
    fineAmount: null,
    confiscatedAmount: null,
    violationType: `违法类型-${id}`, // distinct per record unless a test sets it, so no accidental repeats
    decisionDate,
    revokedOn: null,
    repairedOn: null,
    ...extra,
  };
}

export function tierListing(id: string, listedOn: IsoDate, removedOn: IsoDate | null = null): TierListingFact {
  return {
    id,
    listTypeName: '重大税收违法失信主体',
    decisionDocumentNumber: `京税失信〔2026〕${id.replace(/^l/, '')}号`,
    listedOn,
    removedOn,
  };
}

/** Compact form for scenario tables: "PENALTY_GENERAL 10 r1". */
export function reasonLine(reason: TierReason): string {
  return `${reason.code} ${reason.points} ${reason.recordId ?? reason.listingId}`;
}

// Test fixtures: listings in each status, built through the real transitions so they stay consistent with them.
// Timeline: proposed 2026-01-05, notified 2026-01-06 (objections through 2026-01-16), listed 2026-01-17,
// repair possible from 2026-07-17, expires 2027-01-17.
import { confirmListing, fileObjection, notifyParty, proposeListing, removeListing } from './listing.machine';
import {
  ListingResult,
  ListingState,
  ListingStatus,
  ListTypeTerms,
  ObjectionState,
  RemovalReason,
} from './listing.types';

export const TERMS: ListTypeTerms = { termMonths: 12, earliestRemovalMonths: 6, objectionDays: 10 };

export function unwrap<T extends ListingResult<object>>(result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(`unexpected failure: ${result.error.code} ${result.error.message}`);
  return result as Extract<T, { ok: true }>;
}

export function proposed(): ListingState {
  return unwrap(proposeListing('2026-01-05')).state;
}

export function notified(): ListingState {
  return unwrap(notifyParty(proposed(), '2026-01-06', '2026-01-07', TERMS)).state;
}

/** NOTIFIED with one open objection filed 2026-01-08. */
export function notifiedWithObjection(): { state: ListingState; objection: ObjectionState } {
  const { state, objection } = unwrap(fileObjection(notified(), '2026-01-08'));
  return { state, objection };
}

export function listed(): ListingState {
  return unwrap(confirmListing(notified(), '2026-01-17', TERMS)).state;
}

/** NOT_LISTED (decision revoked 2026-01-10, before listing) while one objection filed 2026-01-08 is still open. */
export function notListedWithObjection(): { state: ListingState; objection: ObjectionState } {
  const { state, objection } = notifiedWithObjection();
  return { state: unwrap(removeListing(state, RemovalReason.REVOKED, '2026-01-10', TERMS)).state, objection };
}

/** REMOVED: listed 2026-01-17, its decision revoked 2026-01-20. */
export function removed(): ListingState {
  return unwrap(removeListing(listed(), RemovalReason.REVOKED, '2026-01-20', TERMS)).state;
}

/** A listing in `status`, ready for the objection answers when `withObjection` (NOTIFIED / NOT_LISTED only). */
export function inStatus(status: ListingStatus, withObjection: boolean): ListingState {
  switch (status) {
    case ListingStatus.PROPOSED:
      return proposed();
    case ListingStatus.NOTIFIED:
      return withObjection ? notifiedWithObjection().state : notified();
    case ListingStatus.LISTED:
      return listed();
    case ListingStatus.REMOVED:
      return removed();
    case ListingStatus.NOT_LISTED:
      return notListedWithObjection().state;
  }
}

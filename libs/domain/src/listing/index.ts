// Serious-dishonesty list (严重失信主体名单) lifecycle: types, pure transitions and the transition table.
export * from './listing.types';
export {
  checkListTypeTerms,
  confirmListing,
  earliestRepairRemovalDate,
  fileObjection,
  isActiveListing,
  isObjectionAnswerOverdue,
  isDueForExpiry,
  latestListingDate,
  notifyParty,
  objectionAnswerDueOf,
  objectionDeadlineOf,
  proposeListing,
  removeListing,
  resolveObjection,
} from './listing.machine';
export { findListingTransition, formatListingTransitions, listingTransitions } from './listing.table';
export type { ListingGuard, ListingTransition } from './listing.table';
export * from './listing-decision';

// Pure conversions between stored listing rows and the domain's ListingState / the public projection.
// Kept apart from the repository so they are tested without a database.
import { ListingState, ListingStatus, maskAddresses, maskPersonName, ObjectionState, PartyType, regionSubtreePrefix, RemovalReason, scrubPersonalData } from '@credit/domain';

/** The lifecycle columns of a `listings` row, as pg returns them (dates are YYYY-MM-DD strings). */
export interface ListingStateColumns {
  status: string;
  proposed_on: string;
  notice_date: string | null;
  objection_deadline: string | null;
  listed_on: string | null;
  expires_on: string | null;
  removed_on: string | null;
  removal_reason: string | null;
  open_objections: number;
}

export function stateOf(row: ListingStateColumns): ListingState {
  return {
    status: row.status as ListingStatus,
    proposedOn: row.proposed_on,
    noticeDate: row.notice_date,
    objectionDeadline: row.objection_deadline,
    listedOn: row.listed_on,
    expiresOn: row.expires_on,
    removedOn: row.removed_on,
    removalReason: row.removal_reason as RemovalReason | null,
    openObjections: row.open_objections,
  };
}

/** The values to write back, in the column order of ListingRepository.saveStates. */
export function columnsOf(state: ListingState): ListingStateColumns {
  return {
    status: state.status,
    proposed_on: state.proposedOn,
    notice_date: state.noticeDate,
    objection_deadline: state.objectionDeadline,
    listed_on: state.listedOn,
    expires_on: state.expiresOn,
    removed_on: state.removedOn,
    removal_reason: state.removalReason,
    open_objections: state.openObjections,
  };
}

export interface ObjectionColumns {
  status: string;
  filed_on: string;
  resolved_on: string | null;
}

export function objectionStateOf(row: ObjectionColumns): ObjectionState {
  return { status: row.status as ObjectionState['status'], filedOn: row.filed_on, resolvedOn: row.resolved_on };
}

/**
 * How a listed subject is named on the public list. Organisations and individual businesses appear with
 * their name and USCC. A natural person appears with a masked name and no identifier at all: ID numbers never
 * reach public output.
 */
export function publicIdentity(subject: { name: string; subjectType: string; uscc: string | null }): { name: string; uscc: string | null } {
  if (subject.subjectType === PartyType.NATURAL_PERSON) return { name: maskPersonName(subject.name), uscc: null };
  return { name: subject.name, uscc: subject.uscc };
}

/**
 * The listing reasons as the public reads them: ID, card and phone numbers scrubbed for everyone (clerks paste
 * them into free text); for a natural person also their full name and any address.
 */
export function publicReasons(reasons: string, subject: { name: string; subjectType: string }): string {
  if (subject.subjectType === PartyType.NATURAL_PERSON) return maskAddresses(scrubPersonalData(reasons, [subject.name]));
  return scrubPersonalData(reasons);
}

/** Escapes LIKE wildcards so a public search term matches literally. */
export function likeContains(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * 行政区划 prefix for "this region and everything under it": 340000 → 34, 341100 → 3411, 341102 → 341102.
 * Returns null for no filter; throws nothing (the caller validated six digits).
 */
export function regionPrefix(regionCode: string | null | undefined): string | null {
  return regionCode ? regionSubtreePrefix(regionCode) : null;
}

// Reads of listings: the connection for regulators, admins and departments, and the public list (公示).
// One query per page (departments, list types and penalty links joined), one bounded count.
import { Injectable } from '@nestjs/common';
import { confineRegion, cursorCodec, Principal, requireUscc, toConnection } from '@credit/common';
import { isUsccSentinel } from '@credit/domain';
import { ListingFilter } from './dto/listing.inputs';
import { ListingConnection, ListingModel, ListingObjectionModel, PublicListingConnection, PublicListingModel } from './dto/listing.models';
import { ListingClock } from './listing-clock';
import { likeContains, publicIdentity, publicReasons, regionPrefix } from './listing.mapping';
import { ListingQueriesRepository, PublicRow } from './listing-queries.repository';
import { ListingRepository, toListingModel } from './listing.repository';

export { PUBLIC_COUNT_CAP } from './listing-queries.repository';

const LISTING_CURSOR = cursorCodec('id');
const PUBLIC_LISTING_CURSOR = cursorCodec('date', 'id');

@Injectable()
export class ListingQueriesService {
  constructor(
    private readonly queries: ListingQueriesRepository,
    private readonly listings: ListingRepository,
    private readonly clock: ListingClock,
  ) {}

  /**
   * Listings, newest first. A department sees every listing that reached LISTED (joint punishment needs them)
   * and its own proposals in any status; drafts of other departments stay with them. A regulator sees the
   * listings of subjects within its region, whatever the filter asks for (confineRegion).
   */
  async list(principal: Principal, filter: ListingFilter | null | undefined, first: number, after?: string): Promise<ListingConnection> {
    const cursor = LISTING_CURSOR.decode(after);
    let usccKey: string | null = null;
    if (filter?.uscc) {
      usccKey = requireUscc(filter.uscc, 'filter.uscc').code;
    }
    const region = confineRegion(principal, filter?.regionCode);
    if (region === undefined) return toConnection([], first, 0, () => '', toListingModel);
    const { rows, total } = await this.queries.page(
      {
        status: filter?.status ?? null,
        listTypeCode: filter?.listTypeCode ?? null,
        regionPrefix: regionPrefix(region),
        subjectKey: usccKey,
        viewingDepartmentId: principal.kind === 'DEPARTMENT' ? principal.departmentId : null,
      },
      cursor?.[0] ?? null,
      first + 1,
    );
    return toConnection(rows, first, total, (row) => LISTING_CURSOR.encode([row.id]), toListingModel);
  }

  /**
   * 严重失信主体名单公示: LISTED and within its term today, newest first. `query` is a whole USCC or part of an
   * organisation's name; natural persons are never found by name (that would confirm who a masked entry is).
   */
  async publicList(query: string | null | undefined, first: number, after?: string): Promise<PublicListingConnection> {
    const cursor = PUBLIC_LISTING_CURSOR.decode(after);
    const term = query?.trim() || null;
    const { rows, total } = await this.queries.publicPage(this.clock.today(), term, term ? likeContains(term) : null, cursor ? [cursor[0], cursor[1]] : null, first + 1);
    return toConnection(rows, first, total, (row) => PUBLIC_LISTING_CURSOR.encode([row.listed_on, row.id]), toPublicListing);
  }

  /** Listings by id, for a request's loader; ids not found are left out. */
  findByIds(ids: readonly string[]): Promise<Map<string, ListingModel>> {
    return this.listings.findByIds(ids);
  }

  /** The objections of each listing, for a request's loader. */
  objectionsOf(listingIds: readonly string[]): Promise<Map<string, ListingObjectionModel[]>> {
    return this.listings.objectionsOf(listingIds);
  }

  findObjection(id: string): Promise<ListingObjectionModel | null> {
    return this.listings.findObjection(id);
  }
}

function toPublicListing(row: PublicRow): PublicListingModel {
  const identity = publicIdentity({ name: row.name, subjectType: row.subject_type, uscc: row.uscc });
  return {
    id: row.id,
    name: identity.name,
    uscc: identity.uscc && !isUsccSentinel(identity.uscc) ? identity.uscc : null,
    listTypeCode: row.list_type_code,
    listTypeName: row.list_type_name,
    designatingDepartment: row.department_name,
    reasons: publicReasons(row.reasons, { name: row.name, subjectType: row.subject_type }),
    legalBasis: row.legal_basis,
    decisionDocumentNumber: row.decision_document_number,
    punishmentNotice: row.punishment_notice,
    removalConditions: row.removal_conditions,
    remedies: row.remedies,
    listedAt: row.listed_on,
    expiresAt: row.expires_on,
  };
}

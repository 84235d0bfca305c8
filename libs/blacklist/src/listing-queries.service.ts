// Reads of listings: the connection for regulators, admins and departments, and the public list (公示).
// One query per page (departments, list types and penalty links joined), one bounded count.
import { Injectable } from '@nestjs/common';
import { confineRegion, cursorCodec, Principal, requireUscc, toConnection } from '@credit/common';
import { Database } from '@credit/db';
import { isUsccSentinel } from '@credit/domain';
import { ListingFilter } from './dto/listing.inputs';
import { ListingConnection, PublicListingConnection, PublicListingModel } from './dto/listing.models';
import { ListingClock } from './listing-clock';
import { likeContains, publicIdentity, publicReasons, regionPrefix } from './listing.mapping';
import { LISTING_COLUMNS, LISTING_FROM, ListingRow, toListingModel } from './listing.repository';

/** Public totals are counted exactly only up to this bound (a broad count must not hold the pool). */
export const PUBLIC_COUNT_CAP = 10_000;

interface PublicRow {
  id: string;
  name: string;
  subject_type: string;
  uscc: string | null;
  list_type_code: string;
  list_type_name: string;
  department_name: string;
  reasons: string;
  legal_basis: string;
  punishment_notice: string | null;
  removal_conditions: string | null;
  remedies: string | null;
  decision_document_number: string;
  listed_on: string;
  expires_on: string;
}

const LISTING_CURSOR = cursorCodec('id');
const PUBLIC_LISTING_CURSOR = cursorCodec('date', 'id');

@Injectable()
export class ListingQueriesService {
  constructor(
    private readonly db: Database,
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
    const params: unknown[] = [
      filter?.status ?? null,
      filter?.listTypeCode ?? null,
      regionPrefix(region),
      usccKey,
      principal.kind === 'DEPARTMENT' ? principal.departmentId : null,
    ];
    const where = `($1::text IS NULL OR l.status = $1)
        AND ($2::text IS NULL OR lt.code = $2)
        AND ($3::text IS NULL OR s.region_code LIKE $3 || '%')
        AND ($4::text IS NULL OR s.subject_key = $4)
        AND ($5::bigint IS NULL OR l.listed_on IS NOT NULL OR l.proposing_department_id = $5)`;
    const rows = await this.db.query<ListingRow>(
      `SELECT ${LISTING_COLUMNS} FROM ${LISTING_FROM} JOIN credit_subjects s ON s.id = l.subject_id
        WHERE ${where} AND ($6::bigint IS NULL OR l.id < $6::bigint)
        ORDER BY l.id DESC LIMIT $7`,
      [...params, cursor?.[0] ?? null, first + 1],
    );
    const [{ count }] = await this.db.query<{ count: string }>(
      `SELECT count(*) FROM listings l JOIN list_types lt ON lt.id = l.list_type_id JOIN credit_subjects s ON s.id = l.subject_id WHERE ${where}`,
      params,
    );
    return toConnection(rows, first, Number(count), (row) => LISTING_CURSOR.encode([row.id]), toListingModel);
  }

  /**
   * 严重失信主体名单公示: LISTED and within its term today, newest first. `query` is a whole USCC or part of an
   * organisation's name; natural persons are never found by name (that would confirm who a masked entry is).
   */
  async publicList(query: string | null | undefined, first: number, after?: string): Promise<PublicListingConnection> {
    const cursor = PUBLIC_LISTING_CURSOR.decode(after);
    const term = query?.trim() || null;
    const params: unknown[] = [this.clock.today(), term, term ? likeContains(term) : null];
    const where = `l.status = 'LISTED' AND l.listed_on <= $1::date AND l.expires_on > $1::date
        AND ($2::text IS NULL OR s.uscc = upper($2) OR (s.subject_type <> 'NATURAL_PERSON' AND s.name LIKE $3))`;
    const from = `listings l JOIN credit_subjects s ON s.id = l.subject_id JOIN list_types lt ON lt.id = l.list_type_id
      JOIN departments d ON d.id = l.proposing_department_id`;
    const rows = await this.db.query<PublicRow>(
      `SELECT l.id, s.name, s.subject_type, s.uscc, lt.code AS list_type_code, lt.name AS list_type_name, d.name AS department_name,
              l.reasons, l.legal_basis, l.punishment_notice, l.removal_conditions, l.remedies, l.decision_document_number, l.listed_on, l.expires_on
         FROM ${from}
        WHERE ${where} AND ($4::date IS NULL OR (l.listed_on, l.id) < ($4::date, $5::bigint))
        ORDER BY l.listed_on DESC, l.id DESC LIMIT $6`,
      [...params, cursor?.[0] ?? null, cursor?.[1] ?? null, first + 1],
    );
    const [{ count }] = await this.db.query<{ count: string }>(
      `SELECT count(*) FROM (SELECT 1 FROM ${from} WHERE ${where} LIMIT ${PUBLIC_COUNT_CAP}) capped`,
      params,
    );
    return toConnection(rows, first, Number(count), (row) => PUBLIC_LISTING_CURSOR.encode([row.listed_on, row.id]), toPublicListing);
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

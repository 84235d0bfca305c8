// SQL of listing reads: one query per page (departments, list types and penalty links joined), one bounded count.
import { Injectable } from '@nestjs/common';
import { Database } from '@credit/db';
import { LISTING_COLUMNS, LISTING_FROM, ListingRow } from './listing.repository';

/** Public totals are counted exactly only up to this bound (a broad count must not hold the pool). */
export const PUBLIC_COUNT_CAP = 10_000;

export interface PublicRow {
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

/** What a listing page is filtered by; null: no filter. */
export interface ListingFilterParams {
  status: string | null;
  listTypeCode: string | null;
  regionPrefix: string | null;
  subjectKey: string | null;
  /** A department sees every listing that reached LISTED and its own proposals in any status. */
  viewingDepartmentId: string | null;
}

const LISTING_WHERE = `($1::text IS NULL OR l.status = $1)
    AND ($2::text IS NULL OR lt.code = $2)
    AND ($3::text IS NULL OR s.region_code LIKE $3 || '%')
    AND ($4::text IS NULL OR s.subject_key = $4)
    AND ($5::bigint IS NULL OR l.listed_on IS NOT NULL OR l.proposing_department_id = $5)`;

const PUBLIC_WHERE = `l.status = 'LISTED' AND l.listed_on <= $1::date AND l.expires_on > $1::date
    AND ($2::text IS NULL OR s.uscc = upper($2) OR (s.subject_type <> 'NATURAL_PERSON' AND s.name LIKE $3))`;
const PUBLIC_FROM = `listings l JOIN credit_subjects s ON s.id = l.subject_id JOIN list_types lt ON lt.id = l.list_type_id
  JOIN departments d ON d.id = l.proposing_department_id`;

function filterParams(filter: ListingFilterParams): unknown[] {
  return [filter.status, filter.listTypeCode, filter.regionPrefix, filter.subjectKey, filter.viewingDepartmentId];
}

@Injectable()
export class ListingQueriesRepository {
  constructor(private readonly db: Database) {}

  /** Listings newest first, ids below `beforeId`, `limit` rows, with the exact total. */
  async page(filter: ListingFilterParams, beforeId: string | null, limit: number): Promise<{ rows: ListingRow[]; total: number }> {
    const params = filterParams(filter);
    const rows = await this.db.query<ListingRow>(
      `SELECT ${LISTING_COLUMNS} FROM ${LISTING_FROM} JOIN credit_subjects s ON s.id = l.subject_id
        WHERE ${LISTING_WHERE} AND ($6::bigint IS NULL OR l.id < $6::bigint)
        ORDER BY l.id DESC LIMIT $7`,
      [...params, beforeId, limit],
    );
    const [{ count }] = await this.db.query<{ count: string }>(
      `SELECT count(*) FROM listings l JOIN list_types lt ON lt.id = l.list_type_id JOIN credit_subjects s ON s.id = l.subject_id WHERE ${LISTING_WHERE}`,
      params,
    );
    return { rows, total: Number(count) };
  }

  /**
   * Listings active on `today`, newest first, matching `term` as a whole USCC or (`nameLike`) an organisation's
   * name; the total is capped at PUBLIC_COUNT_CAP.
   */
  async publicPage(today: string, term: string | null, nameLike: string | null, before: readonly [string, string] | null, limit: number): Promise<{ rows: PublicRow[]; total: number }> {
    const params: unknown[] = [today, term, nameLike];
    const rows = await this.db.query<PublicRow>(
      `SELECT l.id, s.name, s.subject_type, s.uscc, lt.code AS list_type_code, lt.name AS list_type_name, d.name AS department_name,
              l.reasons, l.legal_basis, l.punishment_notice, l.removal_conditions, l.remedies, l.decision_document_number, l.listed_on, l.expires_on
         FROM ${PUBLIC_FROM}
        WHERE ${PUBLIC_WHERE} AND ($4::date IS NULL OR (l.listed_on, l.id) < ($4::date, $5::bigint))
        ORDER BY l.listed_on DESC, l.id DESC LIMIT $6`,
      [...params, before?.[0] ?? null, before?.[1] ?? null, limit],
    );
    const [{ count }] = await this.db.query<{ count: string }>(
      `SELECT count(*) FROM (SELECT 1 FROM ${PUBLIC_FROM} WHERE ${PUBLIC_WHERE} LIMIT ${PUBLIC_COUNT_CAP}) capped`,
      params,
    );
    return { rows, total: Number(count) };
  }
}

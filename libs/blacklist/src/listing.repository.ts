// SQL of the listing lifecycle. Transitions lock one listing row (FOR UPDATE) and write back the state the pure
// machine returned; the expiry sweep writes a whole batch in one statement. Reads build Listing models for a
// page at once (penalty links aggregated in the same query).
import { Injectable } from '@nestjs/common';
import { Database, SqlExecutor } from '@credit/db';
import { earliestRepairRemovalDate, ListingDecisionStatements, ListingState } from '@credit/domain';
import { ObjectionStatus } from './dto/blacklist.enums';
import { ListingModel, ListingObjectionModel } from './dto/listing.models';
import { columnsOf, ListingStateColumns, ObjectionColumns, stateOf } from './listing.mapping';

/** A listing locked for a transition, with what the transition and its effects need. */
export interface LockedListing extends ListingStateColumns {
  id: string;
  subject_id: string;
  list_type_id: string;
  list_type_code: string;
  list_type_name: string;
  term_months: number;
  earliest_removal_months: number;
  objection_days: number;
  objection_day_unit: string;
  objection_answer_days: number | null;
  proposing_department_id: string;
  decision_document_number: string;
}

export interface ListingRow extends ListingStateColumns {
  id: string;
  subject_id: string;
  list_type_id: string;
  department_code: string;
  department_name: string;
  decision_document_number: string;
  reasons: string;
  legal_basis: string;
  punishment_notice: string | null;
  removal_conditions: string | null;
  remedies: string | null;
  removal_note: string | null;
  penalty_record_ids: string[];
  term_months: number;
  earliest_removal_months: number;
  objection_days: number;
  objection_deadline_warning: string | null;
  objection_answer_due: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface NewListing {
  subjectId: string;
  listTypeId: string;
  departmentId: string;
  decisionDocumentNumber: string;
  reasons: string;
  legalBasis: string;
  statements: ListingDecisionStatements;
  state: ListingState;
}

interface ObjectionRow extends ObjectionColumns {
  id: string;
  listing_id: string;
  content: string;
  filed_by: string;
  reply: string | null;
  resolved_by: string | null;
  answer_due: string | null;
  answer_due_warning: string | null;
}

export const LISTING_COLUMNS = `l.id, l.subject_id, l.list_type_id, d.code AS department_code, d.name AS department_name,
  l.decision_document_number, l.reasons, l.legal_basis, l.punishment_notice, l.removal_conditions, l.remedies, l.status, l.proposed_on, l.notice_date, l.objection_deadline,
  l.listed_on, l.expires_on, l.removed_on, l.removal_reason, l.removal_note, l.open_objections, l.created_at, l.updated_at,
  lt.term_months, lt.earliest_removal_months, lt.objection_days, l.objection_deadline_warning,
  (SELECT min(o.answer_due) FROM listing_objections o WHERE o.listing_id = l.id AND o.status = 'OPEN') AS objection_answer_due,
  ARRAY(SELECT lp.penalty_record_id::text FROM listing_penalty_records lp WHERE lp.listing_id = l.id ORDER BY lp.penalty_record_id) AS penalty_record_ids`;
export const LISTING_FROM = `listings l JOIN departments d ON d.id = l.proposing_department_id JOIN list_types lt ON lt.id = l.list_type_id`;

const LOCK_COLUMNS = `l.id, l.subject_id, l.list_type_id, lt.code AS list_type_code, lt.name AS list_type_name, lt.term_months,
  lt.earliest_removal_months, lt.objection_days, lt.objection_day_unit, lt.objection_answer_days, l.proposing_department_id, l.decision_document_number, l.status,
  l.proposed_on, l.notice_date, l.objection_deadline, l.listed_on, l.expires_on, l.removed_on, l.removal_reason, l.open_objections`;

/** The listing `l`'s subject lies within the region prefix in `parameter` (NULL: anywhere). */
function subjectInRegion(parameter: string): string {
  return `(${parameter}::text IS NULL OR EXISTS (SELECT 1 FROM credit_subjects s WHERE s.id = l.subject_id AND s.region_code LIKE ${parameter} || '%'))`;
}

export function toListingModel(row: ListingRow): ListingModel {
  const state = stateOf(row);
  const terms = { termMonths: row.term_months, earliestRemovalMonths: row.earliest_removal_months, objectionDays: row.objection_days };
  return {
    id: row.id,
    subjectId: row.subject_id,
    listTypeId: row.list_type_id,
    status: state.status,
    proposingDepartment: { code: row.department_code, name: row.department_name },
    decisionDocumentNumber: row.decision_document_number,
    reasons: row.reasons,
    legalBasis: row.legal_basis,
    punishmentNotice: row.punishment_notice,
    removalConditions: row.removal_conditions,
    remedies: row.remedies,
    penaltyRecordIds: row.penalty_record_ids,
    proposedAt: state.proposedOn,
    noticeDate: state.noticeDate,
    objectionDeadline: state.objectionDeadline,
    listedAt: state.listedOn,
    expiresAt: state.expiresOn,
    earliestRepairRemovalDate: earliestRepairRemovalDate(state, terms),
    removedAt: state.removedOn,
    removalReason: state.removalReason,
    removalNote: row.removal_note,
    openObjectionCount: state.openObjections,
    objectionDeadlineWarning: row.objection_deadline_warning,
    objectionAnswerDue: row.objection_answer_due,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toObjectionModel(row: ObjectionRow): ListingObjectionModel {
  return {
    id: row.id,
    listingId: row.listing_id,
    content: row.content,
    status: row.status as ObjectionStatus,
    filedOn: row.filed_on,
    filedBy: row.filed_by,
    reply: row.reply,
    resolvedOn: row.resolved_on,
    resolvedBy: row.resolved_by,
    answerDue: row.answer_due,
    answerDueWarning: row.answer_due_warning,
  };
}

@Injectable()
export class ListingRepository {
  constructor(private readonly db: Database) {}

  /**
   * Locks a listing for a transition; null when there is none, or when its subject lies outside `regionPrefix`
   * (the caller's region scope, regionScopePrefixOf of @credit/common; null: anywhere).
   */
  async lock(sql: SqlExecutor, id: string, regionPrefix: string | null): Promise<LockedListing | null> {
    const [row] = await sql.query<LockedListing>(
      `SELECT ${LOCK_COLUMNS} FROM listings l JOIN list_types lt ON lt.id = l.list_type_id
        WHERE l.id = $1 AND ${subjectInRegion('$2')} FOR UPDATE OF l`,
      [id, regionPrefix],
    );
    return row ?? null;
  }

  /** Whether the department already used this decision document number (认定决定书文号). */
  async decisionNumberUsed(sql: SqlExecutor, departmentId: string, decisionDocumentNumber: string): Promise<boolean> {
    const [duplicate] = await sql.query(
      'SELECT 1 FROM listings WHERE proposing_department_id = $1 AND decision_document_number = $2',
      [departmentId, decisionDocumentNumber],
    );
    return duplicate !== undefined;
  }

  /** The id of a listing of this subject and list type that has not ended, or null. */
  async openListingId(sql: SqlExecutor, subjectId: string, listTypeId: string): Promise<string | null> {
    const [open] = await sql.query<{ id: string }>(
      `SELECT id FROM listings WHERE subject_id = $1 AND list_type_id = $2 AND status NOT IN ('REMOVED', 'NOT_LISTED')`,
      [subjectId, listTypeId],
    );
    return open?.id ?? null;
  }

  /** Which of these penalty records are ACTIVE records of the subject (the basis a proposal may cite). */
  async activePenaltyRecordIds(sql: SqlExecutor, subjectId: string, ids: string[]): Promise<Set<string>> {
    const found = await sql.query<{ id: string }>(
      `SELECT id FROM penalty_records WHERE id = ANY($1::bigint[]) AND subject_id = $2 AND status = 'ACTIVE'`,
      [ids, subjectId],
    );
    return new Set(found.map((row) => row.id));
  }

  /** Listings LISTED whose term has run out by `today` (isDueForExpiry), locked; busy rows are left to the next run. */
  async lockDueForExpiry(sql: SqlExecutor, today: string, limit: number): Promise<LockedListing[]> {
    return sql.query<LockedListing>(
      `SELECT ${LOCK_COLUMNS} FROM listings l JOIN list_types lt ON lt.id = l.list_type_id
        WHERE l.status = 'LISTED' AND l.expires_on <= $1::date
        ORDER BY l.expires_on, l.id LIMIT $2 FOR UPDATE OF l SKIP LOCKED`,
      [today, limit],
    );
  }

  /**
   * Open listings (PROPOSED, NOTIFIED, LISTED) resting on one of `recordIds` that no longer have an active
   * basis: none of their penalty records is still ACTIVE and about the listed subject (a correction that moved a
   * record to another party takes it away as surely as a revocation). Locked, in id order.
   */
  async lockWithoutActiveBasis(sql: SqlExecutor, recordIds: string[]): Promise<(LockedListing & { basis_numbers: string[] })[]> {
    return sql.query<LockedListing & { basis_numbers: string[] }>(
      `SELECT ${LOCK_COLUMNS},
              ARRAY(SELECT r.decision_number FROM listing_penalty_records lp JOIN penalty_records r ON r.id = lp.penalty_record_id
                     WHERE lp.listing_id = l.id ORDER BY r.decision_number) AS basis_numbers
         FROM listings l JOIN list_types lt ON lt.id = l.list_type_id
        WHERE l.status IN ('PROPOSED', 'NOTIFIED', 'LISTED')
          AND l.id IN (SELECT lp.listing_id FROM listing_penalty_records lp WHERE lp.penalty_record_id = ANY($1::bigint[]))
          AND NOT EXISTS (SELECT 1 FROM listing_penalty_records lp JOIN penalty_records r ON r.id = lp.penalty_record_id
                           WHERE lp.listing_id = l.id AND r.status = 'ACTIVE' AND r.subject_id = l.subject_id)
        ORDER BY l.id FOR UPDATE OF l`,
      [recordIds],
    );
  }

  async insert(sql: SqlExecutor, listing: NewListing, penaltyRecordIds: string[]): Promise<string> {
    const c = columnsOf(listing.state);
    const [{ id }] = await sql.query<{ id: string }>(
      `INSERT INTO listings (subject_id, list_type_id, proposing_department_id, decision_document_number, reasons, legal_basis,
                             punishment_notice, removal_conditions, remedies, status, proposed_on, open_objections)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [
        listing.subjectId, listing.listTypeId, listing.departmentId, listing.decisionDocumentNumber, listing.reasons, listing.legalBasis,
        listing.statements.punishmentNotice, listing.statements.removalConditions, listing.statements.remedies, c.status, c.proposed_on, c.open_objections,
      ],
    );
    if (penaltyRecordIds.length > 0) {
      await sql.query(
        'INSERT INTO listing_penalty_records (listing_id, penalty_record_id) SELECT $1, unnest($2::bigint[])',
        [id, penaltyRecordIds],
      );
    }
    return id;
  }

  /** Writes the states the machine returned, for one listing or a sweep batch, in one statement. */
  async saveStates(sql: SqlExecutor, changes: { id: string; state: ListingState; removalNote?: string | null }[]): Promise<void> {
    if (changes.length === 0) return;
    const cols = changes.map((change) => ({ ...columnsOf(change.state), id: change.id, note: change.removalNote ?? null }));
    const pick = <K extends keyof (typeof cols)[number]>(key: K) => cols.map((c) => c[key]);
    await sql.query(
      `UPDATE listings l SET status = t.status, notice_date = t.notice_date, objection_deadline = t.objection_deadline,
              listed_on = t.listed_on, expires_on = t.expires_on, removed_on = t.removed_on, removal_reason = t.removal_reason,
              removal_note = coalesce(t.note, l.removal_note), open_objections = t.open_objections, updated_at = now()
         FROM unnest($1::bigint[], $2::text[], $3::date[], $4::date[], $5::date[], $6::date[], $7::date[], $8::text[], $9::int[], $10::text[])
              AS t(id, status, notice_date, objection_deadline, listed_on, expires_on, removed_on, removal_reason, open_objections, note)
        WHERE l.id = t.id`,
      [pick('id'), pick('status'), pick('notice_date'), pick('objection_deadline'), pick('listed_on'), pick('expires_on'), pick('removed_on'), pick('removal_reason'), pick('open_objections'), pick('note')],
    );
  }

  async insertObjection(sql: SqlExecutor, listingId: string, content: string, filedOn: string, filedBy: string, answerDue: { date: string; warning: string | null } | null): Promise<string> {
    const [{ id }] = await sql.query<{ id: string }>(
      `INSERT INTO listing_objections (listing_id, content, status, filed_on, filed_by, answer_due, answer_due_warning)
       VALUES ($1, $2, 'OPEN', $3, $4, $5, $6) RETURNING id`,
      [listingId, content, filedOn, filedBy, answerDue?.date ?? null, answerDue?.warning ?? null],
    );
    return id;
  }

  /** Records (or clears) the weekends-only warning of a listing's objection deadline. */
  async setDeadlineWarning(sql: SqlExecutor, listingId: string, warning: string | null): Promise<void> {
    await sql.query('UPDATE listings SET objection_deadline_warning = $2 WHERE id = $1', [listingId, warning]);
  }

  /** Open objections of the listing whose answer day is before `today` (isObjectionAnswerOverdue), oldest first. */
  async overdueObjections(sql: SqlExecutor, listingId: string, today: string): Promise<{ id: string; answer_due: string }[]> {
    return sql.query<{ id: string; answer_due: string }>(
      `SELECT id, answer_due FROM listing_objections WHERE listing_id = $1 AND status = 'OPEN' AND answer_due < $2::date ORDER BY answer_due, id`,
      [listingId, today],
    );
  }

  /** The listing an objection is about; null when there is none, or when it lies outside `regionPrefix` (as lock). */
  async objectionListingId(sql: SqlExecutor, objectionId: string, regionPrefix: string | null): Promise<string | null> {
    const [row] = await sql.query<{ listing_id: string }>(
      `SELECT o.listing_id FROM listing_objections o JOIN listings l ON l.id = o.listing_id
        WHERE o.id = $1 AND ${subjectInRegion('$2')}`,
      [objectionId, regionPrefix],
    );
    return row?.listing_id ?? null;
  }

  async lockObjection(sql: SqlExecutor, objectionId: string): Promise<(ObjectionColumns & { id: string }) | null> {
    const [row] = await sql.query<ObjectionColumns & { id: string }>(
      'SELECT id, status, filed_on, resolved_on FROM listing_objections WHERE id = $1 FOR UPDATE',
      [objectionId],
    );
    return row ?? null;
  }

  async answerObjection(sql: SqlExecutor, objectionId: string, status: string, resolvedOn: string, reply: string, resolvedBy: string): Promise<void> {
    await sql.query(
      'UPDATE listing_objections SET status = $2, resolved_on = $3, reply = $4, resolved_by = $5 WHERE id = $1',
      [objectionId, status, resolvedOn, reply, resolvedBy],
    );
  }

  async findByIds(ids: readonly string[]): Promise<Map<string, ListingModel>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.query<ListingRow>(`SELECT ${LISTING_COLUMNS} FROM ${LISTING_FROM} WHERE l.id = ANY($1::bigint[])`, [ids]);
    return new Map(rows.map((row) => [row.id, toListingModel(row)]));
  }

  async objectionsOf(listingIds: readonly string[]): Promise<Map<string, ListingObjectionModel[]>> {
    const rows = await this.db.query<ObjectionRow>(
      `SELECT id, listing_id, content, status, filed_on, filed_by, reply, resolved_on, resolved_by, answer_due, answer_due_warning
         FROM listing_objections WHERE listing_id = ANY($1::bigint[]) ORDER BY id`,
      [listingIds],
    );
    const grouped = new Map<string, ListingObjectionModel[]>(listingIds.map((id) => [id, []]));
    for (const row of rows) grouped.get(row.listing_id)?.push(toObjectionModel(row));
    return grouped;
  }

  async findObjection(id: string): Promise<ListingObjectionModel | null> {
    const [row] = await this.db.query<ObjectionRow>(
      'SELECT id, listing_id, content, status, filed_on, filed_by, reply, resolved_on, resolved_by, answer_due, answer_due_warning FROM listing_objections WHERE id = $1',
      [id],
    );
    return row ? toObjectionModel(row) : null;
  }
}


// Suggested proposals (拟列入建议). Registered with PenaltyChangeHooks, so they are written in the same
// transaction as the pushed penalty records, with one set-based statement per batch.
//
// Matching rule: a suggestion is made for every list type whose designatingDepartmentCodes include the
// department that decided the penalty, and is addressed to that department. The deciding authority of a
// serious penalty is, in practice, the authority that designates under its own sector's list (市场监管 →
// 市场监管严重违法失信名单); other departments learn of the subject through the listing, not the suggestion.
import { Injectable, OnModuleInit } from '@nestjs/common';
import { cursorCodec, Principal, regionScopePrefixOf, toConnection } from '@credit/common';
import { Database, SqlExecutor } from '@credit/db';
import { PenaltyCategory, Severity } from '@credit/domain';
import { PenaltyChangeHooks, PenaltyChangeListener, PenaltyRecordChange } from '@credit/penalties';
import { SuggestionStatus } from './dto/blacklist.enums';
import { ListingSuggestionConnection, ListingSuggestionModel } from './dto/suggestion.models';

/** Penalty categories that, in a SERIOUS decision, suggest a listing (吊销许可证件, 责令关闭, 限制从业). */
export const SUGGESTING_CATEGORIES: readonly PenaltyCategory[] = [
  PenaltyCategory.REVOKE_LICENSE,
  PenaltyCategory.ORDER_CLOSURE,
  PenaltyCategory.RESTRICT_PRACTICE,
];

interface SuggestionRow {
  id: string;
  subject_id: string;
  list_type_id: string;
  penalty_record_id: string;
  decision_number: string;
  decision_date: string;
  department_code: string;
  department_name: string;
  status: string;
  listing_id: string | null;
  created_at: Date;
}

const SUGGESTION_CURSOR = cursorCodec('id');

@Injectable()
export class ListingSuggestionsService implements PenaltyChangeListener, OnModuleInit {
  constructor(
    private readonly db: Database,
    private readonly hooks: PenaltyChangeHooks,
  ) {}

  onModuleInit(): void {
    this.hooks.register(this);
  }

  async onPenaltyRecordsChanged(sql: SqlExecutor, changes: PenaltyRecordChange[]): Promise<void> {
    // Most pushed records are not serious: the ones whose written content rules a suggestion out are not read
    // back. The statement checks every condition again on the stored row.
    const written = changes
      .filter((c) => (c.kind === 'CREATED' || c.kind === 'UPDATED') && (!c.written || mightSuggest(c.written)))
      .map((c) => c.recordId);
    const revoked = changes.filter((c) => c.kind === 'REVOKED').map((c) => c.recordId);
    if (written.length > 0) {
      // An update that moves a record to another subject keeps its earlier suggestion (unique per record and
      // list type); the listing proposal checks the subject again, so nothing wrong can be listed from it.
      await sql.query(
        // A subject already on its way onto that list (a listing not yet ended) gets the suggestion as answered.
        `INSERT INTO listing_suggestions (subject_id, penalty_record_id, list_type_id, department_id, status, listing_id)
         SELECT r.subject_id, r.id, lt.id, r.department_id, CASE WHEN l.id IS NULL THEN 'OPEN' ELSE 'PROPOSED' END, l.id
           FROM penalty_records r
           JOIN departments d ON d.id = r.department_id
           JOIN list_types lt ON d.code = ANY (lt.designating_department_codes)
           LEFT JOIN listings l ON l.subject_id = r.subject_id AND l.list_type_id = lt.id AND l.status NOT IN ('REMOVED', 'NOT_LISTED')
          WHERE r.id = ANY($1::bigint[]) AND r.status = 'ACTIVE' AND r.severity = $2
            AND r.penalty_categories && $3::text[]
         ON CONFLICT (penalty_record_id, list_type_id) DO NOTHING`,
        [written, Severity.SERIOUS, SUGGESTING_CATEGORIES],
      );
    }
    if (revoked.length > 0) {
      await sql.query(
        `UPDATE listing_suggestions SET status = 'WITHDRAWN' WHERE penalty_record_id = ANY($1::bigint[]) AND status = 'OPEN'`,
        [revoked],
      );
    }
  }

  /** Newest first. A department sees the suggestions addressed to it; a regulator those of subjects in its region. */
  async list(principal: Principal, first: number, after?: string): Promise<ListingSuggestionConnection> {
    const cursor = SUGGESTION_CURSOR.decode(after);
    const departmentId = principal.kind === 'DEPARTMENT' ? principal.departmentId : null;
    const scope = `($1::bigint IS NULL OR g.department_id = $1)
        AND ($2::text IS NULL OR EXISTS (SELECT 1 FROM credit_subjects s WHERE s.id = g.subject_id AND s.region_code LIKE $2 || '%'))`;
    const params = [departmentId, regionScopePrefixOf(principal)];
    const rows = await this.db.query<SuggestionRow>(
      `SELECT g.id, g.subject_id, g.list_type_id, g.penalty_record_id, r.decision_number, r.decision_date,
              d.code AS department_code, d.name AS department_name, g.status, g.listing_id, g.created_at
         FROM listing_suggestions g
         JOIN penalty_records r ON r.id = g.penalty_record_id
         JOIN departments d ON d.id = g.department_id
        WHERE ${scope} AND ($3::bigint IS NULL OR g.id < $3::bigint)
        ORDER BY g.id DESC LIMIT $4`,
      [...params, cursor?.[0] ?? null, first + 1],
    );
    const [{ count }] = await this.db.query<{ count: string }>(`SELECT count(*) FROM listing_suggestions g WHERE ${scope}`, params);
    return toConnection(rows, first, Number(count), (row) => SUGGESTION_CURSOR.encode([row.id]), toSuggestionModel);
  }
}

function mightSuggest(record: { severity: string; penaltyCategories: readonly string[] }): boolean {
  return record.severity === Severity.SERIOUS && record.penaltyCategories.some((category) => SUGGESTING_CATEGORIES.includes(category as PenaltyCategory));
}

function toSuggestionModel(row: SuggestionRow): ListingSuggestionModel {
  return {
    id: row.id,
    subjectId: row.subject_id,
    listTypeId: row.list_type_id,
    penaltyRecordId: row.penalty_record_id,
    penaltyDecisionNumber: row.decision_number,
    penaltyDecisionDate: row.decision_date,
    department: { code: row.department_code, name: row.department_name },
    status: row.status as SuggestionStatus,
    listingId: row.listing_id,
    createdAt: row.created_at,
  };
}

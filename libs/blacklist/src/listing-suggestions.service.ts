// Suggested proposals (拟列入建议). Registered with PenaltyChangeHooks, so they are written in the same
// transaction as the pushed penalty records, with one set-based statement per batch.
//
// Matching rule: a suggestion is made for every list type whose designatingDepartmentCodes include the
// department that decided the penalty, and is addressed to that department. The deciding authority of a
// serious penalty is, in practice, the authority that designates under its own sector's list (市场监管 →
// 市场监管严重违法失信名单); other departments learn of the subject through the listing, not the suggestion.
import { Injectable, OnModuleInit } from '@nestjs/common';
import { cursorCodec, Principal, regionScopePrefixOf, toConnection } from '@credit/common';
import { SqlExecutor } from '@credit/db';
import { PenaltyCategory, Severity } from '@credit/domain';
import { PenaltyChangeHooks, PenaltyChangeListener, PenaltyRecordChange } from '@credit/penalties';
import { SuggestionStatus } from './dto/blacklist.enums';
import { ListingSuggestionConnection, ListingSuggestionModel } from './dto/suggestion.models';
import { ListingSuggestionsRepository, SuggestionRow } from './listing-suggestions.repository';

/** Penalty categories that, in a SERIOUS decision, suggest a listing (吊销许可证件, 责令关闭, 限制从业). */
export const SUGGESTING_CATEGORIES: readonly PenaltyCategory[] = [
  PenaltyCategory.REVOKE_LICENSE,
  PenaltyCategory.ORDER_CLOSURE,
  PenaltyCategory.RESTRICT_PRACTICE,
];

const SUGGESTION_CURSOR = cursorCodec('id');

@Injectable()
export class ListingSuggestionsService implements PenaltyChangeListener, OnModuleInit {
  constructor(
    private readonly suggestions: ListingSuggestionsRepository,
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
    if (written.length > 0) await this.suggestions.suggest(sql, written, Severity.SERIOUS, SUGGESTING_CATEGORIES);
    if (revoked.length > 0) await this.suggestions.withdraw(sql, revoked);
  }

  /** Newest first. A department sees the suggestions addressed to it; a regulator those of subjects in its region. */
  async list(principal: Principal, first: number, after?: string): Promise<ListingSuggestionConnection> {
    const cursor = SUGGESTION_CURSOR.decode(after);
    const scope = { departmentId: principal.kind === 'DEPARTMENT' ? principal.departmentId : null, regionPrefix: regionScopePrefixOf(principal) };
    const rows = await this.suggestions.page(scope, cursor?.[0] ?? null, first + 1);
    const count = await this.suggestions.count(scope);
    return toConnection(rows, first, count, (row) => SUGGESTION_CURSOR.encode([row.id]), toSuggestionModel);
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

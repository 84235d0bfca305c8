// The listing lifecycle (拟列入 → 告知 → 异议 → 列入 → 移出). Every transition: lock the listing (FOR UPDATE), ask
// the pure state machine of @credit/domain with "today" from ListingClock, write back the state it returned,
// apply the tier effects and append the audit entry, all in one transaction. Who may act is decided here:
//   propose                      a department designated for the list type (else NOT_DESIGNATING_DEPARTMENT)
//   notify, confirm              the department that proposed it
//   file / answer objections     that department (on the party's behalf) or a REGULATOR
//   remove                       that department or a REGULATOR (credit repair is handled by the credit office)
// A regulator acts only on listings of subjects within its region: any other listing or objection is NOT_FOUND,
// word for word as one that does not exist (region-scope.ts of @credit/common).
import { Injectable } from '@nestjs/common';
import { AuditRecordInput, AuditService, contentHash } from '@credit/audit';
import { actorOf, badInput, conflict, DepartmentPrincipal, forbidden, notFound, Principal, regionScopePrefixOf, requireUscc } from '@credit/common';
import { WorkingCalendarService } from '@credit/calendar';
import { Database, SqlExecutor } from '@credit/db';
import {
  confirmListing,
  defaultListingStatements,
  fileObjection,
  ListingErrorCode,
  ListingState,
  ListingStatus,
  notifyParty,
  objectionAnswerDueOf,
  proposeListing,
  RemovalReason,
  removeListing,
  resolveObjection,
} from '@credit/domain';
import { SubjectRegistryRepository } from '@credit/subjects';
import { notDesignatingDepartment, notProposer, objectionAnswerOverdue, refusal, requiredText, requireId, subjectNotRegistered } from './blacklist.errors';
import { CatalogueService, termsOf } from './catalogue.service';
import { ProposeListingInput } from './dto/listing.inputs';
import { ListingClock } from './listing-clock';
import { ListingTierEffects } from './listing-tier-effects';
import { objectionStateOf, stateOf } from './listing.mapping';
import { ListingSuggestionsRepository } from './listing-suggestions.repository';
import { ListingRepository, LockedListing } from './listing.repository';

type Access = 'PROPOSER' | 'PROPOSER_OR_REGULATOR';

interface Step {
  state: ListingState;
  action: string;
  details?: Record<string, unknown>;
  removalNote?: string | null;
  audit?: AuditRecordInput[];
}

@Injectable()
export class ListingLifecycleService {
  constructor(
    private readonly db: Database,
    private readonly listings: ListingRepository,
    private readonly suggestions: ListingSuggestionsRepository,
    private readonly catalogue: CatalogueService,
    private readonly subjects: SubjectRegistryRepository,
    private readonly tiers: ListingTierEffects,
    private readonly audit: AuditService,
    private readonly clock: ListingClock,
    private readonly workingCalendar: WorkingCalendarService,
  ) {}

  async propose(department: DepartmentPrincipal, input: ProposeListingInput): Promise<string> {
    const uscc = requireUscc(input.uscc, 'input.uscc');
    const decisionDocumentNumber = requiredText(input.decisionDocumentNumber, 'input.decisionDocumentNumber', '认定决定书文号', 128);
    const reasons = requiredText(input.reasons, 'input.reasons', '列入理由', 4000);
    const legalBasis = requiredText(input.legalBasis, 'input.legalBasis', '认定依据', 2000);
    const stated = { punishmentNotice: input.punishmentNotice?.trim() || null, removalConditions: input.removalConditions?.trim() || null, remedies: input.remedies?.trim() || null };
    const proposed = proposeListing(this.clock.today());
    if (!proposed.ok) throw refusal(proposed);

    return this.db.transaction(async (sql) => {
      const listType = await this.catalogue.listTypeRow(sql, input.listTypeCode);
      if (!listType) throw notFound(`List type ${input.listTypeCode}`);
      if (!listType.designating_department_codes.includes(department.departmentCode)) {
        throw notDesignatingDepartment(department.departmentCode, listType.code);
      }
      const subjectId = await this.subjectFor(sql, uscc.code, uscc.regionCode, uscc.registrationAuthority + uscc.category, input.subjectName);
      await this.checkPenaltyRecords(sql, subjectId, input.penaltyRecordIds);
      if (await this.listings.decisionNumberUsed(sql, department.departmentId, decisionDocumentNumber)) {
        throw conflict('该认定决定书文号已使用（this decision document number is already used）', 'input.decisionDocumentNumber');
      }
      const open = await this.listings.openListingId(sql, subjectId, listType.id);
      if (open) throw conflict(`该主体已有未结束的同类名单（listing ${open} of this subject and list type has not ended）`, 'input.uscc');

      // 国办发〔2020〕49号: every decision states these; what the department left out is stated from the list type.
      const defaults = defaultListingStatements({ name: listType.name, legalBasis: listType.legal_basis }, termsOf(listType));
      const statements = {
        punishmentNotice: stated.punishmentNotice ?? defaults.punishmentNotice,
        removalConditions: stated.removalConditions ?? defaults.removalConditions,
        remedies: stated.remedies ?? defaults.remedies,
      };
      const id = await this.listings.insert(
        sql,
        { subjectId, listTypeId: listType.id, departmentId: department.departmentId, decisionDocumentNumber, reasons, legalBasis, statements, state: proposed.state },
        input.penaltyRecordIds,
      );
      // A proposal answers the open suggestions for this subject and list type.
      await this.suggestions.markProposed(sql, subjectId, listType.id, id);
      await this.audit.append(sql, actorOf(department), [
        {
          action: 'LISTING_PROPOSED',
          targetType: 'LISTING',
          targetId: id,
          afterHash: contentHash(proposed.state),
          details: { to: ListingStatus.PROPOSED, listType: listType.code, uscc: uscc.code, decisionDocumentNumber, penaltyRecordIds: input.penaltyRecordIds },
        },
      ]);
      return id;
    });
  }

  async notify(principal: Principal, listingId: string, noticeDate: string): Promise<string> {
    return this.transition(principal, listingId, 'PROPOSER', async (sql, listing, today) => {
      const terms = termsOf(listing);
      const result = notifyParty(stateOf(listing), noticeDate, today, terms, await this.workingCalendar.calendar(sql));
      if (!result.ok) throw refusal(result, 'noticeDate');
      // A weekends-only deadline stays visible on the listing for as long as it matters.
      await this.listings.setDeadlineWarning(sql, listing.id, result.warning?.message ?? null);
      return {
        state: result.state,
        action: 'LISTING_NOTIFIED',
        details: { noticeDate, objectionDeadline: result.state.objectionDeadline, unit: terms.objectionDayUnit, ...(result.warning ? { calendarWarning: result.warning.message } : {}) },
      };
    });
  }

  /** Records an objection and returns its id. */
  async fileObjection(principal: Principal, listingId: string, content: string): Promise<string> {
    const text = requiredText(content, 'content', '异议内容', 4000);
    let objectionId = '';
    await this.transition(principal, listingId, 'PROPOSER_OR_REGULATOR', async (sql, listing, today) => {
      const result = fileObjection(stateOf(listing), today);
      if (!result.ok) throw refusal(result);
      const due = objectionAnswerDueOf(today, termsOf(listing), await this.workingCalendar.calendar(sql));
      const answerDue = due ? { date: due.date, warning: due.warning?.message ?? null } : null;
      objectionId = await this.listings.insertObjection(sql, listing.id, text, today, actorOf(principal).name, answerDue);
      return {
        state: result.state,
        action: 'LISTING_OBJECTION_FILED',
        details: { objectionId },
        audit: [{ action: 'OBJECTION_FILED', targetType: 'LISTING_OBJECTION', targetId: objectionId, afterHash: contentHash({ content: text, filedOn: today }) }],
      };
    });
    return objectionId;
  }

  /** Answers an objection; an upheld one in NOTIFIED ends the listing (REMOVED / OBJECTION_UPHELD). */
  async resolveObjection(principal: Principal, objectionId: string, upheld: boolean, reply: string): Promise<void> {
    requireId(objectionId, 'objectionId');
    const answer = requiredText(reply, 'reply', '答复内容', 4000);
    const listingId = await this.listings.objectionListingId(this.db, objectionId, regionScopePrefixOf(principal));
    if (!listingId) throw notFound(`Objection ${objectionId}`);
    await this.transition(principal, listingId, 'PROPOSER_OR_REGULATOR', async (sql, listing, today) => {
      const objection = await this.listings.lockObjection(sql, objectionId);
      if (!objection) throw notFound(`Objection ${objectionId}`);
      const result = resolveObjection(stateOf(listing), objectionStateOf(objection), upheld, today);
      if (!result.ok) throw refusal(result);
      await this.listings.answerObjection(sql, objectionId, result.objection.status, today, answer, actorOf(principal).name);
      return {
        state: result.state,
        action: upheld ? 'LISTING_OBJECTION_UPHELD' : 'LISTING_OBJECTION_REJECTED',
        details: { objectionId },
        audit: [{ action: upheld ? 'OBJECTION_UPHELD' : 'OBJECTION_REJECTED', targetType: 'LISTING_OBJECTION', targetId: objectionId, afterHash: contentHash({ reply: answer, resolvedOn: today }) }],
      };
    });
  }

  async confirm(principal: Principal, listingId: string): Promise<string> {
    return this.transition(principal, listingId, 'PROPOSER', async (sql, listing, today) => {
      const result = confirmListing(stateOf(listing), today, termsOf(listing));
      if (!result.ok && result.error.code === ListingErrorCode.OPEN_OBJECTION) {
        // An objection left unanswered past its answer day is named as such: the clerk must answer it first.
        const [overdue] = await this.listings.overdueObjections(sql, listing.id, today);
        if (overdue) throw objectionAnswerOverdue(overdue.id, overdue.answer_due);
      }
      if (!result.ok) throw refusal(result);
      return { state: result.state, action: 'LISTING_CONFIRMED', details: { listedOn: result.state.listedOn, expiresOn: result.state.expiresOn } };
    });
  }

  async remove(principal: Principal, listingId: string, reason: RemovalReason, note?: string | null): Promise<string> {
    const removalNote = note?.trim() ? requiredText(note, 'note', '移出说明', 1000) : null;
    return this.transition(principal, listingId, 'PROPOSER_OR_REGULATOR', async (_sql, listing, today) => {
      const result = removeListing(stateOf(listing), reason, today, termsOf(listing));
      if (!result.ok) throw refusal(result);
      return { state: result.state, action: 'LISTING_REMOVED', removalNote, details: { reason, note: removalNote } };
    });
  }

  /**
   * The expiry sweep: removes up to `limit` listings whose term has run out, with reason EXPIRED, in one
   * transaction (one UPDATE, one batch of tier effects, one audit append). Returns how many it removed.
   */
  async expireDue(limit: number): Promise<number> {
    const today = this.clock.today();
    return this.db.transaction(async (sql) => {
      const due = await this.listings.lockDueForExpiry(sql, today, limit);
      const changes = due.map((listing) => {
        const result = removeListing(stateOf(listing), RemovalReason.EXPIRED, today, termsOf(listing));
        // The select only returns rows the machine accepts (isDueForExpiry ⇔ status LISTED and expires_on ≤ today).
        if (!result.ok) throw new Error(`listing ${listing.id} was selected as due but ${result.error.code}`);
        return { listing, state: result.state };
      });
      await this.listings.saveStates(sql, changes.map((c) => ({ id: c.listing.id, state: c.state })));
      await this.tiers.removed(sql, changes.map((c) => ({ listingId: c.listing.id, subjectId: c.listing.subject_id, removedOn: today })));
      await this.audit.append(
        sql,
        { type: 'SYSTEM', id: null, name: 'listing-expiry' },
        changes.map((c) => ({
          action: 'LISTING_REMOVED',
          targetType: 'LISTING',
          targetId: c.listing.id,
          beforeHash: contentHash(stateOf(c.listing)),
          afterHash: contentHash(c.state),
          details: { from: ListingStatus.LISTED, to: ListingStatus.REMOVED, reason: RemovalReason.EXPIRED },
        })),
      );
      return changes.length;
    });
  }

  private async transition(principal: Principal, listingId: string, access: Access, step: (sql: SqlExecutor, listing: LockedListing, today: string) => Promise<Step>): Promise<string> {
    requireId(listingId, 'listingId');
    const today = this.clock.today();
    return this.db.transaction(async (sql) => {
      const listing = await this.listings.lock(sql, listingId, regionScopePrefixOf(principal));
      if (!listing) throw notFound(`Listing ${listingId}`);
      checkAccess(principal, listing, access);
      const before = stateOf(listing);
      const { state, action, details, removalNote, audit } = await step(sql, listing, today);
      await this.listings.saveStates(sql, [{ id: listing.id, state, removalNote }]);
      if (before.status !== ListingStatus.LISTED && state.status === ListingStatus.LISTED) {
        await this.tiers.listed(sql, {
          listingId: listing.id,
          subjectId: listing.subject_id,
          listTypeName: listing.list_type_name,
          decisionDocumentNumber: listing.decision_document_number,
          listedOn: state.listedOn as string,
          expiresOn: state.expiresOn as string,
        });
      } else if (before.status === ListingStatus.LISTED && state.status === ListingStatus.REMOVED) {
        await this.tiers.removed(sql, [{ listingId: listing.id, subjectId: listing.subject_id, removedOn: state.removedOn as string }]);
      }
      await this.audit.append(sql, actorOf(principal), [
        {
          action,
          targetType: 'LISTING',
          targetId: listing.id,
          beforeHash: contentHash(before),
          afterHash: contentHash(state),
          details: { from: before.status, to: state.status, ...(state.removalReason ? { removalReason: state.removalReason } : {}), ...details },
        },
        ...(audit ?? []),
      ]);
      return listing.id;
    });
  }

  /** The subject registered under the USCC; registered now when unknown and the caller named it. */
  private async subjectFor(sql: SqlExecutor, uscc: string, regionCode: string, category: string, name?: string | null): Promise<string> {
    const known = await this.subjects.idOfKey(sql, uscc);
    if (known) return known;
    const subjectName = name?.trim();
    if (!subjectName) {
      throw subjectNotRegistered(uscc);
    }
    // 个体工商户 carry category 92 under 市场监管; every other USCC holder is an organisation.
    const subjectType = category === '92' ? 'INDIVIDUAL_BUSINESS' : 'LEGAL_ENTITY';
    const ids = await this.subjects.upsert(sql, [{ subjectKey: uscc, uscc, name: subjectName, subjectType, regionCode, category }]);
    return ids.get(uscc) as string;
  }

  private async checkPenaltyRecords(sql: SqlExecutor, subjectId: string, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const ok = await this.listings.activePenaltyRecordIds(sql, subjectId, ids);
    const wrong = ids.filter((id) => !ok.has(id));
    if (wrong.length > 0) {
      throw badInput(
        `处罚记录 ${wrong.join(', ')} 不是该主体的有效处罚（penalty records ${wrong.join(', ')} are not active records of this subject）`,
        'input.penaltyRecordIds',
        wrong.map((id) => ({ field: 'input.penaltyRecordIds', code: 'PENALTY_RECORD_NOT_OF_SUBJECT', message: `record ${id}` })),
      );
    }
  }
}

function checkAccess(principal: Principal, listing: LockedListing, access: Access): void {
  if (principal.kind === 'DEPARTMENT') {
    if (principal.departmentId !== listing.proposing_department_id) throw notProposer();
    return;
  }
  if (access === 'PROPOSER_OR_REGULATOR' && principal.role === 'REGULATOR') return;
  throw access === 'PROPOSER' ? notProposer() : forbidden();
}

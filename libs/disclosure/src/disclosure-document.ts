// From a stored penalty record to what the search index must hold for it: the public projection (upsert) or
// nothing (delete). Pure: the domain policy decides, this file only maps columns and picks the region.
import { errorMessage } from '@credit/common';
import type { IndexOperation, DisclosureDocument } from '@credit/search';
import {
  decideDisclosure,
  DisclosureDecision,
  DisclosureOptions,
  IsoDate,
  PartyType,
  PenaltyCategory,
  publicProjection,
  Severity,
  withdrawalNoticeWindow,
  WithdrawalNoticeWindow,
} from '@credit/domain';

/** One record as loaded for indexing (DisclosureSourceRepository); never the ID number. */
export interface DisclosureSourceRow {
  id: string;
  status: string;
  repaired_on: IsoDate | null;
  /** China's date of the revocation, and the department's stated reason (REVOKED records only). */
  revoked_on: IsoDate | null;
  revoke_reason: string | null;
  party_type: string;
  party_name: string;
  uscc: string | null;
  legal_representative: string | null;
  decision_number: string;
  violation_type: string;
  violation_facts: string;
  legal_basis: string;
  penalty_categories: string[];
  penalty_content: string;
  fine_amount: string | null;
  confiscated_amount: string | null;
  license_info: string | null;
  decision_date: IsoDate;
  public_until: IsoDate | null;
  party_birth_date: IsoDate | null;
  act_date: IsoDate | null;
  party_adult_confirmed: boolean;
  publish_minor: boolean;
  severity: string;
  authority_name: string;
  authority_uscc: string;
  remarks: string | null;
  department_code: string;
  department_name: string;
  department_region: string;
  subject_region: string | null;
  /** Current outbox version (null when the record never went through the outbox, e.g. bulk-loaded data). */
  version: string | null;
}

export type DecisionColumns = Pick<
  DisclosureSourceRow,
  'party_type' | 'severity' | 'penalty_categories' | 'decision_date' | 'public_until' | 'party_birth_date' | 'act_date' | 'party_adult_confirmed' | 'publish_minor'
>;

export function decisionOf(row: DecisionColumns, options: DisclosureOptions): DisclosureDecision {
  return decideDisclosure(
    {
      partyType: row.party_type as PartyType,
      severity: row.severity as Severity,
      categories: row.penalty_categories as PenaltyCategory[],
      decisionDate: row.decision_date,
      publicUntil: row.public_until,
      partyBirthDate: row.party_birth_date,
      actDate: row.act_date,
      partyAdultConfirmed: row.party_adult_confirmed,
      publishMinor: row.publish_minor,
    },
    options,
  );
}

/**
 * Whether the index should hold the record on `asOf`: published by the rule of its decision date, not revoked,
 * not repaired, and not past publishedUntil (its last visible day). A record whose publishedFrom lies ahead
 * is indexed already; queries show only publishedFrom ≤ today ≤ publishedUntil, so it appears on its day
 * without another write.
 */
export function belongsInIndex(row: DisclosureSourceRow, decision: DisclosureDecision, asOf: IsoDate): boolean {
  if (!decision.published || decision.publishedUntil === null) return false;
  if (row.status !== 'ACTIVE') return false;
  if (row.repaired_on !== null && row.repaired_on <= asOf) return false;
  return asOf <= decision.publishedUntil;
}

/** What one record's index operation turned out to be: the operation, or why it could not be built. */
export type BuiltOperation = { ok: true; operation: IndexOperation } | { ok: false; id: string; error: string };

/**
 * indexOperationFor for one record of a batch: a record whose document cannot be built (data the policy refuses,
 * e.g. a decision date before any publication rule) is reported, never allowed to fail the rest of its batch.
 */
export function tryIndexOperationFor(row: DisclosureSourceRow, version: number, options: DisclosureOptions, asOf: IsoDate): BuiltOperation {
  try {
    return { ok: true, operation: indexOperationFor(row, version, options, asOf) };
  } catch (error) {
    return { ok: false, id: row.id, error: errorMessage(error) };
  }
}

/** The index operation for one record at `version`. */
export function indexOperationFor(row: DisclosureSourceRow, version: number, options: DisclosureOptions, asOf: IsoDate): IndexOperation {
  const decision = decisionOf(row, options);
  if (row.status === 'REVOKED' && row.revoked_on !== null) {
    const notice = withdrawalNoticeWindow(decision, row.repaired_on, row.revoked_on, asOf);
    return notice ? { op: 'upsert', version, doc: toWithdrawalNotice(row, decision, notice) } : { op: 'delete', id: row.id, version };
  }
  if (!belongsInIndex(row, decision, asOf)) return { op: 'delete', id: row.id, version };
  return { op: 'upsert', version, doc: toDocument(row, decision) };
}

/**
 * The withdrawal notice that replaces a revoked decision (行政处罚法 art. 48): who decided what and when, that it
 * was withdrawn and why. The party stays findable under its (projected, so masked for a person) name: the
 * notice is what clears it. Facts, basis, content, categories and amounts are gone: the decision no longer
 * stands. Its period is the notice's own (withdrawal-notice.ts).
 */
export function toWithdrawalNotice(row: DisclosureSourceRow, decision: DisclosureDecision, notice: WithdrawalNoticeWindow): DisclosureDocument {
  const doc = toDocument(row, decision);
  return {
    ...doc,
    legalRepresentative: null,
    violationType: '',
    violationFacts: '',
    legalBasis: '',
    penaltyCategories: [],
    penaltyContent: '',
    fineAmount: null,
    confiscatedAmount: null,
    publishedFrom: notice.from,
    publishedUntil: notice.until,
    withdrawnOn: notice.from,
    withdrawalReason: row.revoke_reason ?? '',
  };
}

export function toDocument(row: DisclosureSourceRow, decision: DisclosureDecision): DisclosureDocument {
  const view = publicProjection(
    {
      partyType: row.party_type as PartyType,
      partyName: row.party_name,
      uscc: row.uscc,
      legalRepresentative: row.legal_representative,
      // The ID number is never loaded for the public path; the projection would drop it anyway.
      idType: null,
      idNumber: null,
      decisionNumber: row.decision_number,
      violationType: row.violation_type,
      violationFacts: row.violation_facts,
      legalBasis: row.legal_basis,
      penaltyCategories: row.penalty_categories as PenaltyCategory[],
      penaltyContent: row.penalty_content,
      fineAmount: canonicalAmount(row.fine_amount),
      confiscatedAmount: canonicalAmount(row.confiscated_amount),
      licenseInfo: row.license_info,
      decisionDate: row.decision_date,
      authorityName: row.authority_name,
      authorityUscc: row.authority_uscc,
      remarks: row.remarks,
    },
    decision,
  );
  return {
    id: row.id,
    partyType: view.partyType,
    partyName: view.partyName,
    uscc: view.uscc,
    legalRepresentative: view.legalRepresentative,
    decisionNumber: view.decisionNumber,
    violationType: view.violationType,
    violationFacts: view.violationFacts,
    legalBasis: view.legalBasis,
    penaltyCategories: view.penaltyCategories,
    penaltyContent: view.penaltyContent,
    fineAmount: view.fineAmount,
    confiscatedAmount: view.confiscatedAmount,
    decisionDate: view.decisionDate,
    publishedFrom: view.publishedFrom,
    publishedUntil: view.publishedUntil,
    authorityName: view.authorityName,
    departmentCode: row.department_code,
    departmentName: row.department_name,
    // A registered party is found where it is registered (USCC positions 3–8). A natural person's only region
    // would come from the ID number, which must not leak even in part: use the deciding department's instead.
    regionCode: view.uscc !== null && row.subject_region ? row.subject_region : row.department_region,
    severity: row.severity,
    withdrawnOn: null,
    withdrawalReason: null,
  };
}

/** numeric(18,6) as text ("2.500000") → the canonical decimal the department sent ("2.5"). */
export function canonicalAmount(value: string | null): string | null {
  if (value === null) return null;
  return value.includes('.') ? value.replace(/0+$/, '').replace(/\.$/, '') : value;
}

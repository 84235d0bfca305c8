// The stable text whose hash decides UNCHANGED vs UPDATED when a department pushes the same decision again.
import { ValidPenaltyRecord } from './penalty-record.types';

type ContentField = Exclude<keyof ValidPenaltyRecord, 'subject'>;

/**
 * Every content field, listed as a Record so the compiler fails when a field is added to ValidPenaltyRecord
 * but not here. `subject` is left out: it is derived from uscc / registrationNumber / idNumber.
 */
const CONTENT_FIELDS: Readonly<Record<ContentField, true>> = {
  decisionNumber: true,
  partyName: true,
  partyType: true,
  uscc: true,
  registrationNumber: true,
  legalRepresentative: true,
  idType: true,
  idNumber: true,
  violationType: true,
  violationFacts: true,
  legalBasis: true,
  penaltyCategories: true,
  penaltyContent: true,
  fineAmount: true,
  confiscatedAmount: true,
  licenseInfo: true,
  decisionDate: true,
  validUntil: true,
  publicUntil: true,
  authorityName: true,
  authorityUscc: true,
  dataSourceName: true,
  dataSourceUscc: true,
  severity: true,
  severityDerived: true,
  remarks: true,
  // Statements added later: written only when set (below), so records pushed before them keep their hash.
  actDate: true,
  partyAdultConfirmed: true,
  publishMinor: true,
  notRepairable: true,
};
const OMITTED_WHEN_UNSET: ReadonlySet<ContentField> = new Set(['actDate', 'partyAdultConfirmed', 'publishMinor', 'notRepairable']);
const SORTED_FIELDS = (Object.keys(CONTENT_FIELDS) as ContentField[]).sort();
/** Each field with its JSON key text (`"name":`) and whether it is left out when unset. */
const CANONICAL_KEYS: readonly (readonly [ContentField, string, boolean])[] = SORTED_FIELDS.map((field) => [field, `${JSON.stringify(field)}:`, OMITTED_WHEN_UNSET.has(field)] as const);

/**
 * JSON of every content field of the normalised record with keys sorted and categories sorted, absent values
 * as null. Validation already trimmed and collapsed whitespace and canonicalised amounts ("12.50" → "12.5"), so
 * two drafts that differ only in whitespace, category order, "罚款" vs "FINE" or "0" vs an empty amount give
 * the same text. severity and severityDerived are included: a department switching from a derived to a stated
 * severity is a change worth a version. The text holds the plain ID number: hash it, never store or log it.
 */
export function canonicalPenaltyContent(record: ValidPenaltyRecord): string {
  // Put together piece by piece: the same text as JSON.stringify of an object holding these keys in this order
  // (the spec checks it against that on generated records), without building the object per record. This runs
  // for every pushed item, and the object version was the largest JavaScript cost of preparing a row.
  let out = '{';
  for (const [field, key, omittedWhenUnset] of CANONICAL_KEYS) {
    const value = record[field];
    if (omittedWhenUnset && (value === null || value === false)) continue;
    const json = field === 'penaltyCategories' ? JSON.stringify([...record.penaltyCategories].sort()) : value === null || value === undefined ? 'null' : JSON.stringify(value);
    out += out.length === 1 ? `${key}${json}` : `,${key}${json}`;
  }
  return `${out}}`;
}

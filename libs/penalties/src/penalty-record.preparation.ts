// From a validated record to the row the ingest SQL writes: the subject key, the encrypted and hashed ID
// number, and the keyed content hash. Pure apart from the cipher, so it is cheap to test.
import { createHmac, createSecretKey, KeyObject } from 'node:crypto';
import { PersonalDataCipher } from '@credit/common/crypto';
import { canonicalPenaltyContent, maskIdNumber, parseResidentId, PartyType, ValidPenaltyRecord } from '@credit/domain';
import type { SubjectUpsert } from '@credit/subjects';
import type { PreparedPenaltyRow } from './penalty-columns';

export function prepareRow(record: ValidPenaltyRecord, cipher: PersonalDataCipher, contentKey: Buffer): { row: PreparedPenaltyRow; subject: SubjectUpsert } {
  const id = record.idType && record.idNumber ? { type: record.idType, number: record.idNumber } : null;
  const personHash = id ? cipher.lookupHash(id.type, id.number) : null;
  const subject = { ...subjectOf(record, personHash), decisionNumber: record.decisionNumber };
  const resident = id?.type === 'RESIDENT_ID' ? parseResidentId(id.number) : null;
  const birthDate = record.partyType === PartyType.NATURAL_PERSON && resident?.valid ? resident.birthDate : null;
  // Keyed: the content includes the ID number, and a plain hash of it could be brute-forced.
  const contentHash = createHmac('sha256', hmacKeyOf(contentKey)).update(canonicalPenaltyContent(record)).digest('hex');
  return {
    subject,
    row: {
      decisionNumber: record.decisionNumber,
      subjectKey: subject.subjectKey,
      partyName: record.partyName,
      partyType: record.partyType,
      uscc: record.uscc,
      registrationNumber: record.registrationNumber,
      legalRepresentative: record.legalRepresentative,
      idType: record.idType,
      idNumberEncrypted: id ? cipher.encrypt(id.number) : null,
      idNumberHash: personHash,
      idNumberMasked: id ? maskIdNumber(id.number) : null,
      partyBirthDate: birthDate,
      violationType: record.violationType,
      violationFacts: record.violationFacts,
      legalBasis: record.legalBasis,
      penaltyCategories: record.penaltyCategories,
      penaltyContent: record.penaltyContent,
      fineAmount: record.fineAmount,
      confiscatedAmount: record.confiscatedAmount,
      licenseInfo: record.licenseInfo,
      decisionDate: record.decisionDate,
      validUntil: record.validUntil,
      publicUntil: record.publicUntil,
      authorityName: record.authorityName,
      authorityUscc: record.authorityUscc,
      dataSourceName: record.dataSourceName,
      dataSourceUscc: record.dataSourceUscc,
      severity: record.severity,
      severityDerived: record.severityDerived,
      remarks: record.remarks,
      actDate: record.actDate,
      partyAdultConfirmed: record.partyAdultConfirmed,
      publishMinor: record.publishMinor,
      notRepairable: record.notRepairable,
      contentHash,
    },
  };
}

/** The content key as a KeyObject, made once per key buffer: createHmac then skips importing the raw key per record. */
const hmacKeys = new WeakMap<Buffer, KeyObject>();
function hmacKeyOf(contentKey: Buffer): KeyObject {
  let key = hmacKeys.get(contentKey);
  if (!key) hmacKeys.set(contentKey, (key = createSecretKey(contentKey)));
  return key;
}

function subjectOf(record: ValidPenaltyRecord, personHash: string | null): SubjectUpsert {
  const key = record.subject;
  if (key.kind === 'USCC') {
    return { subjectKey: key.uscc, uscc: key.uscc, name: record.partyName, subjectType: record.partyType, regionCode: key.regionCode, category: key.registrationAuthority + key.category };
  }
  if (key.kind === 'REGISTRATION') {
    return { subjectKey: `REG:${key.registrationNumber}`, uscc: null, name: record.partyName, subjectType: record.partyType, regionCode: null, category: null };
  }
  const region = key.idType === 'RESIDENT_ID' ? key.idNumber.slice(0, 6) : null;
  return { subjectKey: `P:${personHash}`, uscc: null, name: record.partyName, subjectType: record.partyType, regionCode: region, category: null };
}

// Who was penalised: the party's USCC (or the sentinel plus a registration number) and the ID of the natural
// person or of the organisation's legal representative. Part of validatePenaltyRecord; see its rule list.
import { parseResidentId } from '../identifiers/resident-id';
import {
  describeUsccFailure,
  isIndividualBusinessUscc,
  isUsccSentinel,
  parseUscc,
  USCC_SENTINEL,
  ValidUscc,
} from '../identifiers/uscc';
import { isKnownRegionCode } from '../identifiers/uscc-structure.data';
import { FieldIssue, IdType, IsoDate, PartyType } from './penalty.types';
import { issue, labelOf, requiredIssue } from './penalty-record.messages';
import { PenaltyIssueCode, PenaltyRecordDraft } from './penalty-record.types';

export interface PartyFields {
  partyType: PartyType | null;
  uscc: string | null;
  registrationNumber: string | null;
  idType: IdType | null;
  idTypeGiven: boolean;
  idNumber: string | null;
}

export interface PartyCheck {
  /** Set when the party's USCC is real and valid. */
  uscc: ValidUscc | null;
  /** True when the party is an individual business reported with 00000000000000000X. */
  sentinel: boolean;
  /** The canonical resident ID number, when the ID type is RESIDENT_ID and the number is valid. */
  residentIdNumber: string | null;
}

/** Checks one USCC field syntactically; adds the org-code warning. Used for the party and the authorities. */
export function checkUsccField(
  field: keyof PenaltyRecordDraft,
  code: string,
  errors: FieldIssue[],
  warnings: FieldIssue[],
): ValidUscc | null {
  const parsed = parseUscc(code);
  if (!parsed.valid) {
    const message = describeUsccFailure(parsed.reason, labelOf(field));
    errors.push({ field, code: PenaltyIssueCode.INVALID_USCC, message });
    return null;
  }
  if (!parsed.orgCodeValid) {
    warnings.push(
      issue(
        field,
        PenaltyIssueCode.ORG_CODE_CHECK_MISMATCH,
        `${labelOf(field).zh}中的组织机构代码校验位不符，可能是早期试点代码，已接受，请核实`,
        `the organization code inside ${labelOf(field).en} fails its own check, as old pilot codes do; accepted, please verify`,
      ),
    );
  }
  if (!parsed.regionKnown) warnings.push(unknownRegionIssue(field, parsed.regionCode));
  return parsed;
}

/** A region code outside the shipped GB/T 2260 table: divisions change every year, so this only warns. */
function unknownRegionIssue(field: keyof PenaltyRecordDraft, regionCode: string): FieldIssue {
  const label = labelOf(field);
  return issue(
    field,
    PenaltyIssueCode.UNKNOWN_REGION_CODE,
    `${label.zh}中的行政区划代码${regionCode}不在本平台的GB/T 2260代码表中，已接受，请核实`,
    `the region code ${regionCode} inside ${label.en} is not in the shipped GB/T 2260 table; accepted, please verify`,
  );
}

export function checkParty(party: PartyFields, today: IsoDate, errors: FieldIssue[], warnings: FieldIssue[]): PartyCheck {
  const result: PartyCheck = { uscc: null, sentinel: false, residentIdNumber: null };
  const { partyType } = party;
  const isOrganisation = partyType === PartyType.LEGAL_ENTITY || partyType === PartyType.INDIVIDUAL_BUSINESS;

  if (partyType === PartyType.NATURAL_PERSON) {
    if (party.uscc !== null) {
      errors.push(
        issue('uscc', PenaltyIssueCode.INCONSISTENT, '自然人不应填写统一社会信用代码', 'a natural person has no USCC; leave it empty'),
      );
    }
  } else if (party.uscc === null) {
    // With no or an unknown party type the partyType error already explains; do not pile on.
    if (isOrganisation) {
      errors.push(requiredIssue('uscc', { zh: '法人及非法人组织和个体工商户', en: 'for organisations and individual businesses' }));
    }
  } else if (isUsccSentinel(party.uscc)) {
    result.sentinel = true;
    if (partyType === PartyType.INDIVIDUAL_BUSINESS && party.registrationNumber === null) {
      errors.push(
        requiredIssue('registrationNumber', {
          zh: `统一社会信用代码为${USCC_SENTINEL}时`,
          en: `when the USCC is the placeholder ${USCC_SENTINEL}`,
        }),
      );
    } else if (partyType === PartyType.LEGAL_ENTITY) {
      errors.push(
        issue(
          'uscc',
          PenaltyIssueCode.INCONSISTENT,
          `只有无统一社会信用代码的个体工商户可填写${USCC_SENTINEL}，法人及非法人组织须填写真实代码`,
          `only an individual business without a USCC may use ${USCC_SENTINEL}; an organisation must give its real USCC`,
        ),
      );
    }
  } else {
    result.uscc = checkUsccField('uscc', party.uscc, errors, warnings);
    const isIndividual = result.uscc !== null && isIndividualBusinessUscc(result.uscc);
    if (result.uscc && partyType === PartyType.INDIVIDUAL_BUSINESS && !isIndividual) {
      errors.push(
        issue(
          'uscc',
          PenaltyIssueCode.INCONSISTENT,
          '行政相对人类别为个体工商户，但统一社会信用代码不是以92开头的个体工商户代码',
          'the party is an individual business but the USCC does not start with 92 (个体工商户)',
        ),
      );
    }
    if (result.uscc && partyType === PartyType.LEGAL_ENTITY && isIndividual) {
      errors.push(
        issue(
          'uscc',
          PenaltyIssueCode.INCONSISTENT,
          '以92开头的统一社会信用代码属于个体工商户，行政相对人类别应为个体工商户',
          'a USCC starting with 92 belongs to an individual business, so the party type must be INDIVIDUAL_BUSINESS',
        ),
      );
    }
  }

  checkIdentity(party, today, errors, warnings, result);
  return result;
}

/** A natural person needs an ID; for organisations the ID is the legal representative's and optional. */
function checkIdentity(party: PartyFields, today: IsoDate, errors: FieldIssue[], warnings: FieldIssue[], result: PartyCheck): void {
  if (party.partyType === PartyType.NATURAL_PERSON) {
    const why = { zh: '行政相对人为自然人时', en: 'for a natural person' };
    if (!party.idTypeGiven) errors.push(requiredIssue('idType', why));
    if (party.idNumber === null) errors.push(requiredIssue('idNumber', why));
  } else {
    if (party.idNumber !== null && !party.idTypeGiven) {
      errors.push(requiredIssue('idType', { zh: '填写证件号码时', en: 'when an ID number is given' }));
    }
    if (party.idTypeGiven && party.idNumber === null) {
      errors.push(requiredIssue('idNumber', { zh: '填写证件类型时', en: 'when an ID type is given' }));
    }
  }
  if (party.idType === IdType.RESIDENT_ID && party.idNumber !== null) {
    const parsed = parseResidentId(party.idNumber, today);
    if (parsed.valid) {
      result.residentIdNumber = parsed.idNumber;
      // The code is echoed (six digits say where, not who); the number itself never is.
      if (!isKnownRegionCode(parsed.regionCode)) warnings.push(unknownRegionIssue('idNumber', parsed.regionCode));
    }
    // The number itself is never echoed: it is personal data and error lists get logged.
    else errors.push({ field: 'idNumber', code: PenaltyIssueCode.INVALID_ID_NUMBER, message: parsed.message });
  }
}

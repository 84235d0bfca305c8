// Validation and normalisation of one "双公示" 行政处罚 item. Pure: the same draft and `today` always give the
// same result, so the API, the spreadsheet import and the demo generator share it.
import { describeAmountFailure, parseAmount } from '../money/decimal-amount';
import { isIsoDate } from '../time/calendar';
import { DecimalString, FieldIssue, IsoDate, PartyType, PenaltyCategory } from './penalty.types';
import {
  ID_TYPE_LABELS,
  PARTY_TYPE_LABELS,
  parseLabelledEnum,
  PENALTY_CATEGORY_LABELS,
  SEVERITY_LABELS,
} from './penalty.labels';
import { checkParty, checkUsccField } from './penalty-party.validation';
import {
  invalidDateIssue,
  invalidValueIssue,
  issue,
  labelOf,
  nulCharacterIssue,
  requiredIssue,
  tooLongIssue,
} from './penalty-record.messages';
import { charLength, cleanCode, cleanLine, cleanParagraphs } from './penalty-record.normalize';
import {
  PENALTY_FIELD_MAX_LENGTHS,
  PenaltyIssueCode,
  PenaltyRecordDraft,
  PenaltyTextField,
  PenaltyValidationResult,
  SubjectKey,
  ValidPenaltyRecord,
} from './penalty-record.types';
import { deriveSeverity } from './severity.rule';

/**
 * No decision of a PRC administrative authority predates the state (1949-10-01). An earlier date is a typo
 * and, once stored, made the publication rules throw inside the outbox, the reindex and credit repair.
 */
export const EARLIEST_DECISION_DATE: IsoDate = '1949-10-01';

const CODE_FIELDS = [
  'uscc', 'registrationNumber', 'idNumber', 'authorityUscc', 'dataSourceUscc', 'decisionDate', 'validUntil',
  'publicUntil', 'actDate',
] as const;
const PARAGRAPH_FIELDS = ['violationFacts', 'legalBasis', 'penaltyContent', 'remarks'] as const;
const ALWAYS_REQUIRED = [
  'decisionNumber', 'partyName', 'partyType', 'violationType', 'violationFacts', 'legalBasis',
  'penaltyContent', 'decisionDate', 'authorityName', 'authorityUscc',
] as const;
const TEXT_FIELDS: readonly PenaltyTextField[] = [
  'decisionNumber', 'partyName', 'partyType', 'uscc', 'registrationNumber', 'legalRepresentative', 'idType',
  'idNumber', 'violationType', 'violationFacts', 'legalBasis', 'penaltyContent', 'licenseInfo', 'decisionDate',
  'validUntil', 'publicUntil', 'authorityName', 'authorityUscc', 'dataSourceName', 'dataSourceUscc', 'severity',
  'remarks', 'actDate',
];

type CleanText = Record<PenaltyTextField, string | null>;

/**
 * Checks one item and returns either the normalised record or ALL its errors at once (warnings either way).
 *
 * Normalisation, before any rule: every string is trimmed, full-width and other Unicode spaces become plain
 * spaces and runs collapse (line breaks survive in facts, basis, content and remarks); codes (USCCs, ID and
 * registration numbers, dates, amounts) lose all whitespace, full-width letters/digits become ASCII, and letters
 * are upper-cased; enums accept their code in any case or their Chinese label (罚款, 个体工商户, 严重…).
 *
 * Rules:
 *  R0  INVALID_VALUE: a text field containing U+0000 (NUL), which no database column can hold.
 *  R1  REQUIRED: decisionNumber, partyName, partyType, violationType, violationFacts, legalBasis,
 *      penaltyCategories (non-empty), penaltyContent, decisionDate, authorityName, authorityUscc.
 *  R2  TOO_LONG: lengths in characters per PENALTY_FIELD_MAX_LENGTHS.
 *  R3  INVALID_VALUE: partyType, idType, severity and each penaltyCategories[i] must be a known value.
 *  R4  uscc is REQUIRED unless NATURAL_PERSON; a NATURAL_PERSON with a uscc is INCONSISTENT.
 *  R5  INVALID_USCC when uscc, authorityUscc or dataSourceUscc fails length, character set or main check;
 *      a failing embedded organization-code check is only the warning ORG_CODE_CHECK_MISMATCH.
 *  R6  INDIVIDUAL_BUSINESS with a USCC not of category 9-2, or LEGAL_ENTITY with a 9-2 USCC: INCONSISTENT.
 *  R7  The sentinel 00000000000000000X is accepted only for INDIVIDUAL_BUSINESS, and then registrationNumber is
 *      REQUIRED and becomes the subject key; for LEGAL_ENTITY it is INCONSISTENT.
 *  R8  NATURAL_PERSON needs idType and idNumber (REQUIRED); for organisations they are the legal
 *      representative's and each requires the other. RESIDENT_ID numbers must pass GB 11643 (INVALID_ID_NUMBER).
 *  R9  Duplicate penalty categories (also 罚款 next to FINE) are INCONSISTENT at the later position.
 *  R10 Amounts are exact 万元 decimals (INVALID_AMOUNT); zero counts as not given (spreadsheets fill 0).
 *  R11 FINE without a positive fineAmount, or a positive fineAmount without FINE: INCONSISTENT.
 *  R12 Dates are real YYYY-MM-DD (INVALID_DATE); decisionDate after `today` or before 1949-10-01 is INCONSISTENT; validUntil and
 *      publicUntil before decisionDate are INCONSISTENT.
 *  R13 severity, when omitted, is derived by deriveSeverity (severityDerived = true).
 */
export function validatePenaltyRecord(draft: PenaltyRecordDraft, today: IsoDate): PenaltyValidationResult {
  if (!isIsoDate(today)) throw new RangeError(`today must be an ISO date, got ${today}`);
  const errors: FieldIssue[] = [];
  const warnings: FieldIssue[] = [];
  const text = cleanDraft(draft);

  for (const field of TEXT_FIELDS) if (typeof draft[field] === 'string' && (draft[field] as string).includes('\u0000')) errors.push(nulCharacterIssue(field));

  for (const field of ALWAYS_REQUIRED) if (text[field] === null) errors.push(requiredIssue(field));
  for (const [field, max] of Object.entries(PENALTY_FIELD_MAX_LENGTHS) as [PenaltyTextField, number][]) {
    const value = text[field];
    // A string has at least as many UTF-16 units as characters: only one longer than the limit in units can
    // be too long, and only then are its characters counted (an array per field of every pushed record).
    if (value !== null && value.length > max && charLength(value) > max) errors.push(tooLongIssue(field, max, charLength(value)));
  }

  const partyType = readEnum('partyType', text.partyType, PARTY_TYPE_LABELS, errors);
  const idType = readEnum('idType', text.idType, ID_TYPE_LABELS, errors);
  const severity = readEnum('severity', text.severity, SEVERITY_LABELS, errors);

  const party = checkParty(
    {
      partyType,
      uscc: text.uscc,
      registrationNumber: text.registrationNumber,
      idType,
      idTypeGiven: text.idType !== null,
      idNumber: text.idNumber,
    },
    today,
    errors,
    warnings,
  );
  const categories = readCategories(draft.penaltyCategories, errors);
  const fineAmount = readAmount('fineAmount', draft.fineAmount, errors);
  const confiscatedAmount = readAmount('confiscatedAmount', draft.confiscatedAmount, errors);
  checkFine(categories, fineAmount, errors);
  checkDates(text, today, errors);
  if (text.authorityUscc !== null) checkUsccField('authorityUscc', text.authorityUscc, errors, warnings);
  if (text.dataSourceUscc !== null) checkUsccField('dataSourceUscc', text.dataSourceUscc, errors, warnings);

  if (errors.length > 0) return { ok: false, errors, warnings };

  // No errors: every required value is present and parsed, so the narrowing below only restates that.
  const type = present(partyType);
  const penaltyCategories = present(categories.values);
  const fine = fineAmount.ok ? fineAmount.amount : null;
  const confiscated = confiscatedAmount.ok ? confiscatedAmount.amount : null;
  const idNumber = party.residentIdNumber ?? text.idNumber;
  let subject: SubjectKey;
  if (type === PartyType.NATURAL_PERSON) {
    subject = { kind: 'PERSON', idType: present(idType), idNumber: present(idNumber) };
  } else if (party.sentinel) {
    subject = { kind: 'REGISTRATION', registrationNumber: present(text.registrationNumber) };
  } else {
    const { code, registrationAuthority, category, regionCode } = present(party.uscc);
    subject = { kind: 'USCC', uscc: code, registrationAuthority, category, regionCode };
  }
  const derived = deriveSeverity({ partyType: type, penaltyCategories, fineAmount: fine, confiscatedAmount: confiscated });
  const record: ValidPenaltyRecord = {
    decisionNumber: present(text.decisionNumber),
    partyName: present(text.partyName),
    partyType: type,
    uscc: party.uscc?.code ?? null,
    registrationNumber: text.registrationNumber,
    legalRepresentative: text.legalRepresentative,
    idType,
    idNumber,
    violationType: present(text.violationType),
    violationFacts: present(text.violationFacts),
    legalBasis: present(text.legalBasis),
    penaltyCategories,
    penaltyContent: present(text.penaltyContent),
    fineAmount: fine,
    confiscatedAmount: confiscated,
    licenseInfo: text.licenseInfo,
    decisionDate: present(text.decisionDate),
    validUntil: text.validUntil,
    publicUntil: text.publicUntil,
    authorityName: present(text.authorityName),
    authorityUscc: present(text.authorityUscc),
    dataSourceName: text.dataSourceName,
    dataSourceUscc: text.dataSourceUscc,
    severity: severity ?? derived,
    severityDerived: severity === null,
    remarks: text.remarks,
    actDate: text.actDate,
    partyAdultConfirmed: draft.partyAdultConfirmed === true,
    publishMinor: draft.publishMinor === true,
    notRepairable: draft.notRepairable === true,
    subject,
  };
  return { ok: true, record, warnings };
}

/** Each text field with its clean-up, chosen once rather than per field of every record. */
const CLEANERS: readonly (readonly [PenaltyTextField, (value: string | null | undefined) => string | null])[] = TEXT_FIELDS.map(
  (field) =>
    [field, (CODE_FIELDS as readonly string[]).includes(field) ? cleanCode : (PARAGRAPH_FIELDS as readonly string[]).includes(field) ? cleanParagraphs : cleanLine] as const,
);

function cleanDraft(draft: PenaltyRecordDraft): CleanText {
  const clean = {} as CleanText;
  for (const [field, cleaner] of CLEANERS) clean[field] = cleaner(draft[field]);
  return clean;
}

function readEnum<E extends string>(
  field: 'partyType' | 'idType' | 'severity',
  value: string | null,
  labels: Readonly<Record<E, readonly string[]>>,
  errors: FieldIssue[],
): E | null {
  if (value === null) return null;
  const parsed = parseLabelledEnum(value, labels);
  if (parsed === null) errors.push(invalidValueIssue(field, labelOf(field), value, allowedLabels(labels)));
  return parsed;
}

function allowedLabels(labels: Readonly<Record<string, readonly string[]>>): string[] {
  return Object.entries(labels).map(([code, names]) => `${names[0]}(${code})`);
}

interface Categories {
  /** Null when the list is missing or any item is unusable: the list is then unknown, not merely short. */
  values: PenaltyCategory[] | null;
  parsed: PenaltyCategory[];
}

function readCategories(raw: unknown, errors: FieldIssue[]): Categories {
  const field = 'penaltyCategories';
  if (raw === null || raw === undefined || (Array.isArray(raw) && raw.length === 0)) {
    errors.push(requiredIssue(field));
    return { values: null, parsed: [] };
  }
  if (!Array.isArray(raw)) {
    errors.push(issue(field, PenaltyIssueCode.INVALID_VALUE, '处罚类别应为列表', 'the penalty categories must be a list'));
    return { values: null, parsed: [] };
  }
  const parsed: PenaltyCategory[] = [];
  let complete = true;
  raw.forEach((item: unknown, index) => {
    const path = `${field}[${index}]`;
    const value = cleanLine(item === null || item === undefined ? null : String(item));
    const category = value === null ? null : parseLabelledEnum(value, PENALTY_CATEGORY_LABELS);
    if (value === null) {
      complete = false;
      errors.push(
        issue(path, PenaltyIssueCode.INVALID_VALUE, `处罚类别第${index + 1}项为空`, `penalty category ${index + 1} is empty`),
      );
    } else if (category === null) {
      complete = false;
      errors.push(invalidValueIssue(path, labelOf(field), value, allowedLabels(PENALTY_CATEGORY_LABELS)));
    } else if (parsed.includes(category)) {
      const first = parsed.indexOf(category) + 1;
      const zh = `处罚类别“${PENALTY_CATEGORY_LABELS[category][0]}”重复，与第${first}项相同`;
      const en = `penalty category ${category} is listed twice (see item ${first})`;
      errors.push(issue(path, PenaltyIssueCode.INCONSISTENT, zh, en));
    } else {
      parsed.push(category);
    }
  });
  return { values: complete ? parsed : null, parsed };
}

type AmountRead = { ok: true; amount: DecimalString | null } | { ok: false };

function readAmount(field: 'fineAmount' | 'confiscatedAmount', raw: unknown, errors: FieldIssue[]): AmountRead {
  // Strings get the code clean-up, so full-width digits and stray spaces from a spreadsheet cell still parse.
  const input = typeof raw === 'number' || raw === null || raw === undefined ? raw : cleanCode(String(raw));
  const parsed = parseAmount(input);
  if (!parsed.ok) {
    const message = describeAmountFailure(parsed.reason, labelOf(field));
    errors.push({ field, code: PenaltyIssueCode.INVALID_AMOUNT, message });
    return { ok: false };
  }
  // A zero amount means "none": spreadsheets put 0 in empty amount cells.
  return { ok: true, amount: parsed.amount === '0' ? null : parsed.amount };
}

function checkFine(categories: Categories, fine: AmountRead, errors: FieldIssue[]): void {
  if (!fine.ok) return;
  const hasFine = categories.parsed.includes(PenaltyCategory.FINE);
  if (hasFine && fine.amount === null) {
    const en = 'a FINE needs a fine amount above 0';
    errors.push(issue('fineAmount', PenaltyIssueCode.INCONSISTENT, '处罚类别含罚款时，罚款金额应大于0', en));
  }
  // Only when every category was understood: an unreadable item might be the fine itself.
  if (!hasFine && categories.values !== null && fine.amount !== null) {
    const en = 'a fine amount is given but FINE is not among the penalty categories';
    errors.push(issue('fineAmount', PenaltyIssueCode.INCONSISTENT, '处罚类别不含罚款，不应填写罚款金额', en));
  }
}

function checkDates(text: CleanText, today: IsoDate, errors: FieldIssue[]): void {
  let decision: IsoDate | null = text.decisionDate;
  if (decision !== null && !isIsoDate(decision)) {
    errors.push(invalidDateIssue('decisionDate', decision));
    decision = null;
  }
  if (decision !== null && decision > today) {
    const [zh, en] = [`处罚决定日期${decision}晚于今天${today}`, `the decision date ${decision} is after today, ${today}`];
    errors.push(issue('decisionDate', PenaltyIssueCode.INCONSISTENT, zh, en));
  } else if (decision !== null && decision < EARLIEST_DECISION_DATE) {
    const zh = `处罚决定日期${decision}早于${EARLIEST_DECISION_DATE}`;
    const en = `the decision date ${decision} is before ${EARLIEST_DECISION_DATE}, the earliest an administrative decision of the PRC can bear`;
    errors.push(issue('decisionDate', PenaltyIssueCode.INCONSISTENT, zh, en));
  }
  const act = text.actDate;
  if (act !== null && !isIsoDate(act)) errors.push(invalidDateIssue('actDate', act));
  else if (act !== null && decision !== null && act > decision) {
    const zh = `违法行为发生日期${act}晚于处罚决定日期${decision}`;
    const en = `the date of the act ${act} is after the decision date ${decision}`;
    errors.push(issue('actDate', PenaltyIssueCode.INCONSISTENT, zh, en));
  }
  for (const field of ['validUntil', 'publicUntil'] as const) {
    const value = text[field];
    if (value === null) continue;
    if (!isIsoDate(value)) errors.push(invalidDateIssue(field, value));
    else if (decision !== null && value < decision) {
      const label = labelOf(field);
      const zh = `${label.zh}${value}早于处罚决定日期${decision}`;
      const en = `${label.en} ${value} is before the decision date ${decision}`;
      errors.push(issue(field, PenaltyIssueCode.INCONSISTENT, zh, en));
    }
  }
}

function present<T>(value: T | null): T {
  if (value === null) throw new Error('invariant: validated value missing');
  return value;
}

// What the public may see of a published penalty decision, and masked how. Built field by field from an
// allow-list, so a field added to the source record stays private until someone decides otherwise.
import { maskPersonName } from '../identifiers/masking';
import { DecimalString, IdType, IsoDate, PartyType, PenaltyCategory } from '../penalty/penalty.types';
import { DisclosureDecision } from './disclosure.policy';
import { maskAddresses, scrubPersonalData } from './personal-data.scrub';

/** 个体工商户 without a USCC are reported with this sentinel; it identifies no one and is never shown. */
import { USCC_SENTINEL as NO_USCC_SENTINEL } from '../identifiers/uscc';

/** The stored penalty record as far as publication is concerned (双公示 data items). */
export interface DisclosureSourceRecord {
  partyType: PartyType;
  partyName: string; // 行政相对人名称
  uscc: string | null; // 统一社会信用代码
  legalRepresentative: string | null; // 法定代表人
  idType: IdType | null; // 证件类型 (legal representative's or natural person's)
  idNumber: string | null; // 证件号码: never public
  decisionNumber: string; // 行政处罚决定书文号
  violationType: string; // 违法行为类型
  violationFacts: string; // 违法事实
  legalBasis: string; // 处罚依据
  penaltyCategories: PenaltyCategory[]; // 处罚类别
  penaltyContent: string; // 处罚内容
  fineAmount: DecimalString | null; // 罚款金额（万元）
  confiscatedAmount: DecimalString | null; // 没收违法所得、没收非法财物的金额（万元）
  licenseInfo: string | null; // 暂扣或吊销证照名称及编号
  decisionDate: IsoDate; // 处罚决定日期
  authorityName: string; // 处罚机关
  authorityUscc: string; // 处罚机关统一社会信用代码
  remarks: string | null; // 备注
}

/** The public view: no ID type or number, masked natural persons, free text scrubbed. */
export interface PublicDisclosure {
  partyType: PartyType;
  partyName: string;
  uscc: string | null;
  legalRepresentative: string | null;
  decisionNumber: string;
  violationType: string;
  violationFacts: string;
  legalBasis: string;
  penaltyCategories: PenaltyCategory[];
  penaltyContent: string;
  fineAmount: DecimalString | null;
  confiscatedAmount: DecimalString | null;
  licenseInfo: string | null;
  decisionDate: IsoDate;
  authorityName: string;
  authorityUscc: string;
  remarks: string | null;
  publishedFrom: IsoDate;
  /** Last day shown (公示截止期). */
  publishedUntil: IsoDate;
}

/** Thrown when asked to project a record the policy decided not to publish: a caller bug, never a 404. */
export class NotPublishedError extends Error {
  readonly code = 'NOT_PUBLISHED';
  constructor(readonly reason: DisclosureDecision['notPublishedReason']) {
    super(`record is not published (${reason ?? 'unknown reason'})`);
  }
}

/**
 * Public projection of a published record. Organisations and individual businesses show name, USCC (null for
 * the sentinel), legal representative, decision and authority. Natural persons show only the masked name; the
 * full name and addresses are also masked inside free text. The ID number never appears, not even masked.
 */
export function publicProjection(record: DisclosureSourceRecord, decision: DisclosureDecision): PublicDisclosure {
  if (!decision.published || decision.publishedFrom === null || decision.publishedUntil === null) {
    throw new NotPublishedError(decision.notPublishedReason);
  }
  const person = record.partyType === PartyType.NATURAL_PERSON;
  const names = person ? [record.partyName] : [];
  const scrub = (text: string): string => {
    const scrubbed = scrubPersonalData(text, names);
    return person ? maskAddresses(scrubbed) : scrubbed;
  };
  const scrubNullable = (text: string | null): string | null => (text === null ? null : scrub(text));

  return {
    partyType: record.partyType,
    partyName: person ? maskPersonName(record.partyName) : record.partyName,
    uscc: person || record.uscc === null || record.uscc.toUpperCase() === NO_USCC_SENTINEL ? null : record.uscc,
    legalRepresentative: person ? null : record.legalRepresentative,
    decisionNumber: record.decisionNumber,
    violationType: record.violationType,
    violationFacts: scrub(record.violationFacts),
    legalBasis: record.legalBasis,
    penaltyCategories: [...record.penaltyCategories],
    penaltyContent: scrub(record.penaltyContent),
    fineAmount: record.fineAmount,
    confiscatedAmount: record.confiscatedAmount,
    licenseInfo: scrubNullable(record.licenseInfo),
    decisionDate: record.decisionDate,
    authorityName: record.authorityName,
    authorityUscc: record.authorityUscc,
    remarks: scrubNullable(record.remarks),
    publishedFrom: decision.publishedFrom,
    publishedUntil: decision.publishedUntil,
  };
}

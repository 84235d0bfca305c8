// The shapes around validation of one "双公示" 行政处罚 item: the raw draft as a department or a spreadsheet
// sends it, the normalised record that passes, and the key that identifies the penalised subject.
import {
  DecimalString,
  FieldIssue,
  IdType,
  IsoDate,
  PartyType,
  PenaltyCategory,
  Severity,
} from './penalty.types';

type Text = string | null | undefined;
type Amount = string | number | null | undefined;

/** Raw input: nothing is trusted, every field may be missing, enums may be codes or Chinese labels. */
export interface PenaltyRecordDraft {
  decisionNumber?: Text; // 行政处罚决定书文号
  partyName?: Text; // 行政相对人名称
  partyType?: Text; // 行政相对人类别
  uscc?: Text; // 统一社会信用代码
  registrationNumber?: Text; // 工商注册号 / 其他登记证号 (required with the sentinel USCC)
  legalRepresentative?: Text; // 法定代表人 / 经营者
  idType?: Text; // 证件类型 (the person's, or the legal representative's)
  idNumber?: Text; // 证件号码
  violationType?: Text; // 违法行为类型
  violationFacts?: Text; // 违法事实
  legalBasis?: Text; // 处罚依据
  penaltyCategories?: string[] | null; // 处罚类别
  penaltyContent?: Text; // 处罚内容
  fineAmount?: Amount; // 罚款金额（万元）
  confiscatedAmount?: Amount; // 没收违法所得、没收非法财物的金额（万元）
  licenseInfo?: Text; // 暂扣或吊销证照名称及编号
  decisionDate?: Text; // 处罚决定日期
  validUntil?: Text; // 处罚有效期
  publicUntil?: Text; // 公示截止期
  authorityName?: Text; // 处罚机关
  authorityUscc?: Text; // 处罚机关统一社会信用代码
  dataSourceName?: Text; // 数据来源单位
  dataSourceUscc?: Text; // 数据来源单位统一社会信用代码
  severity?: Text; // 轻微 / 一般 / 严重; derived when omitted
  remarks?: Text; // 备注
  actDate?: Text; // 违法行为发生日期 (optional): a natural person's age is judged on it
  partyAdultConfirmed?: boolean | null; // the department states the party was an adult (birth date unknown)
  publishMinor?: boolean | null; // publish a 轻微 penalty (2026 rule: at most 3 months)
  notRepairable?: boolean | null; // 特定严重失信 / excluded from early repair by law
}

/** Who the record is about. The PERSON key carries the plain ID number: the caller hashes it before storing. */
export type SubjectKey =
  | {
      kind: 'USCC';
      uscc: string;
      /** GB/T 2260 division of the registering authority (positions 3..8). */
      regionCode: string;
      /** Position 1, 登记管理部门: needed to read `category` (9 + 2 = 个体工商户, 5 + 2 = 民办非企业单位). */
      registrationAuthority: string;
      /** Position 2, 机构类别. */
      category: string;
    }
  | { kind: 'REGISTRATION'; registrationNumber: string }
  | { kind: 'PERSON'; idType: IdType; idNumber: string };

export interface ValidPenaltyRecord {
  decisionNumber: string;
  partyName: string;
  partyType: PartyType;
  /** Null for natural persons and for individual businesses reported with the sentinel. */
  uscc: string | null;
  registrationNumber: string | null;
  legalRepresentative: string | null;
  idType: IdType | null;
  idNumber: string | null;
  violationType: string;
  violationFacts: string;
  legalBasis: string;
  /** In the order given, no duplicates, at least one. */
  penaltyCategories: PenaltyCategory[];
  penaltyContent: string;
  /** Canonical 万元; null when not given or zero. */
  fineAmount: DecimalString | null;
  confiscatedAmount: DecimalString | null;
  licenseInfo: string | null;
  decisionDate: IsoDate;
  validUntil: IsoDate | null;
  publicUntil: IsoDate | null;
  authorityName: string;
  authorityUscc: string;
  dataSourceName: string | null;
  dataSourceUscc: string | null;
  severity: Severity;
  /** True when the department omitted severity and deriveSeverity filled it. */
  severityDerived: boolean;
  remarks: string | null;
  actDate: IsoDate | null;
  partyAdultConfirmed: boolean;
  publishMinor: boolean;
  notRepairable: boolean;
  subject: SubjectKey;
}

export type PenaltyValidationResult =
  | { ok: true; record: ValidPenaltyRecord; warnings: FieldIssue[] }
  | { ok: false; errors: FieldIssue[]; warnings: FieldIssue[] };

/** Stable codes a client can branch on; the message is for people. */
export const PenaltyIssueCode = {
  REQUIRED: 'REQUIRED',
  INVALID_USCC: 'INVALID_USCC',
  INVALID_ID_NUMBER: 'INVALID_ID_NUMBER',
  INVALID_DATE: 'INVALID_DATE',
  INVALID_AMOUNT: 'INVALID_AMOUNT',
  TOO_LONG: 'TOO_LONG',
  INVALID_VALUE: 'INVALID_VALUE',
  INCONSISTENT: 'INCONSISTENT',
  /** Warning only: the USCC passes its main check but the embedded organization code does not (pilot codes). */
  ORG_CODE_CHECK_MISMATCH: 'ORG_CODE_CHECK_MISMATCH',
  /** Warning only: a USCC's or resident ID's region code is not in the shipped GB/T 2260 table (codes change). */
  UNKNOWN_REGION_CODE: 'UNKNOWN_REGION_CODE',
} as const;
export type PenaltyIssueCode = (typeof PenaltyIssueCode)[keyof typeof PenaltyIssueCode];

/** Text fields of the draft, i.e. everything but the category list and the amounts. */
export type PenaltyTextField = Exclude<
  keyof PenaltyRecordDraft,
  'penaltyCategories' | 'fineAmount' | 'confiscatedAmount' | PenaltyFlagField
>;

/** Yes/no statements of the department; absent means false. */
export type PenaltyFlagField = 'partyAdultConfirmed' | 'publishMinor' | 'notRepairable';

/**
 * Maximum lengths in characters (code points, so one Chinese character counts as one), chosen above what
 * real decisions use and below what would let one item bloat a batch or an index entry.
 */
export const PENALTY_FIELD_MAX_LENGTHS: Readonly<Partial<Record<PenaltyTextField, number>>> = {
  decisionNumber: 128,
  partyName: 200,
  registrationNumber: 64,
  legalRepresentative: 200,
  idNumber: 64,
  violationType: 200,
  violationFacts: 4000,
  legalBasis: 2000,
  penaltyContent: 2000,
  licenseInfo: 500,
  authorityName: 200,
  dataSourceName: 200,
  remarks: 1000,
};

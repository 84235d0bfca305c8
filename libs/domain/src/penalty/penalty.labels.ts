// Chinese labels for the penalty enums: shown to people, and accepted as input because spreadsheets from
// departments carry 罚款 rather than FINE. The first label is the display one; the rest are accepted aliases.
import { IdType, PartyType, PenaltyCategory, Severity } from './penalty.types';

export const PARTY_TYPE_LABELS: Readonly<Record<PartyType, readonly string[]>> = {
  [PartyType.LEGAL_ENTITY]: ['法人及非法人组织', '法人和非法人组织', '法人', '非法人组织'],
  [PartyType.INDIVIDUAL_BUSINESS]: ['个体工商户'],
  [PartyType.NATURAL_PERSON]: ['自然人'],
};

export const ID_TYPE_LABELS: Readonly<Record<IdType, readonly string[]>> = {
  [IdType.RESIDENT_ID]: ['居民身份证', '身份证'],
  [IdType.PASSPORT]: ['护照'],
  [IdType.HK_MACAO_PERMIT]: ['港澳居民来往内地通行证'],
  [IdType.TAIWAN_PERMIT]: ['台湾居民来往大陆通行证'],
  [IdType.FOREIGN_PERMANENT_RESIDENT]: ['外国人永久居留身份证'],
  [IdType.OTHER]: ['其他'],
};

export const PENALTY_CATEGORY_LABELS: Readonly<Record<PenaltyCategory, readonly string[]>> = {
  [PenaltyCategory.WARNING]: ['警告'],
  [PenaltyCategory.CRITICISM]: ['通报批评'],
  [PenaltyCategory.FINE]: ['罚款'],
  [PenaltyCategory.CONFISCATE_ILLEGAL_GAINS]: ['没收违法所得'],
  [PenaltyCategory.CONFISCATE_ILLEGAL_PROPERTY]: ['没收非法财物'],
  [PenaltyCategory.SUSPEND_LICENSE]: ['暂扣许可证件', '暂扣许可证', '暂扣执照'],
  [PenaltyCategory.DOWNGRADE_QUALIFICATION]: ['降低资质等级'],
  [PenaltyCategory.REVOKE_LICENSE]: ['吊销许可证件', '吊销许可证', '吊销执照'],
  [PenaltyCategory.RESTRICT_OPERATIONS]: ['限制开展生产经营活动'],
  [PenaltyCategory.SUSPEND_PRODUCTION]: ['责令停产停业'],
  [PenaltyCategory.ORDER_CLOSURE]: ['责令关闭'],
  [PenaltyCategory.RESTRICT_PRACTICE]: ['限制从业'],
  [PenaltyCategory.DETENTION]: ['行政拘留'],
  [PenaltyCategory.OTHER]: ['其他'],
};

export const SEVERITY_LABELS: Readonly<Record<Severity, readonly string[]>> = {
  [Severity.MINOR]: ['轻微'],
  [Severity.GENERAL]: ['一般'],
  [Severity.SERIOUS]: ['严重'],
};

/**
 * Reads an enum value from its code (case-insensitive: "fine", "FINE") or any of its Chinese labels; null when
 * nothing matches. The input is expected trimmed.
 */
export function parseLabelledEnum<E extends string>(
  value: string,
  labels: Readonly<Record<E, readonly string[]>>,
): E | null {
  const index = labelIndexOf(labels);
  // The first entry, in the table's order, whose code or one of whose labels matches: as a scan would find.
  const byCode = index.byCode.get(value.toUpperCase());
  const byLabel = index.byLabel.get(value);
  if (byCode === undefined) return byLabel === undefined ? null : (index.codes[byLabel] as E);
  return (index.codes[byLabel === undefined ? byCode : Math.min(byCode, byLabel)] as E);
}

interface LabelIndex {
  codes: string[];
  /** Code → its position in the table. */
  byCode: Map<string, number>;
  /** Label → the position of the first entry that lists it. */
  byLabel: Map<string, number>;
}

// Built once per table: parsing runs for several fields of every pushed record, and a scan of the table's
// entries allocated them afresh each time.
const LABEL_INDEXES = new WeakMap<object, LabelIndex>();

function labelIndexOf(labels: Readonly<Record<string, readonly string[]>>): LabelIndex {
  let index = LABEL_INDEXES.get(labels);
  if (!index) {
    const entries = Object.entries(labels);
    index = { codes: entries.map(([code]) => code), byCode: new Map(), byLabel: new Map() };
    for (const [position, [code, names]] of entries.entries()) {
      if (!index.byCode.has(code)) index.byCode.set(code, position);
      for (const name of names) if (!index.byLabel.has(name)) index.byLabel.set(name, position);
    }
    LABEL_INDEXES.set(labels, index);
  }
  return index;
}

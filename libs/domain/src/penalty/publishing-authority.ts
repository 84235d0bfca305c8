// 处罚机关: a department publishes decisions only as itself, or as an authority an admin has let it report
// for. A record that leaves the authority out is the department's own decision. Pure, so the rule is tested
// as a table; the ingest applies it to every item of a batch with the list read once.
import type { FieldIssue } from './penalty.types';
import type { PenaltyRecordDraft, ValidPenaltyRecord } from './penalty-record.types';
import { cleanCode, cleanLine } from './penalty-record.normalize';

export interface PublishingAuthority {
  uscc: string;
  name: string;
  /** The pushing department itself; the others are admin grants. */
  own: boolean;
}

export const AUTHORITY_NOT_ALLOWED = 'AUTHORITY_NOT_ALLOWED';

/**
 * The draft with a missing authority filled in: both fields blank → the department itself; one field given →
 * the other taken from the allowed authority it names. When the one given names no allowed authority, the
 * draft stays as sent and `issue` says so (the other field's REQUIRED would hide the real reason).
 */
export function fillPublishingAuthority(draft: PenaltyRecordDraft, allowed: readonly PublishingAuthority[]): { draft: PenaltyRecordDraft; issue: FieldIssue | null } {
  const uscc = cleanCode(draft.authorityUscc);
  const name = cleanLine(draft.authorityName);
  if (uscc !== null && name !== null) return { draft, issue: null };
  const match =
    uscc !== null ? allowed.find((authority) => authority.uscc === uscc)
    : name !== null ? allowed.find((authority) => cleanLine(authority.name) === name)
    : allowed.find((authority) => authority.own);
  if (!match) return { draft, issue: notAllowed(uscc !== null ? 'authorityUscc' : 'authorityName', uscc ?? name ?? '') };
  return { draft: { ...draft, authorityUscc: match.uscc, authorityName: match.name }, issue: null };
}

/** Null when the record's authority is one the department may publish as; else the item's error. */
export function checkPublishingAuthority(record: Pick<ValidPenaltyRecord, 'authorityUscc' | 'authorityName'>, allowed: readonly PublishingAuthority[]): FieldIssue | null {
  const match = allowed.find((authority) => authority.uscc === record.authorityUscc);
  if (!match) return notAllowed('authorityUscc', record.authorityUscc);
  if (cleanLine(match.name) !== record.authorityName) {
    return {
      field: 'authorityName',
      code: AUTHORITY_NOT_ALLOWED,
      message: `处罚机关名称应为“${match.name}”，与其统一社会信用代码登记的名称一致（the authority name must be the one registered for its USCC: ${match.name}）`,
    };
  }
  return null;
}

function notAllowed(field: 'authorityUscc' | 'authorityName', value: string): FieldIssue {
  return {
    field,
    code: AUTHORITY_NOT_ALLOWED,
    message: `处罚机关 ${value} 不是本部门，也不是本部门获准代为报送的机关（the deciding authority is neither this department nor one an administrator allowed it to report for）`,
  };
}

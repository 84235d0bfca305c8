// The sharing rule of libs/domain/src/disclosure/sharing.policy.ts as a SQL condition, generated from the
// publication rule table so the two cannot drift (an agreement test runs both). Values are checked before they
// enter the text; the viewer's department and today are parameters.
import { DISCLOSURE_RULE_SETS, isIsoDate, Severity, sharingMonths } from '@credit/domain';

const SEVERITIES = [Severity.MINOR, Severity.GENERAL, Severity.SERIOUS] as const;

function months(value: number): number {
  if (!Number.isInteger(value) || value < 0 || value > 1200) throw new RangeError(`bad month count ${value}`);
  return value;
}

function date(value: string): string {
  if (!isIsoDate(value)) throw new RangeError(`bad date ${value}`);
  return value;
}

/** SQL date: the last day a record of alias `r` is shared (decision date + the longest period of its rule). */
export function sharedUntilSql(r = 'r'): string {
  const branches = DISCLOSURE_RULE_SETS.map((set) => {
    const bySeverity = SEVERITIES.map((s) => `WHEN '${s}' THEN ${months(sharingMonths(set, s))}`).join(' ');
    const monthsExpr = `CASE ${r}.severity ${bySeverity} ELSE ${months(set.periods.GENERAL.maxMonths)} END`;
    return set.effectiveTo === null ? `ELSE ${monthsExpr}` : `WHEN ${r}.decision_date <= DATE '${date(set.effectiveTo)}' THEN ${monthsExpr}`;
  });
  if (!branches[branches.length - 1].startsWith('ELSE')) branches.push('ELSE 0');
  return `(${r}.decision_date + make_interval(months => (CASE ${branches.join(' ')} END)::int))::date`;
}

/**
 * True for a row another department or a regulator may see: active, not repaired on or before `today`, and
 * within its longest period. `$viewer` is the viewing department's id (null for people), `$today` China's date.
 */
export function visibleToViewerSql(viewerParam: string, todayParam: string, r = 'r'): string {
  return `(${r}.department_id = ${viewerParam}::bigint OR (${r}.status = 'ACTIVE'
    AND (${r}.repaired_on IS NULL OR ${r}.repaired_on > ${todayParam}::date)
    AND ${sharedUntilSql(r)} >= ${todayParam}::date))`;
}

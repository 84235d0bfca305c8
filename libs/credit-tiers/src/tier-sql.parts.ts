// SQL fragments of the tier evaluation generated from the rule-set data (tier-sql.builder.ts assembles them):
// literals, the record-level expressions (points, windows, bands, labels), the select of the records that matter
// on a date, and the inspection-result parts of rule sets that count them.
import {
  CreditTier,
  InspectionResultCategory,
  inspectionResultLabel,
  PENALTY_CATEGORY_LABELS_ZH,
  SEVERITY_LABELS_ZH,
  Severity,
  TierRuleSet,
} from '@credit/domain';

export const LEVELS: readonly CreditTier[] = [CreditTier.A, CreditTier.B, CreditTier.C, CreditTier.D];

// What String.prototype.trim() removes (WhiteSpace + LineTerminator): a violation type made only of these is
// blank for the evaluator, so the SQL must strip exactly the same characters (btrim alone strips only ' ').
export const JS_TRIM_CHARS = [
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007,
  0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff,
]
  .map((code) => String.fromCharCode(code))
  .join('');

/** A SQL string literal (standard_conforming_strings: only the quote needs doubling). */
export function sqlText(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

export function sqlInt(value: number): string {
  if (!Number.isInteger(value)) throw new RangeError(`tier rule number is not an integer: ${value}`);
  return String(value);
}

export function sqlDecimal(value: string): string {
  if (!/^\d+(\.\d+)?$/.test(value)) throw new RangeError(`tier rule amount is not a plain decimal: ${value}`);
  return `${value}::numeric`;
}

export function caseOf(expression: string, pairs: [string, string][], otherwise = 'NULL'): string {
  if (pairs.length === 0) return otherwise;
  return `CASE ${expression} ${pairs.map(([when, then]) => `WHEN ${when} THEN ${then}`).join(' ')} ELSE ${otherwise} END`;
}

/** Record-level expressions over an alias with columns severity, categories, amount, decision_date. */
export function recordExpressions(rules: TierRuleSet) {
  const severities = Object.keys(rules.pointsBySeverity) as Severity[];
  const windowEnd = (date: string, severity: string) =>
    caseOf(severity, severities.map((s) => [sqlText(s), `(${date} + interval '${sqlInt(rules.windowsMonths[s])} months')::date`]));
  const cap = rules.overrides.seriousCap;
  const capEnd = (date: string) => `(${date} + interval '${sqlInt(cap.withinMonths)} months')::date`;

  // evaluateTier takes the first entry with the strictly largest points: a stable sort by points, descending.
  const surcharges = rules.categorySurcharges
    .map((entry, index) => ({ ...entry, index }))
    .filter((entry) => entry.points > 0)
    .sort((a, b) => b.points - a.points || a.index - b.index);
  // Bands by their edge, highest first; the band is chosen even when its points are 0 (then no reason).
  const bands = rules.fineBands
    .map((band, index) => ({ ...band, index, edge: Number(band.minAmount) }))
    .sort((a, b) => b.edge - a.edge || a.index - b.index);

  return {
    severities,
    windowEnd,
    capEnd,
    severityPoints: (severity: string) => caseOf(severity, severities.map((s) => [sqlText(s), sqlInt(rules.pointsBySeverity[s])]), '0'),
    severityLabel: (severity: string) => caseOf(severity, severities.map((s) => [sqlText(s), jsonInner(SEVERITY_LABELS_ZH[s] ?? s)]), 'NULL'),
    category: (categories: string) =>
      surcharges.length === 0 ? 'NULL::text' : `CASE ${surcharges.map((s) => `WHEN ${sqlText(s.category)} = ANY(${categories}) THEN ${sqlText(s.category)}`).join(' ')} END`,
    categoryPoints: (category: string) => caseOf(category, surcharges.map((s) => [sqlText(s.category), sqlInt(s.points)]), '0'),
    categoryLabel: (category: string) => caseOf(category, surcharges.map((s) => [sqlText(s.category), jsonInner(PENALTY_CATEGORY_LABELS_ZH[s.category] ?? s.category)])),
    band: (amount: string) => (bands.length === 0 ? 'NULL::int' : `CASE ${bands.map((b) => `WHEN ${amount} >= ${sqlDecimal(b.minAmount)} THEN ${b.index}`).join(' ')} END`),
    bandPoints: (band: string) => caseOf(band, bands.map((b) => [String(b.index), sqlInt(b.points)]), '0'),
    bandCode: (band: string) => caseOf(band, bands.map((b) => [String(b.index), jsonInner(b.code)])),
    bandEdge: (band: string) => caseOf(band, bands.map((b) => [String(b.index), jsonInner(b.minAmount)])),
  };
}

/**
 * SELECT of the records that count on $1, or whose dates still matter, from `source` (penalty_records as r,
 * possibly behind a lateral lookup) restricted by `subjectPredicate`.
 */
export function relevantFromPenaltyRecords(rules: TierRuleSet, source: string, subjectPredicate: string): string {
  const x = recordExpressions(rules);
  const cap = rules.overrides.seriousCap;
  // revokedOn = the China calendar date of revoked_at (UTC+8, as todayInChina); REVOKED without a time is gone.
  const revokedOn = `CASE WHEN r.status = 'REVOKED' THEN coalesce((r.revoked_at AT TIME ZONE INTERVAL '+08:00')::date, '-infinity'::date) END`;
  const later = (date: string) => `CASE WHEN ${date} > $1::date THEN ${date} END`;
  return `
    SELECT r.id, r.subject_id, r.decision_number, r.severity, r.penalty_categories AS categories,
           coalesce(r.fine_amount, 0) + coalesce(r.confiscated_amount, 0) AS amount,
           r.violation_type, r.decision_date,
           (r.decision_date <= $1::date AND $1::date < f.window_end) AS counting,
           LEAST(${later('f.revoked_on')}, ${later('r.repaired_on')}, ${later('r.decision_date')}, ${later('f.window_end')},
                 CASE WHEN r.severity = ${sqlText(cap.severity)} THEN ${later('f.cap_end')} END) AS next_date
      FROM ${source}
     CROSS JOIN LATERAL (SELECT ${revokedOn} AS revoked_on, ${x.windowEnd('r.decision_date', 'r.severity')} AS window_end,
                                ${x.capEnd('r.decision_date')} AS cap_end) f
     WHERE ${subjectPredicate}
       AND (f.revoked_on IS NULL OR f.revoked_on > $1::date)
       AND (r.repaired_on IS NULL OR r.repaired_on > $1::date)
       AND (f.window_end > $1::date OR f.revoked_on > $1::date OR r.repaired_on > $1::date)`;
}

/**
 * A FROM item, aliased o, holding the rows of a per-subject table (subject_id column) that belong to the subjects
 * being evaluated: the read-your-writes path looks each subject up (an index lookup per subject), a chunk of the
 * full run takes its id range.
 */
export type SubjectRowsOf = (table: string) => string;

/** A fixed text as the inside of a JSON string (labels and rule words from the rule data). */
export function jsonInner(value: string): string {
  return sqlText(JSON.stringify(value).slice(1, -1));
}

/** SQL for the inside of a JSON string holding the text expression `expression` (user data: escaped). */
export function jsonEscaped(expression: string): string {
  // left(…, -1) drops the closing quote, so the value is encoded once.
  return `left(substr(to_json(${expression})::text, 2), -1)`;
}

/**
 * Inspection results (双随机、一公开) that count on $1, for rule sets with `inspectionResults` (inspectionDeduction of
 * @credit/domain): the set's rows of inspection_results, read as the overrides are (`rowsOf`).
 * Empty strings for a rule set without them, so its SQL stays exactly as before.
 */
export function inspectionParts(rules: TierRuleSet, rowsOf: SubjectRowsOf) {
  const inspection = rules.inspectionResults;
  const pointed = inspection ? (Object.entries(inspection.points) as [InspectionResultCategory, number][]).filter(([, points]) => points > 0) : [];
  if (!inspection || pointed.length === 0) return { ctes: '', subjectColumns: '', subjectJoin: '', subjectExtra: '', fragments: '', nextSource: 'rel' };
  const windowEnd = `(o.inspected_on + interval '${sqlInt(inspection.windowMonths)} months')::date`;
  const ctes = `
  insp AS (
    SELECT o.subject_id, o.id, o.category, o.inspected_on, p.name AS plan_name, ${windowEnd} AS window_end,
           ${caseOf('o.category', pointed.map(([category, points]) => [sqlText(category), sqlInt(points)]), '0')} AS points,
           ${caseOf('o.category', pointed.map(([category]) => [sqlText(category), jsonInner(inspectionResultLabel(category))]))} AS label_json
      FROM ${rowsOf('inspection_results')} JOIN inspection_plans p ON p.id = o.plan_id
     WHERE o.category IN (${pointed.map(([category]) => sqlText(category)).join(', ')})
       AND o.inspected_on <= $1::date AND $1::date < ${windowEnd}
  ),
  insp_subjects AS (SELECT subject_id, sum(points)::int AS points FROM insp GROUP BY subject_id),`;
  const fragments = `
    UNION ALL
    SELECT i.subject_id, i.inspected_on, 2, i.plan_name, i.id::text, i.points, false,
           '{"code":"INSPECTION_' || i.category || '","description":"' || ${jsonInner('双随机抽查“')} || ${jsonEscaped('i.plan_name')} || ${jsonInner('”结果：')}
           || i.label_json || ' 扣' || i.points || '分","points":' || i.points || ',"recordId":null,"decisionNumber":null,"listingId":null}'
      FROM insp i`;
  return {
    ctes,
    // The 12-month cap is stated when it lowers the level the whole score gives, inspection points included.
    // Joined once per record (a hash join), not a subquery in the CASE: that scanned insp_subjects once per
    // capping record and per level test (records × inspection results per chunk).
    subjectColumns: ', coalesce(ii.points, 0) AS inspection_pts',
    subjectJoin: ' LEFT JOIN insp_subjects ii ON ii.subject_id = p.subject_id',
    subjectExtra: ' + p.inspection_pts',
    fragments,
    nextSource: '(SELECT subject_id, next_date FROM rel UNION ALL SELECT subject_id, window_end FROM insp) n',
  };
}

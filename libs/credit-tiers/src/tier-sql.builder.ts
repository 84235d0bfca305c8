// Generates the set-based tier SQL from the rule-set DATA (TierRuleSet), so the numbers live in one place and
// the SQL cannot drift from evaluateTier: the agreement test (tier-sql.agreement.int-spec.ts) checks level,
// score and every reason of random subjects against the pure evaluator.
//
// Shape of one evaluation (all subjects of a set at once, one statement):
//   rel      records that count on asOf, or whose dates can still change the result (next review date)
//   scored   per counted record: severity points, the single largest category surcharge, the highest fine
//            band, the repeat flag (a window over the subject's records of the same violation type), cap flag
//   agg      per subject: Σ points, capped?      listed: active overrides (严重失信名单 → D)
//   reasons  one JSON object per deduction, ordered like evaluateTier (date, group, key, rule)
import {
  capReasonCode,
  OVERRIDE_LISTED,
  REPEAT_OFFENCE,
  SEVERITY_LABELS_ZH,
  TierRuleSet,
} from '@credit/domain';
import { preparedStatementName } from '@credit/db';
import { inspectionParts, JS_TRIM_CHARS, jsonEscaped, jsonInner, LEVELS, recordExpressions, relevantFromPenaltyRecords, sqlInt, sqlText, SubjectRowsOf } from './tier-sql.parts';

export { sqlText } from './tier-sql.parts';

/** The SQL texts for one rule set. Parameters are listed per statement. */
export interface TierSqlSet {
  ruleVersion: string;
  /** $1 asOf date, $2 subject ids bigint[], $3 cause. Writes every subject of the set (read-your-writes path). */
  fresh: string;
  /**
   * The name `fresh` is prepared under on each connection. Planning it took ~3.4 ms of a ~40 ms batch; its plan
   * does not depend on the ids (every table is reached by a per-subject lookup), so after five calls PostgreSQL may
   * keep the generic one (its cost estimate decides): 17 against 22 ms per batch of 950 subjects, side by side.
   */
  freshName: string;
  /** $1 region LIKE prefix or null. Fills tier_stage_subjects (snapshot of each tier row's xmin). */
  stageSubjects: string;
  /**
   * $1 asOf date, $2 region prefix or null, $3 first page, $4 page to stop before (null: to the end). Fills
   * tier_stage_records with the records of that page range (a TID range scan) that matter on asOf, so two
   * sessions can each scan half of penalty_records.
   */
  stageRecords: string;
  /** $1 asOf date, $2 lowest and $3 highest subject id of the chunk, $4 cause. Writes only changed rows. */
  chunk: string;
}

/**
 * The evaluation CTEs, given `subjects` (subject_id, region_code, subject_type, seen_xmin, seen_exists) and
 * `rel` (the relevant-records select), where the set's rows of a per-subject table are read from (`rowsOf`, for
 * the overrides and the inspection results) and the join that brings each result row r its stored tier t (both
 * restricted to the set, so no scan of the whole table). Ends with CTE `cur` (new and stored values side by side).
 *
 * Reasons are built as JSON text, one fragment per record (its reasons in rule order) and one per listing,
 * joined in evaluateTier's order and cast to json once per subject (validated and stored as written): about
 * twice as fast as jsonb_build_object per reason, and a cast to jsonb would parse it all again (a fifth of a first
 * full run). User text (decision numbers, violation types, override texts) goes through to_json for escaping.
 */
function evaluationCtes(rules: TierRuleSet, rowsOf: SubjectRowsOf, tierJoin: string): string {
  const x = recordExpressions(rules);
  const cap = rules.overrides.seriousCap;
  const { thresholds } = rules;
  const capBetter = LEVELS.slice(0, LEVELS.indexOf(cap.maxLevel)).map(sqlText).join(', ') || 'NULL';
  const listedLevel = rules.overrides.listed.level;
  const levelOf = (score: string) =>
    `CASE WHEN ${score} >= ${sqlInt(thresholds.A)} THEN 'A' WHEN ${score} >= ${sqlInt(thresholds.B)} THEN 'B' WHEN ${score} >= ${sqlInt(thresholds.C)} THEN 'C' ELSE 'D' END`;
  // One reason object as JSON text; `description` is SQL yielding the inside of the JSON string.
  const reason = (code: string, description: string, points: string) =>
    `'{"code":"' || ${code} || '","description":"' || ${description} || '","points":' || ${points} || ',"recordId":"' || p.id || '","decisionNumber":"' || p.dn_json || '","listingId":null}'`;
  const deduct = (points: string) => ` || ' ' || p.dn_json || ' 扣' || ${points} || '分'`;
  const prevDn = `split_part(substr(p.prev_key, 11), chr(1), 1)`;
  const insp = inspectionParts(rules, rowsOf);
  return `
  counted AS (SELECT * FROM rel WHERE counting),${insp.ctes}
  scored AS (
    SELECT c.id, c.subject_id, c.decision_number, c.severity, c.violation_type, c.decision_date, c.amount,
           ${x.severityPoints('c.severity')} AS sev_pts,
           ${x.category('c.categories')} AS cat,
           ${x.band('c.amount')} AS band,
           CASE WHEN btrim(c.violation_type, ${sqlText(JS_TRIM_CHARS)}) <> ''
                THEN max((c.decision_date::text || c.decision_number || chr(1) || c.id::text) COLLATE "C") OVER w END AS prev_key,
           (c.severity = ${sqlText(cap.severity)} AND $1::date < ${x.capEnd('c.decision_date')}) AS capping
      FROM counted c
    WINDOW w AS (PARTITION BY c.subject_id, c.violation_type ORDER BY c.decision_date
                 RANGE BETWEEN interval '${sqlInt(rules.repeat.lookbackMonths)} months' PRECEDING AND interval '1 day' PRECEDING)
  ),
  pts AS (
    SELECT s.*, ${x.categoryPoints('s.cat')} AS cat_pts, ${x.bandPoints('s.band')} AS band_pts,
           CASE WHEN s.prev_key IS NOT NULL THEN ${sqlInt(rules.repeat.points)} ELSE 0 END AS rep_pts,
           ${jsonEscaped('s.decision_number')} AS dn_json
      FROM scored s
  ),
  ovr AS (SELECT o.subject_id, o.source_id, o.code, o.description, o.active_from, o.active_to FROM ${rowsOf('subject_tier_overrides')}),
  ovr_subjects AS (
    SELECT subject_id, bool_or(active_from <= $1::date AND (active_to IS NULL OR active_to > $1::date)) AS is_listed,
           min(LEAST(CASE WHEN active_from > $1::date THEN active_from END, CASE WHEN active_to > $1::date THEN active_to END)) AS next_date
      FROM ovr GROUP BY subject_id
  ),
  -- Subject totals by a window over the same order (no second sort), so each record knows whether the
  -- 12-month cap is stated: only when it lowers the level and the subject is not listed.
  subject_pts AS (
    SELECT p.*, sum(p.sev_pts + p.cat_pts + p.band_pts + p.rep_pts) OVER s AS subject_deducted, bool_or(p.capping) OVER s AS subject_capped${insp.subjectColumns}
      FROM pts p${insp.subjectJoin} WINDOW s AS (PARTITION BY p.subject_id)
  ),
  fragments AS (
    SELECT p.subject_id, p.decision_date AS d, 0 AS grp, p.decision_number AS k1, p.id::text AS k2,
           p.sev_pts + p.cat_pts + p.band_pts + p.rep_pts AS points, p.capping,
           ${reason(`'PENALTY_' || p.severity`, `${x.severityLabel('p.severity')} || '处罚'${deduct('p.sev_pts')}`, 'p.sev_pts')}
           || CASE WHEN p.cat_pts > 0 THEN ',' || ${reason(`'CATEGORY_' || p.cat`, `'处罚种类“' || ${x.categoryLabel('p.cat')} || '”'${deduct('p.cat_pts')}`, 'p.cat_pts')} ELSE '' END
           || CASE WHEN p.band_pts > 0 THEN ',' || ${reason(
             x.bandCode('p.band'),
             `'罚没金额合计' || trim_scale(p.amount)::text || '万元（达到' || ${x.bandEdge('p.band')} || '万元档）'${deduct('p.band_pts')}`,
             'p.band_pts',
           )} ELSE '' END
           || CASE WHEN p.rep_pts > 0 THEN ',' || ${reason(
             sqlText(REPEAT_OFFENCE),
             `${jsonInner(`${rules.repeat.lookbackMonths}个月内同类违法再次受罚（`)} || ${jsonEscaped('p.violation_type')} || '，前次 ' || ${jsonEscaped(prevDn)} || '）'${deduct('p.rep_pts')}`,
             'p.rep_pts',
           )} ELSE '' END
           || CASE WHEN p.capping AND NOT coalesce(o.is_listed, false)
                        AND ${levelOf(`greatest(0, ${sqlInt(rules.startScore)} - (p.subject_deducted${insp.subjectExtra}))`)} IN (${capBetter})
                   THEN ',' || ${reason(
                     sqlText(capReasonCode(rules)),
                     `${jsonInner(`${cap.withinMonths}个月内受${SEVERITY_LABELS_ZH[cap.severity]}处罚 `)} || p.dn_json || ${jsonInner(`，分类最高为${cap.maxLevel}`)}`,
                     '0',
                   )} ELSE '' END AS frag
      FROM subject_pts p LEFT JOIN ovr_subjects o ON o.subject_id = p.subject_id
    UNION ALL
    SELECT l.subject_id, l.active_from, 1, l.code, l.source_id, 0, false,
           '{"code":"' || ${jsonInner(OVERRIDE_LISTED)} || '","description":"' || ${jsonInner('列入严重失信主体名单：')} || ${jsonEscaped('l.description')}
           || '（' || ${jsonEscaped('l.code')} || ${jsonInner(`），分类为${listedLevel}`)} || '","points":0,"recordId":null,"decisionNumber":null,"listingId":'
           || to_json(l.source_id)::text || '}'
      FROM ovr l WHERE l.active_from <= $1::date AND (l.active_to IS NULL OR l.active_to > $1::date)${insp.fragments}
  ),
  per_subject AS (
    SELECT subject_id, sum(points) AS deducted, bool_or(capping) AS capped,
           ('[' || string_agg(frag, ',' ORDER BY d, grp, k1 COLLATE "C", k2 COLLATE "C") || ']')::json AS reasons
      FROM fragments GROUP BY subject_id
  ),
  nexts AS (SELECT subject_id, min(next_date) AS next_date FROM ${insp.nextSource} GROUP BY subject_id),
  result AS (
    SELECT s.subject_id, s.region_code, s.subject_type, s.seen_xmin, s.seen_exists, v.score,
           CASE WHEN coalesce(o.is_listed, false) THEN ${sqlText(listedLevel)}
                WHEN coalesce(a.capped, false) AND ${levelOf('v.score')} IN (${capBetter}) THEN ${sqlText(cap.maxLevel)}
                ELSE ${levelOf('v.score')} END AS level,
           coalesce(a.reasons, '[]'::json) AS reasons,
           LEAST(n.next_date, o.next_date) AS next_review_on
      FROM subjects s
      LEFT JOIN per_subject a ON a.subject_id = s.subject_id
      LEFT JOIN nexts n ON n.subject_id = s.subject_id
      LEFT JOIN ovr_subjects o ON o.subject_id = s.subject_id
     CROSS JOIN LATERAL (SELECT greatest(0, ${sqlInt(rules.startScore)} - coalesce(a.deducted, 0))::int AS score) v
  ),
  -- Reasons are compared as the text they were written as (generated the same way from the same inputs), and as
  -- jsonb only when the texts differ: a row stored before reasons were json has jsonb's spacing and key order, the
  -- same reasons in another text. Such a row is not a change (no history row); the full run rewrites it (rewrite).
  cur AS (
    SELECT r.*, t.level AS old_level, t.next_review_on AS old_next, t.reasons AS old_reasons, (t.subject_id IS NOT NULL) AS existed,
           (t.reasons::text <> r.reasons::text) AS rewrite,
           CASE WHEN t.subject_id IS NOT NULL
                THEN (t.level, t.score::int, t.rule_version) IS DISTINCT FROM (r.level, r.score, ${sqlText(rules.version)}::varchar)
                     OR ${reasonsDiffer('t.reasons', 'r.reasons')}
                ELSE NOT (r.level = 'A' AND r.score = ${sqlInt(rules.startScore)} AND r.reasons::text = '[]') END AS tier_changed
      FROM result r ${tierJoin}
  )`;
}

/**
 * A stored row of `cur` (as alias `d`) holds something other than what was just computed: its assessment, its
 * reason text or its review date. Both write modes write such rows and only those (the read-your-writes path also
 * a changed region or subject type, which it sets too).
 */
function storedRowDiffers(d: string): string {
  return `(${d}.tier_changed OR ${d}.rewrite OR ${d}.next_review_on IS DISTINCT FROM ${d}.old_next)`;
}

/** Two json reasons values differ: their texts first (cheap), jsonb equality only when those differ. */
function reasonsDiffer(stored: string, computed: string): string {
  return `(${stored}::text <> ${computed}::text AND ${stored}::jsonb <> ${computed}::jsonb)`;
}

/**
 * The history and summary tail shared by both write modes. `writtenDiff` is the FROM clause of the rows of
 * `diff` that may have been written, as d: the tail reads only those whose tier changed, and both modes write every
 * such row (apart from those the chunk's guard skips, which is why the chunk passes only the written ones);
 * `closed` is the statement that ends the open history row of every written subject whose tier changed.
 *
 * Reasons are stored once: the open history row (valid_to NULL) has none, they are the subject_tiers row's;
 * closing it copies them from that row as it was before this statement (d.old_reasons). Closing writes a new
 * version of the history row anyway, so the copy costs no extra row; the open row is ~900 → ~150 bytes.
 */
function historyTail(rules: TierRuleSet, causeParam: string, writtenDiff: string, closed: string): string {
  return `,
  closed AS (${closed}),
  opened AS (
    INSERT INTO subject_tier_history (subject_id, level, score, rule_version, cause, valid_from)
    SELECT d.subject_id, d.level, d.score, ${sqlText(rules.version)}, ${causeParam}, now()
      FROM ${writtenDiff}
     WHERE d.tier_changed
    RETURNING id
  )
  SELECT (SELECT count(*) FROM written)::int AS written,
         (SELECT count(*) FROM opened)::int AS changed,
         (SELECT count(*) FROM closed)::int AS closed,
         coalesce((SELECT jsonb_agg(jsonb_build_object('from', t.from_level, 'to', t.to_level, 'count', t.n))
                     FROM (SELECT coalesce(d.old_level, 'A') AS from_level, d.level AS to_level, count(*)::int AS n
                             FROM ${writtenDiff}
                            WHERE d.tier_changed AND coalesce(d.old_level, 'A') <> d.level
                            GROUP BY 1, 2) t), '[]'::jsonb) AS transitions`;
}

const TIER_COLUMNS = 'subject_id, level, score, rule_version, reasons, computed_at, next_review_on, changed_at, region_code, subject_type';

export function buildTierSql(rules: TierRuleSet): TierSqlSet {
  const version = sqlText(rules.version);

  // A batch names ~1,000 subjects among millions: every table is reached through a per-subject index lookup
  // (LATERAL … OFFSET 0 cannot be flattened into a join), never a scan, whatever the planner estimates. At a
  // few hundred thousand rows it otherwise prefers hash joins over sequential scans, ~10× slower here.
  const lookup = (table: string, alias: string, condition: string, columns = `${alias}.*`) =>
    `(SELECT ${columns} FROM ${table} ${alias} WHERE ${condition} OFFSET 0)`;
  // A per-subject table's rows of the batch's subjects, as `alias`: the records, the overrides, the inspection results.
  const ofEachSubject = (table: string, alias: string) => `ids CROSS JOIN LATERAL ${lookup(table, alias, `${alias}.subject_id = ids.id`)} ${alias}`;
  const fresh = `
  WITH ids AS (SELECT DISTINCT id FROM unnest($2::bigint[]) AS b(id)),
  -- Materialized: inlined, the planner joins the overrides inside the per-subject loop (a hash built per subject).
  subjects AS MATERIALIZED (
    SELECT s.id AS subject_id, s.region_code, s.subject_type, NULL::xid AS seen_xmin, NULL::boolean AS seen_exists
      FROM ids CROSS JOIN LATERAL ${lookup('credit_subjects', 's', 's.id = ids.id', 's.id, s.region_code, s.subject_type')} s
  ),
  rel AS (${relevantFromPenaltyRecords(rules, ofEachSubject('penalty_records', 'r'), 'true')}),
  ${evaluationCtes(rules, (table) => ofEachSubject(table, 'o'), `LEFT JOIN LATERAL ${lookup('subject_tiers', 't', 't.subject_id = r.subject_id')} t ON true`)},
  diff AS (SELECT * FROM cur),
  -- Stored rows are updated in place; an INSERT … ON CONFLICT would first lock each one (a WAL record more). Only
  -- rows with something to change, as the full run does: in an ingest many subjects already stored keep their
  -- assessment, and rewriting them unchanged was a new row version through five indexes each (two batches of
  -- bench/ingest/profile.ts updated 227 and 229 rows instead of 343 and 431). A full run that staged before this
  -- statement then finds such a row as it staged it, and leaves it as it is too: without the new record its
  -- evaluation gives the same assessment.
  updated AS (
    UPDATE subject_tiers t
       SET level = d.level, score = d.score, rule_version = ${version}, reasons = d.reasons, computed_at = now(),
           next_review_on = d.next_review_on, changed_at = CASE WHEN d.tier_changed THEN now() ELSE t.changed_at END,
           region_code = d.region_code, subject_type = d.subject_type
      FROM diff d
     WHERE d.existed AND t.subject_id = d.subject_id
       AND (${storedRowDiffers('d')} OR t.region_code IS DISTINCT FROM d.region_code OR t.subject_type IS DISTINCT FROM d.subject_type)
    RETURNING t.subject_id
  ),
  -- New rows; one a full recomputation inserted meanwhile (its staging saw none) is overwritten.
  inserted AS (
    INSERT INTO subject_tiers AS t (${TIER_COLUMNS})
    SELECT d.subject_id, d.level, d.score, ${version}, d.reasons, now(), d.next_review_on, now(), d.region_code, d.subject_type
      FROM diff d WHERE NOT d.existed
    ON CONFLICT (subject_id) DO UPDATE
       SET level = EXCLUDED.level, score = EXCLUDED.score, rule_version = EXCLUDED.rule_version, reasons = EXCLUDED.reasons,
           computed_at = EXCLUDED.computed_at, next_review_on = EXCLUDED.next_review_on,
           changed_at = CASE WHEN (t.level, t.score, t.rule_version) IS DISTINCT FROM (EXCLUDED.level, EXCLUDED.score, EXCLUDED.rule_version)
                                  OR ${reasonsDiffer('t.reasons', 'EXCLUDED.reasons')}
                             THEN EXCLUDED.changed_at ELSE t.changed_at END,
           region_code = EXCLUDED.region_code, subject_type = EXCLUDED.subject_type
    RETURNING t.subject_id
  ),
  written AS (SELECT subject_id FROM updated UNION ALL SELECT subject_id FROM inserted)${historyTail(
    rules,
    '$3::varchar',
    'diff d',
    `UPDATE subject_tier_history h SET valid_to = now(), reasons = coalesce(h.reasons, c.old_reasons)
       FROM (SELECT o.ctid AS open_ctid, d.old_reasons
               FROM diff d
              CROSS JOIN LATERAL ${lookup('subject_tier_history', 'x', 'x.subject_id = d.subject_id AND x.valid_to IS NULL', 'x.ctid')} o
              WHERE d.tier_changed) c
      WHERE h.ctid = c.open_ctid
     RETURNING h.id`,
  )}`;

  const stageSubjects = `
  INSERT INTO tier_stage_subjects (subject_id, region_code, subject_type, seen_xmin, seen_exists)
  SELECT s.id, s.region_code, s.subject_type, t.xmin, t.subject_id IS NOT NULL
    FROM credit_subjects s LEFT JOIN subject_tiers t ON t.subject_id = s.id
   WHERE $1::text IS NULL OR s.region_code LIKE $1::text || '%'`;

  // The region's subjects from credit_subjects, not from tier_stage_subjects: the two are staged at once, from one
  // snapshot (TierRecomputeRepository), and another session's rows of the working table are not in it.
  const pageRange = `r.ctid >= format('(%s,0)', $3::bigint)::tid AND ($4::bigint IS NULL OR r.ctid < format('(%s,0)', $4::bigint)::tid)`;
  const inRegion = `($2::text IS NULL OR r.subject_id IN (SELECT s.id FROM credit_subjects s WHERE s.region_code LIKE $2::text || '%'))`;
  const stageRecords = `
  INSERT INTO tier_stage_records (id, subject_id, decision_number, severity, categories, amount, violation_type, decision_date, counting, next_date)
  ${relevantFromPenaltyRecords(rules, 'penalty_records r', `${pageRange} AND ${inRegion}`)}`;

  // Only changed rows are written, and only when the row is still the version seen when staging began
  // (xmin unchanged): a read-your-writes recomputation that committed since then is fresher and wins.
  const chunk = `
  WITH subjects AS (
    SELECT subject_id, region_code, subject_type, seen_xmin, seen_exists FROM tier_stage_subjects WHERE subject_id BETWEEN $2::bigint AND $3::bigint
  ),
  rel AS (SELECT * FROM tier_stage_records WHERE subject_id BETWEEN $2::bigint AND $3::bigint),
  ${evaluationCtes(rules, (table) => `(SELECT * FROM ${table} o WHERE o.subject_id BETWEEN $2::bigint AND $3::bigint) o`, 'LEFT JOIN subject_tiers t ON t.subject_id = r.subject_id AND t.subject_id BETWEEN $2::bigint AND $3::bigint')},
  diff AS (SELECT * FROM cur c WHERE NOT c.existed OR ${storedRowDiffers('c')}),
  updated AS (
    UPDATE subject_tiers t
       SET level = d.level, score = d.score, rule_version = ${version}, reasons = d.reasons, computed_at = now(),
           next_review_on = d.next_review_on, changed_at = CASE WHEN d.tier_changed THEN now() ELSE t.changed_at END
      FROM diff d
     WHERE t.subject_id = d.subject_id AND d.existed AND d.seen_exists AND t.xmin = d.seen_xmin
       AND t.subject_id BETWEEN $2::bigint AND $3::bigint
    RETURNING t.subject_id
  ),
  -- A plain INSERT, not ON CONFLICT DO NOTHING: a speculative insertion costs a second WAL record and an index
  -- probe per row (300k rows into subject_tiers: 4.9 / 7.2 s against 10.8 / 12.6 s, two alternating pairs). A
  -- row a read-your-writes recomputation inserted after this statement's snapshot raises unique_violation: the
  -- chunk is retried (TierRecomputeRepository), sees that row as existing, and keeps it.
  inserted AS (
    INSERT INTO subject_tiers (${TIER_COLUMNS})
    SELECT d.subject_id, d.level, d.score, ${version}, d.reasons, now(), d.next_review_on, now(), d.region_code, d.subject_type
      FROM diff d WHERE NOT d.existed AND NOT d.seen_exists
    RETURNING subject_id
  ),
  written AS (SELECT subject_id FROM updated UNION ALL SELECT subject_id FROM inserted)${historyTail(
    rules,
    '$4::varchar',
    'diff d JOIN written w ON w.subject_id = d.subject_id',
    `UPDATE subject_tier_history h SET valid_to = now(), reasons = coalesce(h.reasons, d.old_reasons)
       FROM diff d JOIN written w ON w.subject_id = d.subject_id
      WHERE d.tier_changed AND h.subject_id = d.subject_id AND h.valid_to IS NULL AND h.subject_id BETWEEN $2::bigint AND $3::bigint
     RETURNING h.id`,
  )}`;

  return { ruleVersion: rules.version, fresh, freshName: preparedStatementName('tier_fresh', fresh), stageSubjects, stageRecords, chunk };
}

/**
 * Working tables of a full recomputation: UNLOGGED (no WAL; rebuilt on every run) and ordinary rather than
 * TEMP, so several sessions can evaluate chunks in parallel. One run at a time (advisory lock), so fixed names.
 */
export const STAGE_DROP = 'DROP TABLE IF EXISTS tier_stage_subjects, tier_stage_records';
export const STAGE_DDL = [
  `CREATE UNLOGGED TABLE tier_stage_subjects (subject_id bigint NOT NULL, region_code varchar(6), subject_type varchar(24) NOT NULL,
                                              seen_xmin xid, seen_exists boolean NOT NULL)`,
  `CREATE UNLOGGED TABLE tier_stage_records (id bigint NOT NULL, subject_id bigint NOT NULL, decision_number varchar(128) NOT NULL,
                                             severity varchar(16) NOT NULL, categories text[] NOT NULL, amount numeric NOT NULL,
                                             violation_type varchar(200) NOT NULL, decision_date date NOT NULL, counting boolean NOT NULL, next_date date)`,
];
// Statistics on the chunk key only: analysing the arrays and texts costs more than it helps the plans.
export const STAGE_INDEXES = {
  subjects: ['CREATE INDEX ON tier_stage_subjects (subject_id)', 'ANALYZE tier_stage_subjects (subject_id)'],
  records: ['CREATE INDEX ON tier_stage_records (subject_id)', 'ANALYZE tier_stage_records (subject_id, counting)'],
};

// The set-based SQL of the draw. Not the unit of work: a draw freezes up to millions of candidates, so it is one
// statement (drawSet) in the caller's transaction. The byte formats are those of
// libs/domain/src/inspections/inspection-draw.ts: the SQL and the pure draw must agree, and
// `inspections:verify-draw` checks that they do.
import { Injectable } from '@nestjs/common';
import { SqlExecutor } from '@credit/db';
import { CreditTier, DRAW_TIERS, DrawCandidate, StratumDraw, StratumRule, USCC_SENTINEL } from '@credit/domain';

export interface CandidateScope {
  planId: string;
  /** LIKE prefix of the plan's region subtree. */
  regionPrefix: string;
  subjectTypes: string[];
  drawDay: string;
  exclusionMonths: number;
}

export interface AssignedInspector {
  id: string;
  name: string;
  certificateNumber: string;
}

export interface SelectionRow {
  subjectId: string;
  uscc: string;
  name: string;
  regionCode: string | null;
  tier: CreditTier;
  rank: number;
  digest: string;
}

@Injectable()
export class InspectionDrawRepository {
  /** The seed of a published plan: read by the draw only. */
  async secretSeed(sql: SqlExecutor, planId: string): Promise<string | null> {
    const [row] = await sql.query<{ seed: string }>(`SELECT seed FROM inspection_plan_seeds WHERE plan_id = $1::bigint`, [planId]);
    return row?.seed ?? null;
  }

  /**
   * The whole draw in one statement, so the candidate list is read once, from memory:
   *   recent    subjects drawn by another plan within the exclusion window (one hashed set, not a probe each)
   *   frozen    INSERT … SELECT of the candidates: subjects with a real USCC in the region subtree and of the plan's
   *             types, with their current tier (no tier row = A), less `recent` unless D (isExcludedByRecentInspection)
   *   digests   SHA-256(seed ‖ USCC) of every candidate (PostgreSQL's built-in sha256(bytea))
   *   quotas    each stratum's size and count: stratumCount of @credit/domain, mirrored (the service checks the
   *             counts against it before committing)
   *   inserted  per tier a bounded top-N by digest (ties: the smaller USCC in byte order, COLLATE "C"), numbered
   *             by a window over the n rows kept, into inspection_selections
   *   hash      hex SHA-256 of the canonical lines "<USCC>,<tier>\n" sorted by USCC in byte order
   * bytea compares as unsigned bytes, the order of the hex digests the pure draw sorts by.
   */
  async drawSet(sql: SqlExecutor, scope: CandidateScope, seedHex: string, rules: readonly StratumRule[]): Promise<{ strata: { tier: CreditTier; size: number; count: number }[]; hash: string; selected: number }> {
    const rule = (tier: CreditTier) => rules.find((r) => r.tier === tier) ?? { ratioBasisPoints: 0, minCount: null, maxCount: null };
    const [row] = await sql.query<{ strata: { tier: CreditTier; size: number; count: number }[]; hash: string; selected: number }>(
      `WITH recent AS MATERIALIZED (
         SELECT DISTINCT x.subject_id FROM inspection_selections x
          WHERE $5::int > 0 AND x.plan_id <> $1::bigint
            AND x.draw_day >= ($4::date - make_interval(months => $5::int))::date AND x.draw_day <= $4::date
       ),
       frozen AS (
         INSERT INTO inspection_candidates (plan_id, subject_id, uscc, tier)
         SELECT $1::bigint, s.id, s.uscc, coalesce(t.level, 'A')
           FROM credit_subjects s
           LEFT JOIN subject_tiers t ON t.subject_id = s.id
           LEFT JOIN recent r ON r.subject_id = s.id
          WHERE s.uscc IS NOT NULL AND s.uscc <> $6 AND s.region_code LIKE $2::text || '%' AND s.subject_type = ANY($3::text[])
            AND (r.subject_id IS NULL OR coalesce(t.level, 'A') = 'D')
         RETURNING subject_id, uscc, tier
       ),
       digests AS MATERIALIZED (
         SELECT f.subject_id, f.uscc, f.tier, sha256(decode($7::text, 'hex') || convert_to(f.uscc, 'UTF8')) AS digest FROM frozen f
       ),
       sizes AS (SELECT tier, count(*)::int AS n FROM digests GROUP BY tier),
       quotas AS (
         SELECT q.tier, coalesce(z.n, 0) AS size,
                greatest(0, least(coalesce(z.n, 0),
                  least(greatest((coalesce(z.n, 0)::bigint * q.bp + 9999) / 10000, coalesce(q.min_count, 0)), coalesce(q.max_count, 2147483647))))::int AS n
           FROM unnest($8::text[], $9::int[], $10::int[], $11::int[]) AS q(tier, bp, min_count, max_count)
           LEFT JOIN sizes z ON z.tier = q.tier
       ),
       inserted AS (
         INSERT INTO inspection_selections (plan_id, subject_id, uscc, tier, rank, digest, draw_day)
         SELECT $1::bigint, k.subject_id, k.uscc, q.tier,
                row_number() OVER (PARTITION BY q.tier ORDER BY k.digest, k.uscc COLLATE "C")::int, encode(k.digest, 'hex'), $4::date
           FROM quotas q
          CROSS JOIN LATERAL (SELECT d.subject_id, d.uscc, d.digest FROM digests d WHERE d.tier = q.tier ORDER BY d.digest, d.uscc COLLATE "C" LIMIT q.n) k
         RETURNING 1
       )
       SELECT (SELECT json_agg(json_build_object('tier', tier, 'size', size, 'count', n) ORDER BY tier) FROM quotas) AS strata,
              (SELECT encode(sha256(convert_to(coalesce(string_agg(uscc || ',' || tier || E'\\n', '' ORDER BY uscc COLLATE "C"), ''), 'UTF8')), 'hex') FROM digests) AS hash,
              (SELECT count(*) FROM inserted)::int AS selected`,
      [
        scope.planId, scope.regionPrefix, scope.subjectTypes, scope.drawDay, scope.exclusionMonths, USCC_SENTINEL, seedHex,
        DRAW_TIERS, DRAW_TIERS.map((t) => rule(t).ratioBasisPoints), DRAW_TIERS.map((t) => rule(t).minCount), DRAW_TIERS.map((t) => rule(t).maxCount),
      ],
    );
    return row;
  }

  /** A draw sorts the whole candidate list once (its hash): enough memory for that, for this transaction only. */
  async reserveSortMemory(sql: SqlExecutor): Promise<void> {
    await sql.query(`SET LOCAL work_mem = '256MB'`);
  }

  /** Reveals the seed and records the outcome on the plan. */
  async recordDraw(sql: SqlExecutor, planId: string, seed: string, drawDay: string, hash: string, count: number, strata: StratumDraw[]): Promise<void> {
    await sql.query(
      `UPDATE inspection_plans SET status = 'DRAWN', seed = $2, drawn_at = now(), draw_day = $3::date, candidate_list_hash = $4,
              candidate_count = $5, draw_strata = $6::jsonb, updated_at = now()
        WHERE id = $1::bigint`,
      [planId, seed, drawDay, hash, count, JSON.stringify(strata)],
    );
  }

  /**
   * The frozen candidates in USCC byte order, `chunk` rows at a time, through a server-side cursor: one sort of the
   * plan's list however long it is (keyset pages would sort it once per page). Call inside a transaction.
   */
  async forEachCandidateChunk(sql: SqlExecutor, planId: string, chunk: number, fn: (rows: DrawCandidate[]) => Promise<void>): Promise<void> {
    await sql.query(
      `DECLARE inspection_candidate_list NO SCROLL CURSOR FOR
         SELECT uscc, tier FROM inspection_candidates WHERE plan_id = $1::bigint ORDER BY uscc COLLATE "C"`,
      [planId],
    );
    for (;;) {
      const rows = await sql.query<DrawCandidate>(`FETCH ${Math.trunc(chunk)} FROM inspection_candidate_list`);
      if (rows.length > 0) await fn(rows);
      if (rows.length < chunk) break;
    }
    await sql.query('CLOSE inspection_candidate_list');
  }

  /** Selected subjects after (tier, rank), in tier then rank order, with their name, region and assigned inspectors. */
  async selectionsPage(
    sql: SqlExecutor,
    planId: string,
    after: { tier: string; rank: number } | null,
    limit: number,
  ): Promise<(SelectionRow & { inspectors: AssignedInspector[] })[]> {
    return sql.query<SelectionRow & { inspectors: AssignedInspector[] }>(
      `SELECT x.subject_id::text AS "subjectId", x.uscc, s.name, s.region_code AS "regionCode", x.tier, x.rank, x.digest,
              coalesce((SELECT json_agg(json_build_object('id', i.id::text, 'name', i.name, 'certificateNumber', i.certificate_number) ORDER BY i.certificate_number)
                          FROM inspection_assignments a JOIN inspectors i ON i.id = a.inspector_id
                         WHERE a.plan_id = x.plan_id AND a.subject_id = x.subject_id), '[]'::json) AS inspectors
         FROM inspection_selections x JOIN credit_subjects s ON s.id = x.subject_id
        WHERE x.plan_id = $1::bigint AND ($2::text IS NULL OR (x.tier, x.rank) > ($2::text, $3::int))
        ORDER BY x.tier, x.rank LIMIT $4`,
      [planId, after?.tier ?? null, after?.rank ?? 0, limit],
    );
  }

  async selectionCount(sql: SqlExecutor, planId: string): Promise<number> {
    const [row] = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM inspection_selections WHERE plan_id = $1::bigint`, [planId]);
    return row.n;
  }

  /** Every selection of a plan (the verifier and the assignment): at most the plan's drawn count. */
  async allSelections(sql: SqlExecutor, planId: string): Promise<SelectionRow[]> {
    return sql.query<SelectionRow>(
      `SELECT x.subject_id::text AS "subjectId", x.uscc, s.name, s.region_code AS "regionCode", x.tier, x.rank, x.digest
         FROM inspection_selections x JOIN credit_subjects s ON s.id = x.subject_id
        WHERE x.plan_id = $1::bigint ORDER BY x.tier, x.rank`,
      [planId],
    );
  }

  async findSelection(sql: SqlExecutor, planId: string, uscc: string): Promise<SelectionRow | null> {
    const [row] = await sql.query<SelectionRow>(
      `SELECT x.subject_id::text AS "subjectId", x.uscc, s.name, s.region_code AS "regionCode", x.tier, x.rank, x.digest
         FROM inspection_selections x JOIN credit_subjects s ON s.id = x.subject_id
        WHERE x.plan_id = $1::bigint AND x.uscc = $2`,
      [planId, uscc],
    );
    return row ?? null;
  }
}

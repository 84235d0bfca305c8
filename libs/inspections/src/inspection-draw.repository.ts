// The set-based SQL of the draw. Not the unit of work: a draw freezes up to millions of candidates, so it is
// one INSERT … SELECT from credit_subjects + subject_tiers, one GROUP BY for the strata sizes, one ranked
// INSERT … SELECT (digest by PostgreSQL's built-in sha256(bytea), rank by a window per tier) and one aggregate
// for the candidate-list hash, in the caller's transaction. The byte formats are those of
// libs/domain/src/inspections/inspection-draw.ts: the SQL and the pure draw must agree, and
// `inspections:verify-draw` checks that they do.
import { Injectable } from '@nestjs/common';
import { SqlExecutor } from '@credit/db';
import { CreditTier, DrawCandidate, StratumDraw, USCC_SENTINEL } from '@credit/domain';

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
   * Freezes the candidates: subjects with a real USCC in the region subtree and of the plan's types, with their
   * current tier (no tier row = A, as the recomputation leaves untouched subjects), less the subjects selected by
   * another plan drawn within `exclusionMonths` before the draw day unless their tier is D
   * (isExcludedByRecentInspection of @credit/domain). In the same statement, from the rows it inserted: the size
   * of each tier stratum and the candidate-list hash, i.e. hex SHA-256 of the canonical lines
   * ("<USCC>,<tier>\n", sorted by USCC in byte order), so the list is read once.
   */
  async freezeCandidates(sql: SqlExecutor, scope: CandidateScope): Promise<{ sizes: Record<CreditTier, number>; hash: string }> {
    const [row] = await sql.query<{ a: number; b: number; c: number; d: number; hash: string }>(
      `WITH recent AS MATERIALIZED (
         -- Subjects drawn by another plan within the window: one hashed set, not a probe per candidate.
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
         RETURNING uscc, tier)
       SELECT count(*) FILTER (WHERE tier = 'A')::int AS a, count(*) FILTER (WHERE tier = 'B')::int AS b,
              count(*) FILTER (WHERE tier = 'C')::int AS c, count(*) FILTER (WHERE tier = 'D')::int AS d,
              encode(sha256(convert_to(coalesce(string_agg(uscc || ',' || tier || E'\\n', '' ORDER BY uscc COLLATE "C"), ''), 'UTF8')), 'hex') AS hash
         FROM frozen`,
      [scope.planId, scope.regionPrefix, scope.subjectTypes, scope.drawDay, scope.exclusionMonths, USCC_SENTINEL],
    );
    return { sizes: { A: row.a, B: row.b, C: row.c, D: row.d } as Record<CreditTier, number>, hash: row.hash };
  }

  /**
   * Selects in each stratum the `counts[tier]` candidates with the smallest SHA-256(seed ‖ USCC): bytea compares
   * as unsigned bytes, the order of the hex digests; ties go to the smaller USCC in byte order (COLLATE "C").
   * The plan's candidates are read and hashed once (a materialized CTE); per tier a bounded top-N (ORDER BY …
   * LIMIT n, a heap of n rows) rather than a window over every candidate, which would sort the whole list; the
   * window then only numbers the n rows kept.
   */
  async selectByDigest(sql: SqlExecutor, planId: string, seedHex: string, drawDay: string, counts: Record<CreditTier, number>): Promise<number> {
    const tiers = (Object.keys(counts) as CreditTier[]).filter((tier) => counts[tier] > 0);
    if (tiers.length === 0) return 0;
    const rows = await sql.query<{ n: number }>(
      `WITH digests AS MATERIALIZED (
         SELECT c.subject_id, c.uscc, c.tier, sha256(decode($2::text, 'hex') || convert_to(c.uscc, 'UTF8')) AS digest
           FROM inspection_candidates c WHERE c.plan_id = $1::bigint AND c.tier = ANY($4::text[])
       ),
       inserted AS (
         INSERT INTO inspection_selections (plan_id, subject_id, uscc, tier, rank, digest, draw_day)
         SELECT $1::bigint, s.subject_id, s.uscc, q.tier,
                row_number() OVER (PARTITION BY q.tier ORDER BY s.digest, s.uscc COLLATE "C")::int, encode(s.digest, 'hex'), $3::date
           FROM unnest($4::text[], $5::int[]) AS q(tier, n)
          CROSS JOIN LATERAL (SELECT d.subject_id, d.uscc, d.digest FROM digests d WHERE d.tier = q.tier ORDER BY d.digest, d.uscc COLLATE "C" LIMIT q.n) s
         RETURNING 1)
       SELECT count(*)::int AS n FROM inserted`,
      [planId, seedHex, drawDay, tiers, tiers.map((tier) => counts[tier])],
    );
    return rows[0].n;
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

  /** A page of the frozen candidates in USCC byte order (the export and the verifier), after `afterUscc`. */
  async candidatesPage(sql: SqlExecutor, planId: string, afterUscc: string, limit: number): Promise<DrawCandidate[]> {
    return sql.query<DrawCandidate>(
      `SELECT uscc, tier FROM inspection_candidates WHERE plan_id = $1::bigint AND uscc COLLATE "C" > $2::text COLLATE "C"
        ORDER BY uscc COLLATE "C" LIMIT $3`,
      [planId, afterUscc, limit],
    );
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
